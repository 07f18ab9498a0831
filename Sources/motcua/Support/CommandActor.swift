import Foundation
import MotCuaCore

/// Who the audit trail names for a command run at a shell: "cli:<OS user>" (`AuditActor.commandLine`).
enum CommandActor {
    static var current: String { AuditActor.commandLine(environment: ProcessInfo.processInfo.environment) }
}
