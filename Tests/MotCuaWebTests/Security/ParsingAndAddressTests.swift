import Foundation
import NIOCore
@testable import MotCuaWeb
import Testing

@Suite("Multipart parts and client addresses")
struct ParsingAndAddressTests {
    static func body(_ boundary: String, _ parts: [(headers: String, content: String)], preamble: String = "") -> [UInt8] {
        var text = preamble
        for part in parts { text += "--\(boundary)\r\n\(part.headers)\r\n\r\n\(part.content)\r\n" }
        return Array((text + "--\(boundary)--\r\n").utf8)
    }

    @Test("fields and files by name, content that almost repeats the boundary kept whole, a preamble ignored")
    func parts() {
        let boundary = "abcabd"
        let tricky = "x\r\n--abcab\r\n--abcabc--abcab"  // partial delimiters that overlap the real one
        let bytes = Self.body(boundary, [
            ("Content-Disposition: form-data; name=\"a\"", tricky),
            ("Content-Disposition: form-data; name=\"f\"; filename=\"t.pdf\"\r\nContent-Type: application/pdf", "%PDF"),
            ("Content-Type: text/plain", "no disposition: skipped"),
            ("Content-Disposition: form-data; name=\"b\"", ""),
        ], preamble: "ignored preamble\r\n")
        let parts = MultipartParts(bytes, boundary: boundary).parts
        #expect(parts.map(\.name) == ["a", "f", "b"])
        #expect(String(decoding: parts[0].content, as: UTF8.self) == tricky)
        #expect(parts[1].fileName == "t.pdf" && Array(parts[1].content) == Array("%PDF".utf8))
        #expect(parts[2].content.isEmpty && parts[2].fileName == nil)
        let form = UploadForm(multipart: bytes, boundary: boundary)
        #expect(form.fields["a"] == tricky && form.files["f"]?.first?.fileName == "t.pdf")
    }

    @Test("boundaries: RFC 2046's 1–70 characters of its alphabet; anything else gives no parts")
    func boundaries() {
        #expect(MultipartParts.isValidBoundary("----WebKitFormBoundary7MA4YWxkTrZu0gW"))
        #expect(MultipartParts.isValidBoundary(String(repeating: "a", count: 70)))
        #expect(!MultipartParts.isValidBoundary(String(repeating: "a", count: 71)))
        #expect(!MultipartParts.isValidBoundary(""))
        #expect(!MultipartParts.isValidBoundary("ends with space "))
        #expect(!MultipartParts.isValidBoundary("bad\"quote"))
        let bytes = Self.body("x", [("Content-Disposition: form-data; name=\"a\"", "1")])
        #expect(MultipartParts(bytes, boundary: String(repeating: "x", count: 71)).parts.isEmpty)
    }

    @Test("parts past 64, and headers that never end, are not read")
    func bounded() {
        let many = Self.body("b", (0..<100).map { ("Content-Disposition: form-data; name=\"n\($0)\"", "v") })
        #expect(MultipartParts(many, boundary: "b").parts.count == MultipartParts.maximumParts)
        let endless = Array("--b\r\nContent-Disposition: form-data; name=\"a\"\r\n".utf8)
            + [UInt8](repeating: UInt8(ascii: "h"), count: 20_000) + Array("\r\n\r\nvalue\r\n--b--\r\n".utf8)
        #expect(MultipartParts(endless, boundary: "b").parts.isEmpty)
    }

    @Test("a megabyte of near-misses of a 70-character boundary parses in linear time")
    func linear() {
        let boundary = String(repeating: "a", count: 70)
        let nearMiss = Array("\r\n--\(boundary.dropLast())!".utf8)
        let head = Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n".utf8)
        let tail = Array("\r\n--\(boundary)--\r\n".utf8)
        var bytes = head
        while bytes.count < 1_000_000 { bytes += nearMiss }
        bytes += tail
        let clock = ContinuousClock()
        let start = clock.now
        let parts = MultipartParts(bytes, boundary: boundary).parts
        let elapsed = clock.now - start
        #expect(parts.count == 1 && parts[0].content.count == bytes.count - head.count - tail.count)
        // A quadratic search takes seconds here even optimised; one linear pass is far under this, even unoptimised.
        #expect(elapsed < .seconds(1), "\(elapsed)")
    }

    @Test("addresses: IPv4, IPv6 by /64, IPv4-mapped IPv6 as IPv4; CIDR networks")
    func addresses() throws {
        #expect(IPAddress("203.0.113.7")?.rateLimitKey == "203.0.113.7")
        #expect(IPAddress("2001:db8:1:2:3:4:5:6")?.rateLimitKey == "2001:db8:1:2::/64")
        #expect(IPAddress("[2001:db8:1:2::9]")?.rateLimitKey == "2001:db8:1:2::/64")
        #expect(IPAddress("::ffff:192.0.2.1")?.rateLimitKey == "192.0.2.1")
        #expect(IPAddress("not an address") == nil && IPAddress("300.1.1.1") == nil)
        let network = try #require(IPNetwork("10.0.0.0/8"))
        #expect(network.contains(IPAddress("10.200.3.4")!) && !network.contains(IPAddress("11.0.0.1")!))
        #expect(IPNetwork("2001:db8::/32")!.contains(IPAddress("2001:db8:ffff::1")!))
        #expect(!IPNetwork("2001:db8::/32")!.contains(IPAddress("10.0.0.1")!))
        #expect(IPNetwork("10.0.0.0/33") == nil && IPNetwork("x/8") == nil)
        #expect(IPNetwork("192.0.2.5")!.contains(IPAddress("192.0.2.5")!) && !IPNetwork("192.0.2.5")!.contains(IPAddress("192.0.2.6")!))
    }

    @Test("the client behind trusted proxies: the nearest untrusted forwarded address; a forged header from an untrusted peer is ignored")
    func forwarded() throws {
        let proxy = try SocketAddress(ipAddress: "10.0.0.5", port: 40000)
        let stranger = try SocketAddress(ipAddress: "198.51.100.7", port: 40000)
        let trusted = [IPNetwork("10.0.0.0/8")!]
        #expect(ClientAddress.key(peer: proxy, forwardedFor: ["1.2.3.4, 203.0.113.9"], trustedProxies: trusted) == "203.0.113.9")
        #expect(ClientAddress.key(peer: proxy, forwardedFor: ["203.0.113.9, 10.0.0.7"], trustedProxies: trusted) == "203.0.113.9")
        #expect(ClientAddress.key(peer: proxy, forwardedFor: ["203.0.113.9", "10.1.1.1"], trustedProxies: trusted) == "203.0.113.9")
        #expect(ClientAddress.key(peer: stranger, forwardedFor: ["203.0.113.9"], trustedProxies: trusted) == "198.51.100.7")
        #expect(ClientAddress.key(peer: proxy, forwardedFor: [], trustedProxies: trusted) == "10.0.0.5")
        #expect(ClientAddress.key(peer: proxy, forwardedFor: ["garbage, 203.0.113.9"], trustedProxies: trusted) == "203.0.113.9")
        #expect(ClientAddress.key(peer: proxy, forwardedFor: ["203.0.113.9"], trustedProxies: []) == "10.0.0.5")
        #expect(ClientAddress.key(peer: nil, forwardedFor: ["203.0.113.9"], trustedProxies: trusted) == "unknown")
    }
}
