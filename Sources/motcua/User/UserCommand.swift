import ArgumentParser
import Foundation
import Logging
import MotCuaCore
import MotCuaStore
import MotCuaWeb
import WorkCalendar

/// `motcua user …`: staff accounts. Passwords are read from standard input or typed twice at a terminal
/// (never from an argument, which other users of the machine could see); nothing secret is printed except
/// a new API token, once.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Staff accounts: add, list, disable, set a password, make, list and revoke API tokens.",
        subcommands: [
            UserAddCommand.self, UserListCommand.self, UserDisableCommand.self, UserPasswordCommand.self,
            UserTokenCommand.self, UserTokensCommand.self, UserRevokeTokenCommand.self,
        ])
}

/// Opens and migrates the database, runs `body` with the account service, and closes the database.
enum UserAccountsRunner {
    static func run<T: Sendable>(_ options: DatabaseOptions, _ body: (UserAccounts) async throws -> T) async throws -> T {
        let logger = Logger(label: "motcua.user")
        do {
            return try await DatabaseOpener.withDatabase(options, logger: logger) { database in
                try await body(UserAccounts(database: database))
            }
        } catch {
            throw UserCommandError.clean(error)
        }
    }
}

enum UserCommandError {
    /// Store and account errors as the one line the CLI prints.
    static func clean(_ error: any Error) -> any Error {
        switch error {
        case let error as UserAccountError: CommandFailure("user: \(error.description)")
        case let StoreError.notFound(kind, key) where kind == "agency":
            CommandFailure("user: unknown agency code '\(key)' (the agencies table has no agency with that code)")
        case let StoreError.notFound(kind, key) where kind == "user": CommandFailure("user: no user '\(key)'")
        case let StoreError.duplicate(_, key): CommandFailure("user: '\(key)' already exists")
        default: error
        }
    }
}

/// Reading a password: one line from standard input, or twice without echo at a terminal.
enum PasswordInput {
    static func read(fromStandardInput: Bool) throws -> String {
        if fromStandardInput {
            guard let line = readLine(strippingNewline: true) else {
                throw CommandFailure("user: --password-stdin: standard input is empty")
            }
            return line.hasSuffix("\r") ? String(line.dropLast()) : line
        }
        guard isatty(STDIN_FILENO) == 1 else {
            throw CommandFailure("user: give the password with --password-stdin, or run on a terminal to type it")
        }
        let first = try readHidden(prompt: "Mật khẩu (password): ")
        try PasswordPolicy.check(first)
        let second = try readHidden(prompt: "Nhập lại (again): ")
        guard first == second else { throw UserAccountError.passwordsDiffer }
        return first
    }

    private static func readHidden(prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { throw CommandFailure("user: cannot read the terminal settings") }
        var hidden = saved
        hidden.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw CommandFailure("user: no password typed") }
        return line
    }
}

enum UserCSV {
    static let header = "username,display_name,role,agencies,active"

    static func line(_ user: UserRecord) -> String {
        CSVOutput.line([user.username, user.displayName, user.role, user.agencyCodes.joined(separator: ";"),
                        user.active ? "1" : "0"])
    }
}

struct UserAddCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a staff account (prints it as a CSV line: username,display_name,role,agencies,active).",
        discussion: """
            ROLE is one of: \(Principal.Role.allCases.map(\.rawValue).joined(separator: ", ")). Reception officers, \
            specialists and leaders act for the agencies given with --agency (at least one, known to the \
            database); managers and administrators act for every agency. The password (at least \
            \(PasswordPolicy.minimumCharacters) characters) comes from standard input with --password-stdin, \
            else it is typed twice at the terminal.
            """)

    @Argument(help: "The username: 2–64 of a–z, 0–9, '.', '_', '-' (stored lower-case).") var username: String
    @Option(help: "reception | specialist | leader | manager | administrator") var role: String
    @Option(name: .customLong("agency"), help: "An agency code the user acts for (repeat for several).")
    var agencies: [String] = []
    @Option(help: "Full name as shown in the application, e.g. \"Nguyễn Thị Lan\".") var name: String
    @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input.")
    var passwordFromStandardInput = false
    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        // Cheap checks first, so a typo is reported before a password is asked for.
        guard Principal.Role(rawValue: role.lowercased()) != nil else {
            throw UserCommandError.clean(UserAccountError.unknownRole(role))
        }
        guard UserAccounts.isValidUsername(UserAccounts.normalizedUsername(username)) else {
            throw UserCommandError.clean(UserAccountError.invalidUsername(username))
        }
        let password: String
        do {
            password = try PasswordInput.read(fromStandardInput: passwordFromStandardInput)
        } catch {
            throw UserCommandError.clean(error)
        }
        let user = try await UserAccountsRunner.run(databaseOptions) { accounts in
            try await accounts.add(username: username, displayName: name, role: role, agencies: agencies,
                                   password: password, by: CommandActor.current)
        }
        print(UserCSV.line(user))
    }
}

