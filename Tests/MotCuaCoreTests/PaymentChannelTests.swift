import Foundation
import Testing
import WorkCalendar
@testable import MotCuaCore

@Suite("Payment channel: recorded on confirmation, replayed, and what the 766 indicator reads from it")
struct PaymentChannelTests {
    let context = LifecycleContext(procedure: investmentProcedure(policy: .pause))

    /// A dossier at its first step with `rounds` payments requested and confirmed through `channels`.
    func paid(_ channels: [PaymentChannel?], requestOnly: Bool = false) throws -> (Dossier, [DossierEvent]) {
        var (d, events) = try receivedDossier(at: "2021-03-01 07:30", context: context)
        events.append(try d.execute(.transfer, at: t("2021-03-01 07:30"), actor: "a", context: context))
        for (i, channel) in channels.enumerated() {
            events.append(try d.execute(.requestPayment(amountVND: 100_000 * (i + 1), description: "Lệ phí \(i + 1)"),
                                        at: t("2021-03-0\(2 + i) 08:00"), actor: "cv", context: context))
            if requestOnly && i == channels.count - 1 { break }
            events.append(try d.execute(.confirmPayment(reference: "BL-\(i)", channel: channel),
                                        at: t("2021-03-0\(2 + i) 10:00"), actor: "tiepnhan", context: context))
        }
        return (d, events)
    }

    @Test("each channel lands in the payment round and the event, and replays to the same state", arguments: PaymentChannel.allCases)
    func eachChannel(channel: PaymentChannel) throws {
        let (d, events) = try paid([channel])
        #expect(d.payments.map(\.channel) == [channel])
        #expect(d.paidAt == t("2021-03-02 10:00"))
        #expect(d.paidOnline == (channel == .online))
        guard case .paymentConfirmed(let confirmation)? = events.last?.kind else { Issue.record("no confirmation"); return }
        #expect(confirmation.channel == channel)
        #expect(String(decoding: try events.last!.kind.payloadJSON(), as: UTF8.self).contains("\"channel\":\"\(channel.rawValue)\""))
        #expect(try Dossier.replay(events) == d)
        let decoded = try MotCuaJSON.decode([DossierEvent].self, from: MotCuaJSON.encode(events))
        #expect(try Dossier.replay(decoded) == d)
        #expect(try MotCuaJSON.decode(Dossier.self, from: MotCuaJSON.encode(d)) == d)
    }

    @Test("an event stored before the channel existed still decodes and replays: unknown channel, never online")
    func oldEventWithoutChannel() throws {
        let (d, events) = try paid([.counter])
        let last = try #require(events.last)
        // The payload as it was written before: the same, without the "channel" key.
        var object = try #require(try JSONSerialization.jsonObject(with: last.kind.payloadJSON()) as? [String: Any])
        #expect(object.removeValue(forKey: "channel") as? String == "counter")
        let old = try DossierEventKind(type: "payment_confirmed", payloadJSON: JSONSerialization.data(withJSONObject: object))
        guard case .paymentConfirmed(let confirmation) = old else { Issue.record("not a confirmation"); return }
        #expect(confirmation.channel == nil && confirmation.reference == "BL-0")
        let replayed = try Dossier.replay(events.dropLast() + [DossierEvent(
            sequence: last.sequence, at: last.at, actor: last.actor, fromStatus: last.fromStatus, toStatus: last.toStatus, kind: old)])
        var unknown = d
        unknown.payments[0].channel = nil
        #expect(replayed == unknown)
        #expect(replayed.feesPaid && replayed.paidAt == d.paidAt && replayed.paidOnline == nil)
        // Its state without the key decodes too.
        let state = try MotCuaJSON.encode(replayed)
        let stored = try #require(try JSONSerialization.jsonObject(with: state) as? [String: Any])
        let rounds = try #require(stored["payments"] as? [[String: Any]])
        #expect(rounds.count == 1 && rounds[0]["channel"] == nil && rounds[0]["paid_at"] != nil)
        #expect(try MotCuaJSON.decode(Dossier.self, from: state) == replayed)
    }

    @Test("several rounds: online only when every round went online; unknown when one has no channel; unpaid is nil")
    func severalRounds() throws {
        #expect(try paid([.online, .online]).0.paidOnline == true)
        #expect(try paid([.online, .transfer]).0.paidOnline == false)
        #expect(try paid([.online, nil]).0.paidOnline == nil)
        #expect(try paid([nil, .counter]).0.paidOnline == false)
        let pending = try paid([.online, .online], requestOnly: true).0
        #expect(pending.status == .paymentRequested && !pending.feesPaid && pending.paidAt == nil && pending.paidOnline == nil)
        #expect(try paid([.online, .counter]).0.paidAt == t("2021-03-03 10:00"))
    }
}
