import ArgumentParser
import Foundation
import Logging
import MotCuaCore
import MotCuaReports
import MotCuaStore
import WorkCalendar

/// `motcua settings …`: the rules the law states with numbers that may change, as dated values
/// (`DatedSetting`): a value applies from its date; dossiers keep the value in force when they were handled.
struct SettingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Dated settings (e.g. forwarding_working_days): list them, or record a value from a date.",
        subcommands: [SettingsListCommand.self, SettingsSetCommand.self])
}

struct SettingsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "Every setting with its default and recorded values (CSV: setting,valid_from,value,note; valid_from empty = the default).")

    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let values = try await DatabaseOpener.withDatabase(databaseOptions, logger: Logger(label: "motcua.settings")) { database in
            try await DatedSettingStore(database: database).all()
        }
        print("setting,valid_from,value,note")
        for setting in DatedSetting.all {
            print(CSVOutput.line([setting.id, "", "\(setting.defaultValue)", setting.legalBasis]))
            for value in values.values where value.setting == setting.id {
                print(CSVOutput.line([setting.id, value.validFrom.description, "\(value.value)", value.note ?? ""]))
            }
        }
    }
}

struct SettingsSetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Record a setting's value from a date (replaces a value recorded for the same date).")

    @Argument(help: "The setting, e.g. forwarding_working_days.") var setting: String
    @Argument(help: "The whole-number value.") var value: Int
    @Option(help: "The first day it applies, ISO (2026-08-05).") var from: String
    @Option(help: "Why, and the legal basis (shown with the value).") var note: String?
    @OptionGroup var databaseOptions: DatabaseOptions

    func validate() throws {
        guard let known = DatedSetting.named(setting) else {
            throw ValidationError("SETTING must be one of \(DatedSetting.all.map(\.id).joined(separator: ", ")); got '\(setting)'")
        }
        guard known.range.contains(value) else {
            throw ValidationError("VALUE of \(setting) must be \(known.range.lowerBound)–\(known.range.upperBound); got \(value)")
        }
        guard (try? LocalDate(iso: from)) != nil else { throw ValidationError("--from must be an ISO date (2026-08-05); got '\(from)'") }
    }

    func run() async throws {
        let day = try LocalDate(iso: from)
        let recorded = DatedSettingValue(setting: setting, validFrom: day, value: value,
                                         note: note?.trimmingCharacters(in: .whitespacesAndNewlines))
        try await DatabaseOpener.withDatabase(databaseOptions, logger: Logger(label: "motcua.settings")) { database in
            try await DatedSettingStore(database: database).record(recorded, by: CommandActor.current, at: Date())
        }
        print(CSVOutput.line([setting, day.description, "\(value)", recorded.note ?? ""]))
    }
}

/// `motcua forms …`: the one-stop form sets by legal regime; an administrator exports one, edits it, and
/// imports it back (same id replaces the built-in set, a new id adds a set from its `valid_from`).
struct FormsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forms",
        abstract: "One-stop form sets by legal regime: list, export one as JSON, import a replacement.",
        subcommands: [FormsListCommand.self, FormsExportCommand.self, FormsImportCommand.self])
}

struct FormsListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Form sets in force order (CSV: set,valid_from,form,number,title).")

    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let sets = try await FormSetLoading.all(databaseOptions)
        print("set,valid_from,form,number,title")
        for set in sets {
            for entry in set.forms {
                print(CSVOutput.line([set.id, set.validFrom.description, entry.form.rawValue, entry.number, entry.title]))
            }
        }
    }
}

struct FormsExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Print one form set as JSON (to edit and import).")

    @Argument(help: "The set's id, e.g. tt03-2025.") var id: String
    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        guard let set = try await FormSetLoading.all(databaseOptions).first(where: { $0.id == id }) else {
            throw CommandFailure("forms export: no form set '\(id)' (see motcua forms list)")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(set) + Data("\n".utf8))
    }
}

struct FormsImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Store a form set from a JSON file (as export prints it); audited.")

    @Argument(help: "The JSON file.") var file: String
    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        guard let data = FileManager.default.contents(atPath: file) else { throw CommandFailure("forms import: cannot read \(file)") }
        let set: SlipFormSet
        do { set = try JSONDecoder().decode(SlipFormSet.self, from: data).validated() } catch let error as MotCuaCore.ValidationError {
            throw CommandFailure("forms import: \(error.field): \(error.reason)")
        } catch {
            throw CommandFailure("forms import: \(file) is not a form set (\(error)); start from motcua forms export")
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(set), as: UTF8.self)
        try await DatabaseOpener.withDatabase(databaseOptions, logger: Logger(label: "motcua.forms")) { database in
            try await FormSetStore(database: database).save(id: set.id, validFrom: set.validFrom.description, definition: json,
                                                            by: CommandActor.current, at: Date())
        }
        print("stored form set \(set.id) (from \(set.validFrom), \(set.forms.count) forms)")
    }
}

enum FormSetLoading {
    static func all(_ options: DatabaseOptions) async throws -> [SlipFormSet] {
        try await DatabaseOpener.withDatabase(options, logger: Logger(label: "motcua.forms")) { database in
            try await SlipLoader.allFormSets(database)
        }
    }
}
