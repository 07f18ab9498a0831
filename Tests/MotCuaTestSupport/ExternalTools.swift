import Foundation

/// Runs the real readers the tests check our files against (python-docx, openpyxl, LibreOffice).
public enum ExternalTools {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    public struct Output: Sendable {
        public let status: Int32
        public let standardOutput: Data
        public let standardError: String
    }

    /// Runs a program found on PATH. Output goes through files, not pipes, so a chatty program cannot
    /// fill a pipe and hang the test.
    /// A program still running after `timeout` seconds is terminated, so a hung reader fails the test
    /// instead of hanging the run.
    public static func run(_ program: String, _ arguments: [String], in directory: URL, timeout: TimeInterval = 180) throws -> Output {
        let outURL = directory.appendingPathComponent("stdout-\(UUID().uuidString)")
        let errURL = directory.appendingPathComponent("stderr-\(UUID().uuidString)")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL)
        let err = try FileHandle(forWritingTo: errURL)
        defer {
            try? out.close()
            try? err.close()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [program] + arguments
        process.currentDirectoryURL = directory
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        process.waitUntilExit()
        watchdog.cancel()
        return Output(
            status: process.terminationStatus,
            standardOutput: (try? Data(contentsOf: outURL)) ?? Data(),
            standardError: (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        )
    }

    /// What `program` printed on standard output; a non-zero exit throws with what it printed on standard error.
    public static func output(_ program: String, _ arguments: [String], in directory: URL,
                              timeout: TimeInterval = 180) throws -> String {
        let result = try run(program, arguments, in: directory, timeout: timeout)
        guard result.status == 0 else {
            throw Failure(description: "\(program) exited with \(result.status): \(result.standardError)")
        }
        return String(decoding: result.standardOutput, as: UTF8.self)
    }

    /// The first of these programs on PATH, if any.
    public static func which(_ names: [String]) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        for directory in path.split(separator: ":") {
            for name in names {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// A fresh folder for one test's files.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("motcua-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// python3 with python-docx and openpyxl. Missing readers fail the tests with instructions, unless
/// MOTCUA_SKIP_PYTHON_READERS=1 says to skip them.
public enum PythonReaders {
    public static let skipRequested = ProcessInfo.processInfo.environment["MOTCUA_SKIP_PYTHON_READERS"] == "1"

    /// Runs `script` with `file` as `sys.argv[1]` and decodes the JSON it prints.
    public static func read<Result: Decodable>(_ file: URL, with script: String, as type: Result.Type) throws -> Result {
        let directory = file.deletingLastPathComponent()
        let output: ExternalTools.Output
        do {
            output = try ExternalTools.run("python3", ["-c", script, file.path], in: directory)
        } catch {
            throw ExternalTools.Failure(description: "could not start python3 (\(error)). \(installHint)")
        }
        guard output.status == 0 else {
            let missingModule = output.standardError.contains("ModuleNotFoundError") || output.status == 127
            throw ExternalTools.Failure(description: missingModule
                ? "python3 or its modules are missing. \(installHint)\n\(output.standardError)"
                : "the Python reader failed (exit \(output.status)):\n\(output.standardError)")
        }
        do {
            return try JSONDecoder().decode(Result.self, from: output.standardOutput)
        } catch {
            let printed = String(decoding: output.standardOutput, as: UTF8.self)
            throw ExternalTools.Failure(description: "unexpected reader output (\(error)):\n\(printed)")
        }
    }

    public static let installHint = "The read-back tests need python3 with python-docx and openpyxl: "
        + "`pip install python-docx openpyxl`. Set MOTCUA_SKIP_PYTHON_READERS=1 to skip them."
}
