/// A `.md` file split into its YAML front matter and its Markdown body.
struct FrontMatter {
    /// The YAML between the `---` lines.
    var yaml: String
    /// The line of the file on which the YAML starts (the line after the opening `---`).
    var yamlFirstLine: Int
    /// The Markdown after the closing `---`.
    var body: String
    /// The line of the file on which the body starts.
    var bodyFirstLine: Int

    /// Splits `file`, or reports why it cannot be split.
    static func split(_ file: SourceFile) -> Result<FrontMatter, Diagnostic> {
        var lines = file.text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.first, first.trimmingTrailingCarriageReturn == "---" else {
            return .failure(.error(
                at: file.location(line: 1, column: 1),
                "missing front matter: the file must start with a '---' line",
                hint: "put the fields between two '---' lines at the top of the file"))
        }
        lines = lines.dropFirst()
        var yamlLines: [Substring] = []
        while let line = lines.first {
            lines = lines.dropFirst()
            let trimmed = line.trimmingTrailingCarriageReturn
            if trimmed == "---" || trimmed == "..." {
                let bodyFirstLine = 2 + yamlLines.count + 1
                return .success(FrontMatter(
                    yaml: yamlLines.joined(separator: "\n"),
                    yamlFirstLine: 2,
                    body: lines.joined(separator: "\n"),
                    bodyFirstLine: bodyFirstLine))
            }
            yamlLines.append(line)
        }
        return .failure(.error(
            at: file.location(line: 1, column: 1),
            "front matter is not closed: no '---' line after the opening one",
            hint: "add a line '---' after the last field"))
    }
}

extension Substring {
    var trimmingTrailingCarriageReturn: Substring { hasSuffix("\r") ? dropLast() : self }
}
