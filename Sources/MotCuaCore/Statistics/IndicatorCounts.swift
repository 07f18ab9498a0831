import Foundation

/// The counts behind the Decision 766/QĐ-TTg indicators of one owning agency for a period (DESIGN
/// "Decision 766/QĐ-TTg indicators"). Rates and scores are computed from them (MotCuaReports).
///
/// Two on-time rules, both kept:
/// - legal (the quarterly report's): dossiers resolved in the period, late when completed after `dueAt`;
/// - 766 scoring: dossiers resolved in the period plus those still open at its end, judged against
///   `effectiveScoringDueAt` (every wait for the applicant paused); more than one supplement request after
///   receipt is late whatever the dates; an open dossier is late when its scoring due instant is before
///   the end of the period.
public struct IndicatorCounts: Sendable, Hashable, Codable {
    /// Received in the period, and of those submitted online.
    public var received = 0, receivedOnline = 0
    /// Received in the period with fees asked for, and of those with every fee paid.
    public var withFees = 0, feesPaid = 0
    /// Of those received in the period with fees: settled before the end of the period with the channel
    /// known (`Dossier.paidOnline` not nil), and of those paid online. Payments confirmed before the channel
    /// was recorded count in neither, so the indicator is computed only from what is known.
    public var paidChannelKnown = 0, paidOnline = 0
    /// Legal rule: resolved in the period, of which late, of which late with an apology letter.
    public var resolved = 0, resolvedLate = 0, lateWithApology = 0
    /// Still open at the end of the period, of which past their legal due instant.
    public var openAtEnd = 0, openOverdue = 0
    /// 766 rule: late among the resolved, and among those open at the end.
    public var resolvedLate766 = 0, openLate766 = 0
    /// Satisfaction ratings given in the period for the agency's dossiers, of which (very) satisfied.
    public var ratings = 0, satisfied = 0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case received, receivedOnline = "received_online", withFees = "with_fees", feesPaid = "fees_paid"
        case paidChannelKnown = "paid_channel_known", paidOnline = "paid_online"
        case resolved, resolvedLate = "resolved_late", lateWithApology = "late_with_apology"
        case openAtEnd = "open_at_end", openOverdue = "open_overdue"
        case resolvedLate766 = "resolved_late_766", openLate766 = "open_late_766", ratings, satisfied
    }

    public static func + (a: IndicatorCounts, b: IndicatorCounts) -> IndicatorCounts {
        var c = IndicatorCounts()
        c.received = a.received + b.received
        c.receivedOnline = a.receivedOnline + b.receivedOnline
        c.withFees = a.withFees + b.withFees
        c.feesPaid = a.feesPaid + b.feesPaid
        c.paidChannelKnown = a.paidChannelKnown + b.paidChannelKnown
        c.paidOnline = a.paidOnline + b.paidOnline
        c.resolved = a.resolved + b.resolved
        c.resolvedLate = a.resolvedLate + b.resolvedLate
        c.lateWithApology = a.lateWithApology + b.lateWithApology
        c.openAtEnd = a.openAtEnd + b.openAtEnd
        c.openOverdue = a.openOverdue + b.openOverdue
        c.resolvedLate766 = a.resolvedLate766 + b.resolvedLate766
        c.openLate766 = a.openLate766 + b.openLate766
        c.ratings = a.ratings + b.ratings
        c.satisfied = a.satisfied + b.satisfied
        return c
    }

    /// A satisfaction rating: when, for which dossier, and whether (very) satisfied.
    public struct Rating: Sendable, Hashable {
        public let at: Date
        public let dossier: DossierCode
        public let satisfied: Bool
        public init(at: Date, dossier: DossierCode, satisfied: Bool) {
            self.at = at
            self.dossier = dossier
            self.satisfied = satisfied
        }
    }

    /// The rules applied to dossiers one by one, per owning agency: the reference the SQL aggregates are
    /// tested against. Ratings count for the owning agency of their dossier; ratings of unknown dossiers
    /// are not counted.
    public static func compute<S: Sequence<Dossier>>(_ dossiers: S, ratings: [Rating], period: StatisticsPeriod)
        -> [AgencyCode: IndicatorCounts]
    {
        let start = period.start, end = period.end
        var result: [AgencyCode: IndicatorCounts] = [:]
        var owners: [DossierCode: AgencyCode] = [:]
        for d in dossiers {
            owners[d.code] = d.owningAgencyCode
            guard let receivedAt = d.receivedAt, receivedAt < end else { continue }
            var c = result[d.owningAgencyCode] ?? IndicatorCounts()
            let tooManySupplements = d.processingSupplementRequests > 1
            if receivedAt >= start {
                c.received += 1
                if d.channel == .online { c.receivedOnline += 1 }
                if d.hasFees { c.withFees += 1 }
                if d.feesPaid { c.feesPaid += 1 }
                if d.hasFees, let paidAt = d.paidAt, paidAt < end, let online = d.paidOnline {
                    c.paidChannelKnown += 1
                    if online { c.paidOnline += 1 }
                }
            }
            if let completed = d.completedAt, completed >= start, completed < end {
                c.resolved += 1
                if let due = d.dueAt, completed > due {
                    c.resolvedLate += 1
                    if d.lateAttribution?.apologySent == true { c.lateWithApology += 1 }
                }
                if tooManySupplements || d.effectiveScoringDueAt.map({ completed > $0 }) == true { c.resolvedLate766 += 1 }
            }
            if d.finishedAt.map({ $0 >= end }) ?? true {
                c.openAtEnd += 1
                if let due = d.dueAt, due < end { c.openOverdue += 1 }
                if tooManySupplements || d.effectiveScoringDueAt.map({ $0 < end }) == true { c.openLate766 += 1 }
            }
            result[d.owningAgencyCode] = c
        }
        for rating in ratings where rating.at >= start && rating.at < end {
            guard let owner = owners[rating.dossier] else { continue }
            var c = result[owner] ?? IndicatorCounts()
            c.ratings += 1
            if rating.satisfied { c.satisfied += 1 }
            result[owner] = c
        }
        return result
    }
}
