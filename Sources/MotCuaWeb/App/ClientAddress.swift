#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import NIOCore

/// An IPv4 or IPv6 address as its bytes (4 or 16); an IPv4-mapped IPv6 address is its IPv4 address.
struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    let bytes: [UInt8]

    init?(_ text: some StringProtocol) {
        var trimmed = String(text).trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("["), let end = trimmed.firstIndex(of: "]") {  // "[2001:db8::1]:443"
            trimmed = String(trimmed[trimmed.index(after: trimmed.startIndex)..<end])
        }
        if let zone = trimmed.firstIndex(of: "%") { trimmed = String(trimmed[..<zone]) }
        var v4 = in_addr()
        if inet_pton(AF_INET, trimmed, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
            return
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, trimmed, &v6) == 1 else { return nil }
        let all = withUnsafeBytes(of: &v6) { Array($0) }
        let mappedPrefix: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF]
        bytes = Array(all.prefix(12)) == mappedPrefix ? Array(all.suffix(4)) : all
    }

    var isIPv4: Bool { bytes.count == 4 }

    /// What rate limits count by: an IPv4 address as it is, an IPv6 address by its /64 — one subscriber
    /// usually holds a whole /64 and could otherwise take a fresh address for every request.
    var rateLimitKey: String {
        isIPv4 ? description : hexGroups(upTo: 8) + "::/64"
    }

    var description: String {
        isIPv4 ? bytes.map(String.init).joined(separator: ".") : hexGroups(upTo: 16)
    }

    /// The IPv6 groups of the first `byteCount` bytes, "2001:db8:1:2" (uncompressed).
    private func hexGroups(upTo byteCount: Int) -> String {
        stride(from: 0, to: byteCount, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }
            .joined(separator: ":")
    }
}

/// A network in CIDR form ("10.0.0.0/8", "2001:db8::/32", or one address): the proxies whose
/// `X-Forwarded-For` is believed.
public struct IPNetwork: Hashable, Sendable, CustomStringConvertible {
    let address: IPAddress
    let prefixLength: Int

    /// Nil when `text` is not an address or CIDR network.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", maxSplits: 1)
        guard let first = parts.first, let address = IPAddress(first) else { return nil }
        let bits = address.bytes.count * 8
        let length = parts.count == 2 ? Int(parts[1]) : bits
        guard let length, (0...bits).contains(length) else { return nil }
        self.address = address
        prefixLength = length
    }

    func contains(_ other: IPAddress) -> Bool {
        guard other.bytes.count == address.bytes.count else { return false }
        var remaining = prefixLength
        for (a, b) in zip(address.bytes, other.bytes) where remaining > 0 {
            let mask: UInt8 = remaining >= 8 ? 0xFF : ~(0xFF >> UInt8(remaining))
            if a & mask != b & mask { return false }
            remaining -= 8
        }
        return true
    }

    public var description: String { "\(address)/\(prefixLength)" }
}

/// Who the client is, for the rate limits: the connected peer, unless the peer is a trusted proxy — then
/// the nearest address in `X-Forwarded-For` that is not itself a trusted proxy (each proxy appends the
/// address it saw, so the addresses further left were written by the client and prove nothing).
enum ClientAddress {
    /// The key of a request whose peer address is not known (in-process tests): counted as one client.
    static let unknown = "unknown"

    static func key(peer: SocketAddress?, forwardedFor: [String], trustedProxies: [IPNetwork]) -> String {
        guard let peerText = peer?.ipAddress, let peerAddress = IPAddress(peerText) else { return unknown }
        func isTrusted(_ address: IPAddress) -> Bool { trustedProxies.contains { $0.contains(address) } }
        guard isTrusted(peerAddress) else { return peerAddress.rateLimitKey }
        let chain = forwardedFor.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        var client = peerAddress
        for entry in chain.reversed() {
            guard let address = IPAddress(entry) else { break }  // garbage: stop at the last address we can trust
            client = address
            if !isTrusted(address) { break }
        }
        return client.rateLimitKey
    }
}
