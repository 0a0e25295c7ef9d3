import Foundation

/// What `cohort diff` compares a project's content with: a saved portfolio.json, or the content as it
/// was at a git revision (read without a checkout).
public enum DiffBase {
    /// Why the base could not be read, as a message for the user.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// The snapshot of `base` (a path ending in `.json`, a git revision, or nil for the merge base with
    /// the default branch) for `project`, the addresses of its site's pages (not for a saved
    /// portfolio.json, which does not list them), and how to name it in the summary.
    public static func snapshot(_ base: String?, for project: Project) throws(Failure)
        -> (snapshot: PortfolioSnapshot, addresses: SiteAddresses?, label: String) {
        if let base, base.hasSuffix(".json") { return (try saved(base), nil, base) }
        let contentURL = URL(fileURLWithPath: project.contentPath)
        let revision: String, extracted: (root: URL, folder: URL)
        do throws(GitRevision.Failure) {
            if let base { revision = base } else { revision = try GitRevision.defaultBase(in: contentURL) }
            extracted = try GitRevision.extract(contentURL, at: revision)
        } catch {
            throw Failure(description: error.description)
        }
        defer { try? FileManager.default.removeItem(at: extracted.root) }
        var old = project
        old.contentPath = extracted.folder.path
        old.contentLabel = project.contentLabel ?? project.contentPath
        let (snapshot, addresses, problems) = old.snapshot()
        guard let snapshot else {
            throw Failure(description: "the content at \(revision) has errors:\n" + DiagnosticFormat.text.render(problems.errors))
        }
        return (snapshot, addresses, base ?? String(revision.prefix(12)))
    }

    /// A portfolio.json written by a build, of this cohort's schema version.
    private static func saved(_ path: String) throws(Failure) -> PortfolioSnapshot {
        guard let data = FileManager.default.contents(atPath: path) else { throw Failure(description: "cannot read \(path)") }
        // The version first: a file of another version would fail to decode with a less useful message.
        if let version = PortfolioSnapshot.schemaVersion(of: data), version != PortfolioSnapshot.currentSchemaVersion {
            throw Failure(description: "\(path) has schema version \(version); this cohort reads version \(PortfolioSnapshot.currentSchemaVersion): "
                          + "compare with a git revision instead (--base REF), or write the file again with this cohort")
        }
        do {
            return try PortfolioSnapshot.decode(data)
        } catch {
            throw Failure(description: "cannot read \(path) as a portfolio.json: \(error)")
        }
    }
}
