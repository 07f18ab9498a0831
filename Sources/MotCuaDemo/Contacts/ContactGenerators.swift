import Foundation
import MotCuaCore

/// The center's guidance log: the seed's 1 247 in-person sessions, 613 outgoing and 606 incoming calls,
/// on working days and in office hours. They fall between 15/6 and 07/9/2021, where the center's window
/// (09/6–07/9) and the report period (15/6–14/9) overlap, so that either count gives the seed's 2 466.
enum GuidanceGenerator {
    static let counts: [(GuidanceContact.Kind, Int)] = [(.inPerson, 1247), (.outgoingCall, 613), (.incomingCall, 606)]

    static func make(world: DemoWorld, clock: OfficeClock, marks: DemoMarks, seed: UInt64) -> [GuidanceContact] {
        let fields = world.entries.map(\.first.field)
        let weights = world.entries.map(\.weight)
        var contacts: [GuidanceContact] = []
        for (k, (kind, count)) in counts.enumerated() {
            var rng = DemoRandom(seed: seed, stream: 100 + UInt64(k))
            let templates = notes(kind)
            for _ in 0..<count {
                let position = marks.reportStart + rng.below(marks.windowEnd - marks.reportStart)
                let field = fields[rng.weightedIndex(weights)]
                let note = rng.pick(templates).replacingOccurrences(of: "{field}", with: field)
                contacts.append(GuidanceContact(at: clock.instant(position), kind: kind, agencyCode: world.centerCode, note: note))
            }
        }
        return contacts.sorted { ($0.at, $0.kind.rawValue, $0.note) < ($1.at, $1.kind.rawValue, $1.note) }
    }

    private static func notes(_ kind: GuidanceContact.Kind) -> [String] {
        switch kind {
        case .inPerson:
            return ["Hướng dẫn thành phần hồ sơ lĩnh vực {field}",
                    "Hướng dẫn nộp hồ sơ trực tuyến lĩnh vực {field} trên Cổng Dịch vụ công",
                    "Hướng dẫn kê khai tờ khai thủ tục lĩnh vực {field}",
                    "Hướng dẫn tra cứu tình trạng hồ sơ lĩnh vực {field}"]
        case .outgoingCall:
            return ["Gọi thông báo bổ sung hồ sơ lĩnh vực {field}",
                    "Gọi thông báo có kết quả giải quyết hồ sơ lĩnh vực {field}",
                    "Gọi hướng dẫn nộp phí, lệ phí lĩnh vực {field}"]
        case .incomingCall:
            return ["Trả lời cuộc gọi hỏi thủ tục lĩnh vực {field}",
                    "Trả lời cuộc gọi tra cứu tình trạng hồ sơ lĩnh vực {field}",
                    "Trả lời cuộc gọi hỏi thời hạn giải quyết lĩnh vực {field}"]
        }
    }
}

/// One rating per result handed over at the counter, at the tablet, at the hand-over. In time order every
/// 200th is unsatisfied, so any stretch of a few thousand ratings (the window, the report period) has a
/// satisfied share that rounds to the seed's 99,5%.
enum RatingGenerator {
    static let oneUnsatisfiedIn = 200

    static func make(_ dossiers: [BuiltDossier], seed: UInt64) -> [SatisfactionRating] {
        var rng = DemoRandom(seed: seed, stream: 200)
        let handovers = dossiers.compactMap { b in b.counterReturn.map { (at: $0.at, code: b.dossier.code, officer: $0.officer) } }
            .sorted { ($0.at, $0.code) < ($1.at, $1.code) }
        let offset = rng.below(oneUnsatisfiedIn)
        return handovers.enumerated().map { i, h in
            let rating: SatisfactionRating.Rating = (i + offset) % oneUnsatisfiedIn == 0
                ? .unsatisfied : rng.chance(0.72) ? .verySatisfied : .satisfied
            return SatisfactionRating(at: h.at, dossierCode: h.code, officer: h.officer, rating: rating)
        }
    }
}
