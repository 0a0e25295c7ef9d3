import Foundation

/// A new programme, as `cohort init` writes it: the repository's `starter/` folder, compiled in, with
/// the programme's title, the day, its year and this release of Cohort filled in for `@TITLE@`, `@TODAY@`, `@YEAR@`,
/// `@COHORT_VERSION@` (the tag), `@COHORT_RELEASE@` (the version) and `@COHORT_REPOSITORY@`.
public enum Starter {
    /// Why a programme could not be started.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// The folder holds something already: usage, not a problem of the disk.
        case notEmpty(String)
        /// Writing failed; what was written has been removed again.
        case cannotWrite(String)

        /// The message for the user.
        public var description: String {
            switch self {
            case .notEmpty(let message), .cannotWrite(let message): message
            }
        }
    }

    /// The files of a new programme called `title`, announced on `today`: the starter's and the editor
    /// set-up (`create` also writes the schemas the set-up uses, as `cohort schema` does).
    public static func files(title: String, today: Day) -> [OutputFile] {
        starterFiles(title: title, today: today) + EditorSetup.files()
    }

    private static func starterFiles(title: String, today: Day) -> [OutputFile] {
        EmbeddedFolder.starter.files.map { file in
            var text = String(decoding: file.bytes, as: UTF8.self)
            // In content files the title stands inside a double-quoted YAML string.
            let filledTitle = file.path.hasPrefix("content/") ? yamlEscaped(title) : title
            for (placeholder, value) in [("@TITLE@", filledTitle), ("@TODAY@", today.description), ("@YEAR@", String(today.year)),
                                         ("@COHORT_VERSION@", Release.tag), ("@COHORT_RELEASE@", Release.version),
                                         ("@COHORT_REPOSITORY@", Release.repository)] {
                text = text.replacingOccurrences(of: placeholder, with: value)
            }
            return OutputFile(path: file.path, text: text)
        }
    }

    /// A title made from a folder's name: `harbin-israel` gives `Harbin Israel`.
    public static func title(fromFolderName name: String) -> String {
        let words = name.split(whereSeparator: { $0 == "-" || $0 == "_" || $0 == " " || $0 == "." })
        let title = words.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
        return title.isEmpty ? "New Programme" : title
    }

    /// Writes a new programme into `folder`, which must not exist or be empty (a folder holding only
    /// `.git`, a fresh repository, counts as empty). Returns the paths written. On failure nothing
    /// that this call wrote is left behind.
    public static func create(in folder: URL, title: String, today: Day) throws(Failure) -> [String] {
        var isDirectory: ObjCBool = false
        let existed = FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory)
        if existed {
            guard isDirectory.boolValue else { throw .notEmpty("\(folder.path) exists and is not a folder") }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            let others = entries.filter { $0 != ".git" }.sorted()
            guard others.isEmpty else {
                let shown = others.prefix(3).joined(separator: ", ") + (others.count > 3 ? ", ..." : "")
                throw .notEmpty("\(folder.path) is not empty (\(shown)): start a programme in a new or empty folder")
            }
        }
        let files = files(title: title, today: today)
        // The folder was empty: everything at its top level but .git is this call's.
        func removeWritten() {
            if existed {
                let created = Set(files.compactMap { $0.path.split(separator: "/").first.map(String.init) } + [EditorSetup.schemaFolder])
                for entry in created { try? FileManager.default.removeItem(at: folder.appendingPathComponent(entry)) }
            } else {
                try? FileManager.default.removeItem(at: folder)
            }
        }
        let written: [String]
        do {
            written = try FileExport.write(files, into: folder).written
        } catch {
            removeWritten()
            throw .cannotWrite(error.description)
        }
        // The schemas are written as `cohort schema` writes them in the new programme, with its metrics,
        // so that `cohort schema --check` knows them.
        let metrics = JSONSchema.metrics(ofContent: folder.appendingPathComponent("content"))
        if let problem = JSONSchema.write(to: folder.appendingPathComponent(EditorSetup.schemaFolder), displayFolder: EditorSetup.schemaFolder,
                                          metrics: metrics).first {
            removeWritten()
            throw .cannotWrite(problem.message)
        }
        return written + JSONSchema.files(metrics: metrics).map { EditorSetup.schemaFolder + "/" + $0.path }
    }

    /// `text` escaped for the inside of a double-quoted YAML string.
    static func yamlEscaped(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\\\"
            case "\"": escaped += "\\\""
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                escaped += "\\x" + String(format: "%02X", scalar.value)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
