/// The reference of the values templates can use, as Markdown, from the same declarations the
/// templates are checked against: a table of the page templates, then one table per kind of value.
/// docs/templates.md holds it (a test keeps the two equal); `cohort theme values` prints it.
enum TemplateReference {
    /// A page template: its name, what it renders, and the type of its values.
    struct Page {
        var template: String
        var renders: String
        var shape: TemplateShape
    }

    static func markdown(_ pages: [Page]) -> String {
        var lines = ["| Template | Renders | Values |", "| --- | --- | --- |"]
        var shapes: [TemplateShape] = []
        var seen: Set<ObjectIdentifier> = []
        func visit(_ shape: TemplateShape) {
            guard seen.insert(ObjectIdentifier(shape)).inserted else { return }
            shapes.append(shape)
        }
        for page in pages {
            lines.append("| `\(page.template)` | `\(page.renders)` | \(link(page.shape)) |")
            visit(page.shape)
        }
        // Every kind of value reached from the pages, each once, in the order first met.
        var index = 0
        while index < shapes.count {
            for field in shapes[index].fields {
                if let shape = field.type.shape { visit(shape) }
            }
            index += 1
        }
        for shape in shapes {
            lines += ["", "### \(shape.name.capitalizedFirst)", "", "| Key | Type | Value |", "| --- | --- | --- |"]
            for field in shape.fields {
                lines.append("| `\(field.name)` | \(describe(field.type)) | \(field.summary.replacingOccurrences(of: "|", with: "\\|")) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func describe(_ type: TemplateType) -> String {
        switch type {
        case .text: "text"
        case .number: "number"
        case .flag: "`true` or `false`"
        case .list(let element):
            if case .object(let shape) = element.required { "list of [\(shape.plural)](#\(anchor(shape)))" } else { "list of " + describe(element) }
        case .object(let shape): link(shape)
        case .optional(let wrapped): describe(wrapped) + ", optional"
        case .strings: "string table"
        }
    }

    private static func link(_ shape: TemplateShape) -> String {
        "[\(shape.name)](#\(anchor(shape)))"
    }

    /// The anchor GitHub gives the shape's heading.
    private static func anchor(_ shape: TemplateShape) -> String {
        String(shape.name.lowercased().compactMap { $0 == " " ? "-" : ($0.isLetter || $0.isNumber || $0 == "-" ? $0 : nil) })
    }
}

extension TemplateType {
    /// The shape of the objects of this type, or of a list's items.
    fileprivate var shape: TemplateShape? {
        switch required {
        case .object(let shape): shape
        case .list(let element): element.shape
        default: nil
        }
    }
}

extension String {
    fileprivate var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
