import Foundation
import PackagePlugin

/// Compiles the repository's `templates/` (the built-in theme) and `starter/` (what `cohort init`
/// writes) into CohortKit as a generated Swift source, so that the `cohort` binary works when copied
/// alone. Every file and every folder is an input of the build command: an edited file changes its
/// own time stamp, an added or removed one its folder's, and the tool walks the folders itself, since
/// SwiftPM keeps the command of an earlier run of this plugin until the package's sources change.
@main
struct EmbedFolders: BuildToolPlugin {
    /// The folders embedded: the generated property's name, the folder, and whether hidden files count.
    static let folders: [(name: String, folder: String, keepingHidden: Bool)] = [
        ("theme", "templates", false),
        ("starter", "starter", true),
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFolders.swift")
        var arguments = [output.path]
        var inputs: [URL] = []
        for entry in Self.folders {
            let root = context.package.directoryURL.appending(path: entry.folder)
            arguments += [entry.name, root.path, entry.keepingHidden ? "hidden" : "visible"]
            inputs += [root] + Self.entries(under: root, keepingHidden: entry.keepingHidden).map { root.appending(path: $0) }
        }
        return [.buildCommand(displayName: "Embedding the built-in theme and the starter programme",
                              executable: try context.tool(named: "embed-folders").url,
                              arguments: arguments, inputFiles: inputs, outputFiles: [output])]
    }

    /// The files and folders below `root`, relative to it; `.git` and `.DS_Store` never count.
    static func entries(under root: URL, keepingHidden: Bool) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let name = relative.split(separator: "/").last.map(String.init) ?? relative
            let type = enumerator.fileAttributes?[.type] as? FileAttributeType
            if name.hasPrefix("."), !keepingHidden || name == ".git" || name == ".DS_Store" {
                if type == .typeDirectory { enumerator.skipDescendants() }
                continue
            }
            if type == .typeRegular || type == .typeDirectory { paths.append(relative) }
        }
        return paths
    }
}
