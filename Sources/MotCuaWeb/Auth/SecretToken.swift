import Crypto
import Foundation

/// Random secrets (session ids, CSRF tokens, API tokens) and their stored form.
///
/// Values come from `SystemRandomNumberGenerator`, which reads the operating system's cryptographic
/// source (`getrandom` on Linux, `arc4random` on Apple systems). Only SHA-256 hashes of session ids and
/// API tokens reach the database; the values themselves live in the client's cookie or configuration.
enum SecretToken {
    /// 32 random bytes as unpadded base64url (43 characters): safe in a cookie, a header or a form field.
    static func random(byteCount: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return base64URL(bytes)
    }

    /// The stored form of a secret: SHA-256 of its UTF-8 bytes, lower-case hex.
    static func hash(_ secret: String) -> String {
        SHA256.hash(data: Data(secret.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    /// Compares two secrets in time that depends only on their lengths.
    static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8), right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }

    /// Whether `value` could be one of our base64url secrets (so junk never reaches the database).
    static func isWellFormed(_ value: Substring, length: ClosedRange<Int> = 43...43) -> Bool {
        length.contains(value.utf8.count)
            && value.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                    || byte == 0x2D || byte == 0x5F
            }
    }

    private static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
