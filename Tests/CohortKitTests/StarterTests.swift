import Foundation
import Testing
@testable import CohortKit

@Suite struct StarterTests {
    let day = Day(year: 2026, month: 3, day: 9)!

    @Test func titlesAndDaysAreFilledInAndEscapedForYAML() throws {
        let files = Starter.files(title: #"The "Harbin" \ Fund"#, today: day)
        let programme = String(decoding: try #require(files.first { $0.path == "content/programme.yml" }).bytes, as: UTF8.self)
        #expect(programme.contains(#"title: "The \"Harbin\" \\ Fund""#))
        #expect(programme.contains("announced: 2026-03-09"))
        let readme = String(decoding: try #require(files.first { $0.path == "README.md" }).bytes, as: UTF8.self)
        #expect(readme.hasPrefix(#"# The "Harbin" \ Fund"#))
        for file in files {
            for placeholder in ["TITLE", "TODAY", "COHORT_VERSION", "COHORT_RELEASE", "COHORT_REPOSITORY"] {
                #expect(!String(decoding: file.bytes, as: UTF8.self).contains("@" + placeholder + "@"), "\(file.path) keeps @\(placeholder)@")
            }
        }
    }

    @Test func yamlEscapingCoversControlCharacters() {
        #expect(Starter.yamlEscaped("a\tb\nc\u{7}") == #"a\tb\nc\x07"#)
    }

    @Test func aStarterWithAnyTitleChecksClean() throws {
        for title in ["Harbin–Israel 孵化器", "yes", "a: b # c", "\"quoted\"", "עברית"] {
            let folder = try TemporaryFolder()
            _ = try Starter.create(in: folder.url, title: title, today: day)
            let outcome = Project(contentPath: folder.path("content")).check()
            #expect(outcome.diagnostics.isEmpty, "\(title): \(located(outcome.diagnostics))")
            #expect(outcome.portfolio?.programme.title == title)
        }
    }

    @Test func titlesComeFromFolderNames() {
        #expect(Starter.title(fromFolderName: "harbin-israel") == "Harbin Israel")
        #expect(Starter.title(fromFolderName: "city_fund 2026") == "City Fund 2026")
        #expect(Starter.title(fromFolderName: "---") == "New Programme")
    }

    @Test func refusesAFolderThatIsNotEmptyAndWritesNothing() throws {
        let folder = try TemporaryFolder(["notes.txt": "mine"])
        #expect(throws: Starter.Failure.self) { try Starter.create(in: folder.url, title: "X", today: day) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["notes.txt"])
    }

    @Test func aFreshGitRepositoryCountsAsEmpty() throws {
        let folder = try TemporaryFolder([".git/HEAD": "ref: refs/heads/main\n"])
        let written = try Starter.create(in: folder.url, title: "X", today: day)
        #expect(written.contains("content/programme.yml"))
        #expect(folder.read(".git/HEAD") == "ref: refs/heads/main\n")
    }

    @Test func initWritesTheEditorSetUpAndTheSchemasItNames() throws {
        let folder = try TemporaryFolder()
        let written = try Starter.create(in: folder.url, title: "X", today: day)
        for path in [".vscode/settings.json", ".vscode/extensions.json", "frontmatter.json", "schemas/company.schema.json"] {
            #expect(written.contains(path), "\(path)")
        }
        let metrics = JSONSchema.metrics(ofContent: folder.url.appendingPathComponent("content"))
        #expect(metrics?.metrics.map(\.key.rawValue) == ["employees", "revenue"])
        #expect(JSONSchema.check(folder.url.appendingPathComponent("schemas"), displayFolder: "schemas", metrics: metrics).isEmpty,
                "cohort schema --check accepts the schemas init wrote")
        // The company schema knows the programme's metrics, so an editor flags a misspelt one.
        let schema = try #require(folder.read("schemas/company.schema.json"))
        #expect(schema.contains("\"employees\" : {") && schema.contains("Employees (count, IRIS+ PI4874)"))

        func object(_ path: String) throws -> [String: Any] {
            let data = try #require(FileManager.default.contents(atPath: folder.url.appendingPathComponent(path).path))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(path) is a JSON object")
        }
        let settings = try #require(try object(".vscode/settings.json")["yaml.schemas"] as? [String: [String]])
        for schema in settings.keys {
            #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(schema).path), "\(schema)")
        }
        #expect(settings["./schemas/programme.schema.json"] == ["content/programme.yml"])
        #expect(try object(".vscode/extensions.json")["recommendations"] as? [String] == ["redhat.vscode-yaml", "eliostruyf.vscode-front-matter"])

        // Front Matter CMS's content types have the fields of the schemas, required where they are.
        let frontMatter = try object("frontmatter.json")
        let types = try #require(frontMatter["frontMatter.taxonomy.contentTypes"] as? [[String: Any]])
        #expect(types.compactMap { $0["name"] as? String } == ["organization", "company", "agreement", "news", "page"])
        for type in types {
            let name = try #require(type["name"] as? String)
            let schema = try object("schemas/\(name).schema.json")
            let fields = try #require(type["fields"] as? [[String: Any]])
            #expect(fields.compactMap { $0["name"] as? String }.sorted() == (schema["properties"] as? [String: Any])?.keys.sorted(), "\(name)")
            #expect(fields.filter { $0["required"] as? Bool == true }.compactMap { $0["name"] as? String } == schema["required"] as? [String], "\(name)")
        }
        let folders = try #require(frontMatter["frontMatter.content.pageFolders"] as? [[String: Any]])
        #expect(folders.compactMap { $0["path"] as? String } == ContentFolder.allCases.map { "[[workspace]]/content/" + $0.rawValue })
        let company = try #require(types.first { $0["name"] as? String == "company" }?["fields"] as? [[String: Any]])
        let status = try #require(company.first { $0["name"] as? String == "status" })
        #expect(status["type"] as? String == "choice")
        #expect(status["choices"] as? [String] == ["candidate", "selected", "signed", "funded", "exited", "withdrawn"])
    }

    @Test func theShippedWorkflowIsTheOneInitWrites() throws {
        let workflow = try #require(Starter.files(title: "X", today: day).first { $0.path == ".github/workflows/cohort.yml" })
        let shipped = try #require(FileManager.default.contents(atPath: repositoryRoot.appendingPathComponent("docs/github-workflow.yml").path))
        #expect(workflow.bytes == shipped, "regenerate docs/github-workflow.yml from cohort init")
        let text = String(decoding: shipped, as: UTF8.self)
        #expect(text.contains("COHORT_VERSION: \"\(Release.tag)\""))
        // A programme's repository has no Makefile: make runs only in Cohort's own source, fetched to build it.
        for step in text.components(separatedBy: "      - name: ") where step.contains("make ") {
            let source = try #require(step.range(of: "cd \"$RUNNER_TEMP/cohort-source\""), "make outside Cohort's source: \(step)")
            let make = try #require(step.range(of: "make "))
            #expect(source.upperBound <= make.lowerBound, "make before cd: \(step)")
        }
    }
}

@Suite struct FileExportTests {
    @Test func neverOverwritesAFileThatExists() throws {
        let folder = try TemporaryFolder(["a/b.txt": "mine"])
        let result = try FileExport.write([OutputFile(path: "a/b.txt", text: "theirs"), OutputFile(path: "a/c/d.txt", text: "new")], into: folder.url)
        #expect(result == FileExport.Result(written: ["a/c/d.txt"], kept: ["a/b.txt"]))
        #expect(folder.read("a/b.txt") == "mine")
        #expect(folder.read("a/c/d.txt") == "new")
    }
}
