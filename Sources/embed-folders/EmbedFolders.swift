import Foundation

// The build tool behind the EmbedFolders plugin:
//   embed-folders OUTPUT (NAME ROOT hidden|visible)...
// writes OUTPUT, a Swift source that gives the files of each ROOT, by relative path, as base64 text.
// Hidden files count only with `hidden`; `.git` and `.DS_Store` never do.

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("embed-folders: \(message)\n".utf8))
    exit(1)
}

/// The regular files below `root`, relative to it and sorted.
func files(under root: String, keepingHidden: Bool) -> [String] {
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return [] }
    var paths: [String] = []
    while let relative = enumerator.nextObject() as? String {
        let name = relative.split(separator: "/").last.map(String.init) ?? relative
        let type = enumerator.fileAttributes?[.type] as? FileAttributeType
        if name.hasPrefix("."), !keepingHidden || name == ".git" || name == ".DS_Store" {
            if type == .typeDirectory { enumerator.skipDescendants() }
            continue
        }
        if type == .typeRegular { paths.append(relative) }
    }
    return paths.sorted()
}

/// Runs as a program with a `main` of its own, so that `make fuzz` (which builds everything with
/// `-parse-as-library`) can build it too.
@main
enum EmbedFolders {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count % 3 == 1 else { fail("usage: embed-folders OUTPUT (NAME ROOT hidden|visible)...") }
        var source = """
            // Generated at build time by the EmbedFolders plugin from the repository's folders. Do not edit.

            extension EmbeddedFolder {

            """
        for index in stride(from: 1, to: arguments.count, by: 3) {
            let (name, root, hidden) = (arguments[index], arguments[index + 1], arguments[index + 2] == "hidden")
            source += "    static let \(name) = EmbeddedFolder(files: [\n"
            for relative in files(under: root, keepingHidden: hidden) {
                guard let data = FileManager.default.contents(atPath: root + "/" + relative) else { fail("cannot read \(root)/\(relative)") }
                let path = relative.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                source += "        (\"\(path)\", \"\(data.base64EncodedString())\"),\n"
            }
            source += "    ])\n"
        }
        source += "}\n"
        // The same bytes are left alone: a new time stamp would make SwiftPM compile CohortKit again (in a
        // release build, all of it), which a second make dist over one compilation must not need.
        let output = URL(fileURLWithPath: arguments[0])
        guard FileManager.default.contents(atPath: output.path) != Data(source.utf8) else { return }
        do {
            try Data(source.utf8).write(to: output, options: .atomic)
        } catch {
            fail("cannot write \(arguments[0]): \(error)")
        }
    }
}
