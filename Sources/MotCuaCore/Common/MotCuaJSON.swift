import Foundation
import WorkCalendar

/// The JSON conventions of MotCua's stored payloads and API: instants as ISO 8601 in Vietnamese local time
/// with their offset ("2021-02-05T09:00:00+07:00"; any ISO 8601 offset is accepted on input), keys sorted so
/// that the same value always gives the same bytes.
public enum MotCuaJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(VietnamTime.iso8601(date))
        }
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            do {
                return try VietnamTime.parse(text)
            } catch {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "\(error)")
            }
        }
        return decoder
    }

    /// `hidingPersonalData`: applicants without their identity number and contacts (see `Applicant`).
    public static func encode<T: Encodable>(_ value: T, hidingPersonalData: Bool = false) throws -> Data {
        let encoder = encoder()
        if hidingPersonalData { encoder.userInfo[.hidesPersonalData] = true }
        return try encoder.encode(value)
    }

    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        try decoder().decode(type, from: data)
    }
}
