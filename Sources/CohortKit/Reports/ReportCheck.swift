import Foundation

/// Compares committed reports with what the content gives now, line by line, so a pull request that
/// changes content without regenerating its reports fails with the stale file and lines named.
public enum ReportCheck {
    /// How many changed places are listed for one file before the rest are counted.
    static let maxRunsPerFile = 5

    /// Diagnostics for each stale, missing or extra report file in `folder`. Other generated files
    /// that are committed use it too: `noun` names such a file (`schema`), `origin` what gives it
    /// (`this cohort writes`) and `command` what writes it again.
    public static func compare(_ expected: [OutputFile], with folder: URL, displayFolder: String, noun: String = "report",
                               origin: String = "the content gives",
                               command: String = "'cohort build' (or 'cohort report')") -> [Diagnostic] {
        let committed = OutputWriter.read(folder) ?? [:]
        let hint = "run \(command) and commit \(displayFolder)"
        var diagnostics: [Diagnostic] = []
        for file in expected.sorted(by: { $0.path < $1.path }) {
            let path = displayFolder + "/" + file.path
            guard let old = committed[file.path] else {
                diagnostics.append(.error(at: .file(path), "\(noun) is missing", hint: hint))
                continue
            }
            guard old != file.bytes else { continue }
            let oldLines = lines(old), newLines = lines(file.bytes)
            let runs = changedLines(from: oldLines, to: newLines)
            for range in runs.prefix(maxRunsPerFile) {
                let expectedLine = range.expected.flatMap { newLines.indices.contains($0) ? newLines[$0] : nil }
                    .map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
                let what = range.first == range.last ? "line \(range.first) is" : "lines \(range.first)-\(range.last) are"
                let message = "\(noun) is stale: \(what) not what \(origin)"
                let shown = expectedLine.map { "; expected '\($0.count > 120 ? String($0.prefix(117)) + "..." : $0)'" } ?? ""
                diagnostics.append(.error(at: SourceLocation(path: path, line: range.first, column: 1), message + shown, hint: hint))
            }
            if runs.count > maxRunsPerFile, let next = runs.dropFirst(maxRunsPerFile).first {
                diagnostics.append(.error(at: SourceLocation(path: path, line: next.first, column: 1),
                                          "\(noun) is stale: \(runs.count - maxRunsPerFile) more changed places", hint: hint))
            }
        }
        if let foreign = OutputWriter.foreignFiles(in: folder), !foreign.isEmpty {
            diagnostics.append(.error(at: .file(displayFolder + "/" + foreign[0]),
                                      "\(displayFolder) holds files Cohort did not write (\(foreign.joined(separator: ", ")))",
                                      hint: "move them out of \(displayFolder): a build would refuse to replace it"))
        }
        let expectedPaths = Set(expected.map(\.path))
        for path in committed.keys.sorted() where !expectedPaths.contains(path) {
            diagnostics.append(.error(at: .file(displayFolder + "/" + path), "\(noun) is no longer produced", hint: hint))
        }
        return diagnostics
    }

    /// Lines split at line-feed bytes: a CSV's CRLF is one `Character` in Swift, so splitting text would not see it.
    private static func lines(_ data: Data) -> [String] {
        data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Runs of changed lines, numbered in the committed file (1-based), with the first expected line's index.
    private static func changedLines(from old: [String], to new: [String]) -> [(first: Int, last: Int, expected: Int?)] {
        let difference = new.difference(from: old)
        var oldNumbers: [Int] = []
        var firstInsertion: [Int: Int] = [:]
        for change in difference {
            switch change {
            case .remove(let offset, _, _):
                oldNumbers.append(offset + 1)
            case .insert(let offset, _, _):
                // An insertion shows where the committed file lacks a line: point at the line it goes before.
                let line = min(offset + 1, max(old.count, 1))
                oldNumbers.append(line)
                if firstInsertion[line] == nil { firstInsertion[line] = offset }
            }
        }
        var runs: [(first: Int, last: Int, expected: Int?)] = []
        for number in Set(oldNumbers).sorted() {
            if let last = runs.last, number == last.last + 1 {
                runs[runs.count - 1].last = number
                if runs[runs.count - 1].expected == nil { runs[runs.count - 1].expected = firstInsertion[number] }
            } else {
                runs.append((number, number, firstInsertion[number]))
            }
        }
        return runs
    }
}
