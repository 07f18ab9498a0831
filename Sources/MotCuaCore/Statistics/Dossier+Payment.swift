import Foundation

extension Dossier {
    /// When the fees were settled: the last payment's instant, once every payment asked for is paid.
    public var paidAt: Date? {
        guard feesPaid else { return nil }
        return payments.compactMap(\.paidAt).max()
    }

    /// Whether the settled fees were paid online (Decision 766/QĐ-TTg "online payment"): true when every
    /// payment went through the online channel, false when one went another way; nil while not settled or
    /// when a payment's channel was not recorded (confirmed before the channel existed), so unknown
    /// channels are neither counted as online nor as offline.
    public var paidOnline: Bool? {
        guard feesPaid else { return nil }
        let channels = payments.map(\.channel)
        if channels.contains(where: { $0 != nil && $0 != .online }) { return false }
        if channels.contains(nil) { return nil }
        return true
    }
}
