import Foundation

/// Reads a folder as it was at a git revision, without a checkout: `git archive` into a temporary folder.
public enum GitRevision {
    /// Why a revision could not be read.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        /// What went wrong, as a message for the user.
        public var description: String
    }

    /// The merge base of HEAD with the default branch (origin's HEAD, else `main`, else `master`).
    public static func defaultBase(in directory: URL) throws(Failure) -> String {
        _ = try workTree(of: directory)
        var candidates: [String] = []
        if let remoteHead = try? git(["symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD"], in: directory) {
            candidates.append(remoteHead)
        }
        candidates += ["origin/main", "main", "origin/master", "master"]
        for branch in candidates {
            if let base = try? git(["merge-base", "HEAD", branch], in: directory), !base.isEmpty { return base }
        }
        throw Failure(description: "cannot find the default branch to compare with; pass --base REF")
    }

    /// Extracts `folder` (a path on disk inside a git work tree) as it was at `revision` into a new
    /// temporary folder, and returns the extracted copy of `folder`. The caller removes `root`.
    public static func extract(_ folder: URL, at revision: String) throws(Failure) -> (root: URL, folder: URL) {
        let folderPath = folder.standardizedFileURL.resolvingSymlinksInPath().path
        let top = try workTree(of: folder.deletingLastPathComponent())
        let topPath = URL(fileURLWithPath: top).resolvingSymlinksInPath().path
        guard folderPath == topPath || folderPath.hasPrefix(topPath + "/") else {
            throw Failure(description: "\(folder.path) is not inside the git work tree \(top)")
        }
        let relative = folderPath == topPath ? "." : String(folderPath.dropFirst(topPath.count + 1))
        let commit: String
        do {
            commit = try git(["rev-parse", "--verify", "--quiet", revision + "^{commit}"], in: URL(fileURLWithPath: top))
        } catch {
            throw Failure(description: "unknown revision '\(revision)'")
        }
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("cohort-base-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create a temporary folder: \(FileError.describe(error))")
        }
        let archive = root.appendingPathComponent("base.tar")
        do {
            _ = try git(["archive", "--format=tar", "-o", archive.path, commit, "--", relative], in: URL(fileURLWithPath: top))
            _ = try run("/usr/bin/env", ["tar", "-xf", archive.path, "-C", root.path], in: root)
        } catch {
            try? FileManager.default.removeItem(at: root)
            throw Failure(description: "cannot read \(relative) at \(revision): \(error.description)")
        }
        try? FileManager.default.removeItem(at: archive)
        return (root, root.appendingPathComponent(relative))
    }

    /// The top of the git work tree that holds `directory`.
    private static func workTree(of directory: URL) throws(Failure) -> String {
        do {
            return try git(["rev-parse", "--show-toplevel"], in: directory)
        } catch {
            throw Failure(description: "\(directory.path) is not inside a git work tree; pass --base FILE.json to compare with a saved portfolio.json")
        }
    }

    @discardableResult
    private static func git(_ arguments: [String], in directory: URL) throws(Failure) -> String {
        try run("/usr/bin/env", ["git"] + arguments, in: directory)
    }

    private static func run(_ executable: String, _ arguments: [String], in directory: URL) throws(Failure) -> String {
        do {
            let data = try ExternalProgram.run([executable] + arguments, in: directory) { _ in "\(arguments.joined(separator: " ")) failed" }
            return String(decoding: data, as: UTF8.self).trimmingWhitespace()
        } catch {
            throw Failure(description: error.description)
        }
    }
}
