import Foundation
import MotCuaCore
import SQLKit
import WorkCalendar

/// The recorded values of `DatedSetting`s (table `dated_settings`, M0018). A value applies from its day
/// on; recording a value for a day that has one replaces it, audited.
public struct DatedSettingStore: Sendable {
    public let database: Database

    public init(database: Database) { self.database = database }

    public func all() async throws -> DatedSettings {
        try await Self.load(on: database.sql)
    }

    static func load(on sql: any SQLDatabase) async throws -> DatedSettings {
        let rows = try await sql.select().columns("setting", "valid_from", "value", "note").from("dated_settings")
            .orderBy("setting").orderBy("valid_from").all()
        return DatedSettings(try rows.map { row in
            DatedSettingValue(setting: try row.decode(column: "setting", as: String.self),
                              validFrom: try LocalDate(iso: row.decode(column: "valid_from", as: String.self)),
                              value: try row.decode(column: "value", as: Int.self),
                              note: try row.optional("note", as: String.self))
        })
    }

    /// Records `value` for `setting` from `validFrom`. Throws `ValidationError` naming the setting or value.
    public func record(_ value: DatedSettingValue, by actor: String, at instant: Date) async throws {
        guard let setting = DatedSetting.named(value.setting) else {
            throw ValidationError(field: "setting", value: value.setting,
                                  reason: "unknown setting; known: \(DatedSetting.all.map(\.id).joined(separator: ", "))",
                                  vietnamese: "Không có tham số \"\(value.setting)\".")
        }
        guard setting.range.contains(value.value) else {
            throw ValidationError(field: "value", value: "\(value.value)",
                                  reason: "\(setting.id) takes \(setting.range.lowerBound)–\(setting.range.upperBound)",
                                  vietnamese: "Giá trị phải từ \(setting.range.lowerBound) đến \(setting.range.upperBound).")
        }
        try await database.transaction { sql in
            try await sql.delete(from: "dated_settings").where("setting", .equal, setting.id)
                .where("valid_from", .equal, value.validFrom.description).run()
            try await sql.insert(into: "dated_settings")
                .columns("setting", "valid_from", "value", "note", "recorded_by", "recorded_at")
                .values(SQLBind(setting.id), SQLBind(value.validFrom.description), SQLBind(value.value),
                        SQLBind(value.note), SQLBind(actor), SQLBind(Instant.seconds(instant)))
                .run()
            let after = try JSONText.encode(value)
            _ = try await AuditStore.append(AuditEvent(at: instant, actor: actor, action: .settingRecorded, objectKind: "setting",
                                                       objectID: "\(setting.id)@\(value.validFrom)", after: after), on: sql)
        }
    }
}
