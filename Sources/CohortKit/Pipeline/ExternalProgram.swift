import Foundation

/// Why a program Cohort runs at the edge (Pagefind, resvg) did not give what was asked, said to the
/// user as a warning: the site is built without what it would have made.
struct ToolFailure: Error, Sendable {
    var description: String
    var hint: String?
}

/// Runs a program at the edge of the pipeline and collects what it prints, apart from the folder
/// Cohort runs in: that is the programme's repository, whose files must never run as code.
enum ExternalProgram {
    /// What `command` (the program, then its arguments) prints on its standard output, run in
    /// `directory` and given `input` on its standard input; when it fails, `failure(status)` with what
    /// it printed on its errors. A program given no `directory` runs in a new empty folder, removed
    /// when it ends: tools that look in their working folder for code or settings (Python puts it
    /// first on its import path, pyenv reads `.python-version` there) find nothing of the programme's.
    static func run(_ command: [String], in directory: URL? = nil, input: Data? = nil, failure: (Int32) -> String) throws(ToolFailure) -> Data {
        guard let program = command.first else { preconditionFailure("a command names its program") }
        let scratch = directory == nil ? try emptyFolder(for: program) : nil
        defer { if let scratch { try? FileManager.default.removeItem(at: scratch) } }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = directory ?? scratch
        let output = Pipe(), errors = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = standardInput
        do {
            try process.run()
        } catch {
            throw ToolFailure(description: "cannot run \(program): \(FileError.describe(error))")
        }
        // Feed and drain the pipes at once, so that none of them fills up and blocks the program.
        let group = DispatchGroup()
        nonisolated(unsafe) var message = Data()
        DispatchQueue.global().async(group: group) { message = errors.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) {
            if let input { standardInput.fileHandleForWriting.write(input) }
            try? standardInput.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let detail = String(decoding: message, as: UTF8.self).trimmingWhitespace()
            throw ToolFailure(description: failure(process.terminationStatus) + (detail.isEmpty ? "" : ": " + detail))
        }
        return data
    }

    /// The command that starts Python 3 from `PATH`, nil when there is none. `-E` makes it ignore the
    /// `PYTHON*` variables (`PYTHONPATH`, `PYTHONSTARTUP`); the empty folder `run` gives it keeps the
    /// current folder off its import path. Not `-I`, which would also drop the user's site-packages,
    /// where `pip install` puts Pagefind and resvg for a user who is not root.
    static func python(environment: [String: String]) -> [String]? {
        let path = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        return path.map { $0 + "/python3" }.first(where: FileManager.default.isExecutableFile(atPath:)).map { [$0, "-E"] }
    }

    /// A new empty folder of this user's, under the temporary folder, to run `program` in.
    private static func emptyFolder(for program: String) throws(ToolFailure) -> URL {
        var template = Array((FileManager.default.temporaryDirectory.standardizedFileURL.path + "/cohort-tool-XXXXXX").utf8CString)
        guard let made = mkdtemp(&template) else {
            throw ToolFailure(description: "cannot make a folder to run \(program) in: \(String(cString: strerror(errno)))")
        }
        return URL(fileURLWithPath: String(cString: made), isDirectory: true)
    }
}
