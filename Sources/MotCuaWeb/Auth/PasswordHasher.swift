import HummingbirdBcrypt
import NIOConcurrencyHelpers
import NIOPosix

/// bcrypt password hashes. Hashing is deliberately slow (cost 12 ≈ a quarter of a second), so it runs on
/// NIO's blocking thread pool, never on the cooperative threads that serve requests.
public struct PasswordHasher: Sendable {
    /// log2 of bcrypt's rounds; 12 in production, 4 (the minimum) in tests.
    public let cost: UInt8
    private let decoy: Decoy

    public init(cost: UInt8 = 12) {
        precondition((4...31).contains(cost), "bcrypt cost must be between 4 and 31")
        self.cost = cost
        self.decoy = Decoy()
    }

    public func hash(_ password: String) async throws -> String {
        let cost = self.cost
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, against hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// Spends the time of one verification without a real hash, so that an unknown username answers as
    /// slowly as a wrong password and response times do not tell which usernames exist.
    public func verifyDecoy(_ password: String) async throws {
        let hash = try await decoy.hash(cost: cost)
        _ = try await verify(password, against: hash)
    }

    /// A hash of a random value, made once on first use.
    private struct Decoy: Sendable {
        private let cached = NIOLockedValueBox<String?>(nil)

        func hash(cost: UInt8) async throws -> String {
            if let hash = cached.withLockedValue({ $0 }) { return hash }
            let secret = SecretToken.random()
            let hash = try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(secret, cost: cost) }
            cached.withLockedValue { $0 = hash }
            return hash
        }
    }
}
