import ArgumentParser
import Foundation
import MotCuaStore
import NIOCore

/// Turns any error into the one line the user sees: the problem named, never a stack trace, never a secret.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) { self.description = description }

    /// ArgumentParser's own errors (usage, help, exit codes) pass through unchanged.
    static func clean(_ error: any Error) -> any Error {
        switch error {
        case is CommandFailure, is ExitCode, is CleanExit, is ValidationError:
            return error
        case let error as DatabaseConfigurationError:
            return CommandFailure(error.description)
        case let error as IOError where error.errnoCode == EADDRINUSE:
            return CommandFailure("serve: the address is already in use (another server listens on that port; choose another with --port)")
        case let error as IOError where error.errnoCode == EACCES:
            return CommandFailure("serve: permission denied to listen on that address (ports below 1024 need privileges)")
        default:
            // ArgumentParser wraps usage errors in its own internal types; it knows how to print them.
            if String(reflecting: type(of: error)).hasPrefix("ArgumentParser.") { return error }
            return CommandFailure(firstLine(of: String(describing: error)))
        }
    }

    private static func firstLine(of text: String) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? text
        return line.count > 300 ? String(line.prefix(300)) + "…" : line
    }
}