struct UserListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List staff accounts (CSV: username,display_name,role,agencies,active; agencies separated by ';').")

    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        // Listing never creates a database: a missing SQLite file or one without accounts lists nobody.
        let location = try DatabaseLocation(parsing: databaseOptions.rawValue)
        if case .sqlite(let path) = location, !FileManager.default.fileExists(atPath: path) {
            print(UserCSV.header)
            return
        }
        let logger = Logger(label: "motcua.user")
        let users = try await DatabaseOpener.withDatabase(databaseOptions, logger: logger, migrate: false) { database in
            let migrated = try await Migrator(database: database, logger: logger).currentVersion() >= 5
            return migrated ? try await UserStore(database: database).all() : []
        }
        print(UserCSV.header)
        for user in users { print(UserCSV.line(user)) }
    }
}

struct UserDisableCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable",
        abstract: "Disable an account: it can no longer sign in, its sessions end and its API tokens stop working.")

    @Argument(help: "The username.") var username: String
    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        try await UserAccountsRunner.run(databaseOptions) { accounts in try await accounts.disable(username, by: CommandActor.current) }
        print("disabled \(UserAccounts.normalizedUsername(username))")
    }
}

struct UserPasswordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "password",
        abstract: "Set a new password (from standard input with --password-stdin, else typed twice); signs the user out everywhere.")

    @Argument(help: "The username.") var username: String
    @Flag(name: .customLong("password-stdin"), help: "Read the password from the first line of standard input.")
    var passwordFromStandardInput = false
    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let password: String
        do {
            password = try PasswordInput.read(fromStandardInput: passwordFromStandardInput)
        } catch {
            throw UserCommandError.clean(error)
        }
        try await UserAccountsRunner.run(databaseOptions) { accounts in
            try await accounts.setPassword(username, to: password, by: CommandActor.current)
        }
        print("password changed for \(UserAccounts.normalizedUsername(username))")
    }
}

struct UserTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Make an API token for USERNAME and print it once (only its hash is kept).",
        discussion: """
            Clients send it as 'Authorization: Bearer <token>'. Keep it like a password. It expires after \
            --expires-in-days (default \(UserAccounts.defaultTokenLifetimeDays)), and is revoked when the account's password is set.
            """)

    @Argument(help: "The username.") var username: String
    @Option(help: "What the token is for, e.g. \"cổng dịch vụ công\".") var name: String
    @Option(name: .customLong("expires-in-days"), help: "Days until the token stops working (1–3650).")
    var expiresInDays = UserAccounts.defaultTokenLifetimeDays
    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let token = try await UserAccountsRunner.run(databaseOptions) { accounts in
            try await accounts.issueToken(for: username, name: name, lifetimeDays: expiresInDays, by: CommandActor.current)
        }
        print(token)
    }
}

struct UserTokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "List USERNAME's API tokens (CSV: id,name,created_at,expires_at,last_used_at,state); never the tokens themselves.")

    @Argument(help: "The username.") var username: String
    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let tokens = try await UserAccountsRunner.run(databaseOptions) { accounts in try await accounts.tokens(of: username) }
        let now = Date()
        print("id,name,created_at,expires_at,last_used_at,state")
        for token in tokens {
            print(CSVOutput.line([token.id, token.name, VietnamTime.iso8601(token.createdAt), VietnamTime.iso8601(token.expiresAt),
                                  token.lastUsedAt.map(VietnamTime.iso8601) ?? "", token.isExpired(at: now) ? "expired" : "active"]))
        }
    }
}

struct UserRevokeTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke-token",
        abstract: "Revoke an API token by its id (the first column of `motcua user tokens`); it stops working at once.")

    @Argument(help: "The token's id: 12 hexadecimal digits.") var id: String
    @OptionGroup var databaseOptions: DatabaseOptions

    func run() async throws {
        let token = try await UserAccountsRunner.run(databaseOptions) { accounts in
            try await accounts.revokeToken(id: id, by: CommandActor.current)
        }
        print("revoked token \(token.id) (\(token.name)) of \(token.username)")
    }
}
