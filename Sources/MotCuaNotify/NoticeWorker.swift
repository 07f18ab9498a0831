import Foundation
import Logging
import Metrics
import MotCuaCore
import MotCuaStore
import ServiceLifecycle

/// Delivers the outbox (issue 12, item 2): claims due notices with a lease, hands each to its channel's
/// sender, and settles it by the answer — sent, retried later with exponential backoff and jitter, or failed.
/// Several workers (app servers) share one outbox: a claim is exclusive, and a worker that dies mid-send
/// leaves its notices to be taken again when the lease ends. Runs inside `motcua serve` or alone
/// (`motcua notify work`).
public struct NoticeWorker: Service {
    public let store: NoticeStore
    public let senders: [NoticeChannel: any NoticeSender]
    /// The public status lookup, filled into each message ("https://…/tra-cuu").
    public let lookupURL: String
    public let name: String
    public let batchSize: Int
    public let lease: TimeInterval
    public let idle: Duration
    /// The wait before the second attempt; it doubles with each further one.
    public let firstRetry: TimeInterval
    let logger: Logger
    let now: @Sendable () -> Date

    public init(store: NoticeStore, senders: [NoticeChannel: any NoticeSender], lookupURL: String, name: String = NoticeWorker.defaultName(),
                batchSize: Int = 20, lease: TimeInterval = 120, idle: Duration = .seconds(1), firstRetry: TimeInterval = 30,
                logger: Logger, now: @escaping @Sendable () -> Date = Date.init) {
        self.firstRetry = firstRetry
        self.store = store
        self.senders = senders
        self.lookupURL = lookupURL
        self.name = name
        self.batchSize = batchSize
        self.lease = lease
        self.idle = idle
        self.logger = logger
        self.now = now
    }

    /// "host:pid": which worker holds a claim.
    public static func defaultName() -> String {
        "\(ProcessInfo.processInfo.hostName):\(ProcessInfo.processInfo.processIdentifier)"
    }

    public func run() async throws {
        logger.info("notice worker started", metadata: ["channels": "\(senders.keys.map(\.rawValue).sorted())"])
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            let handled: Int
            do { handled = try await runOnce() } catch {
                logger.error("notice worker: \(error)")
                handled = 0
            }
            if handled == 0 {
                try? await cancelWhenGracefulShutdown { try await Task.sleep(for: idle) }
            }
        }
        logger.info("notice worker stopped")
    }

    /// One batch: claims what is due now and delivers it; returns how many notices it handled.
    @discardableResult
    public func runOnce() async throws -> Int {
        let claimed = try await store.claim(limit: batchSize, worker: name, now: now(), lease: lease)
        for notice in claimed { try await deliver(notice) }
        return claimed.count
    }

    /// Runs batches until nothing is due (tests, `motcua notify work --once`).
    public func drain(maximumBatches: Int = 1000) async throws {
        for _ in 0..<maximumBatches {
            guard try await runOnce() > 0 else { return }
        }
    }

    func deliver(_ notice: Notice) async throws {
        guard let sender = senders[notice.channel] else {
            try await store.markCancelled(notice.id, answer: "Kênh \(notice.channel.vietnameseLabel) chưa được cấu hình", at: now())
            Counter(label: "motcua_notices_total", dimensions: [("channel", notice.channel.rawValue), ("outcome", "cancelled")]).increment()
            try await fallBack(notice)
            return
        }
        let outcome = await sender.send(notice, lookupURL: lookupURL)
        let instant = now()
        switch outcome {
        case let .accepted(providerID, answer):
            try await store.markSent(notice.id, providerID: providerID, answer: answer, at: instant)
        case let .temporaryFailure(answer):
            let next = instant.addingTimeInterval(Self.backoff(attempt: notice.attempts, first: firstRetry))
            try await store.markRetry(notice.id, answer: answer, next: next, at: instant)
            logger.warning("notice will be retried", metadata: ["notice": "\(notice.id)", "answer": "\(answer.prefix(200))"])
        case let .permanentFailure(answer):
            try await store.markFailed(notice.id, answer: answer, at: instant)
            logger.warning("notice failed", metadata: ["notice": "\(notice.id)", "answer": "\(answer.prefix(200))"])
            try await fallBack(notice)
        }
        let label: String = switch outcome {
        case .accepted: "sent"
        case .temporaryFailure: "retry"
        case .permanentFailure: "failed"
        }
        Counter(label: "motcua_notices_total", dimensions: [("channel", notice.channel.rawValue), ("outcome", label)]).increment()
    }

    /// A Zalo notice that cannot go through goes by SMS, when SMS is configured.
    func fallBack(_ notice: Notice) async throws {
        guard notice.channel == .zns, senders[.sms] != nil else { return }
        if try await store.addFallback(of: notice, channel: .sms, at: now()) {
            logger.info("notice falls back to SMS", metadata: ["notice": "\(notice.id)"])
        }
    }

    /// Seconds before attempt `attempt + 1`: `first` doubled each time, at most an hour, ±20% jitter so that
    /// notices failed together do not come back together.
    static func backoff(attempt: Int, first: TimeInterval) -> TimeInterval {
        let base = min(3600, first * pow(2, Double(max(0, attempt - 1))))
        return base * Double.random(in: 0.8...1.2)
    }
}
