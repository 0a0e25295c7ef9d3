import ArgumentParser
import CohortKit
import Foundation

/// `cohort schema`: the JSON Schemas of the content, for editors and scripts.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Write the JSON Schemas of programme.yml and of each kind of front matter.",
        discussion: """
            Writes programme.schema.json, organization.schema.json, company.schema.json, \
            agreement.schema.json, news.schema.json and page.schema.json (JSON Schema draft 2020-12) \
            into the folder. Editors that use the YAML language server complete and check fields with \
            them; see docs/editing.md. When the content folder has a programme.yml, the company schema \
            lists the metrics it declares, so that an editor flags a misspelt one; without, any is \
            accepted. With --check, writes nothing and fails when the folder's schemas are not what \
            this cohort writes.
            """)

    @Option(help: "The folder to write the schemas to.")
    var output = EditorSetup.schemaFolder

    @Option(help: "The content folder whose programme.yml declares the metrics.")
    var content = "content"

    @Flag(help: "Write nothing; fail when the schemas in the folder are stale.")
    var check = false

    @OptionGroup var diagnostics: DiagnosticOptions

    func validate() throws {
        if output.isEmpty { throw ValidationError("--output needs a folder") }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: output)
        let metrics = JSONSchema.metrics(ofContent: URL(fileURLWithPath: content))
        let problems = check ? JSONSchema.check(folder, displayFolder: output, metrics: metrics)
            : JSONSchema.write(to: folder, displayFolder: output, metrics: metrics)
        let status = diagnostics.report(problems)
        if !check, problems.isEmpty {
            FileHandle.standardError.write(Data("wrote \(JSONSchema.files(metrics: metrics).count) files to \(output)\n".utf8))
        }
        if status != 0 { throw ExitCode(status) }
    }
}
