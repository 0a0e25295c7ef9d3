import Foundation

/// Why a program Cohort runs at the edge (Pagefind, resvg) did not give what was asked, said to the
/// user as a warning: the site is built without what it would have made.
struct ToolFailure: Error, Sendable {
    var description: String
    var hint: String?
}

/// Runs a program at the edge of the pipeline and collects what it prints.
enum ExternalProgram {
    /// What `command` (the program, then its arguments) prints on its standard output, run in
    /// `directory` and given `input` on its standard input; when it fails, `failure(status)` with what
    /// it printed on its errors.
    static func run(_ command: [String], in directory: URL? = nil, input: Data? = nil, failure: (Int32) -> String) throws(ToolFailure) -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        if let directory { process.currentDirectoryURL = directory }
        let output = Pipe(), errors = Pipe(), standardInput = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = standardInput
        do {
            try process.run()
        } catch {
            throw ToolFailure(description: "cannot run \(command[0]): \(FileError.describe(error))")
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
}
