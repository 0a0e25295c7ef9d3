import Foundation

/// The editor set-up that `cohort init` writes beside the content, made from the same declarations as
/// the schemas: VS Code's settings, which give `programme.yml` and its translations their schemas
/// through the YAML extension; the extensions to recommend (YAML, Front Matter CMS); and Front Matter
/// CMS's content types, a form for each folder's front matter, with other files to choose from where a
/// field names one. docs/editing.md says how to use them.
public enum EditorSetup {
    /// Where `cohort schema` writes by default, and where the settings look for the schemas.
    public static let schemaFolder = "schemas"

    /// `.vscode/settings.json`, `.vscode/extensions.json` and `frontmatter.json`.
    public static func files() -> [OutputFile] {
        [
            OutputFile(path: ".vscode/settings.json", text: JSONValue.object([
                "yaml.schemas": [
                    "./\(schemaFolder)/programme.schema.json": ["content/programme.yml"],
                    "./\(schemaFolder)/programme.translation.schema.json": ["content/programme.*.yml"],
                ],
            ]).text),
            OutputFile(path: ".vscode/extensions.json", text: JSONValue.object([
                "recommendations": ["redhat.vscode-yaml", "eliostruyf.vscode-front-matter"],
            ]).text),
            OutputFile(path: "frontmatter.json", text: JSONValue.object(frontMatter).text),
        ]
    }

    /// Front Matter CMS's settings: a content type per kind of entity file and the folder it is in.
    private static var frontMatter: [String: JSONValue] {
        let kinds = ContentSchema.kinds.filter(\.isFrontMatter)
        var groups: [String: JSONValue] = [:]
        let types: [JSONValue] = kinds.map { kind in
            ["name": .string(kind.name), "pageBundle": false, "fields": .array(kind.fields.map { field(for: $0, groups: &groups) })]
        }
        return [
            "$schema": "https://frontmatter.codes/frontmatter.schema.json",
            "frontMatter.framework.id": "other",
            "frontMatter.content.publicFolder": "content/static",
            "frontMatter.content.pageFolders": .array(kinds.compactMap { kind in
                kind.folder.map { folder in
                    ["title": .string(folder.rawValue), "path": .string("[[workspace]]/content/" + folder.rawValue),
                     "contentTypes": [.string(kind.name)]]
                }
            }),
            "frontMatter.taxonomy.contentTypes": .array(types),
            "frontMatter.taxonomy.fieldGroups": .array(groups.keys.sorted().compactMap { groups[$0] }),
        ]
    }

    /// The entity kind a field that holds slugs names, where it is one kind.
    private static let references: [String: String] = [
        "acquirer": "organization", "agreement": "agreement", "organization": "organization",
    ]

    /// A field of a content type; a list of maps becomes a block whose field group joins `groups`.
    private static func field(for field: SchemaField, groups: inout [String: JSONValue]) -> JSONValue {
        var value: [String: JSONValue] = ["title": .string(field.name), "name": .string(field.name)]
        if field.required == .yes { value["required"] = true }
        for (key, setting) in settings(of: field.type, name: field.name, groups: &groups) { value[key] = setting }
        return .object(value)
    }

    private static func settings(of type: SchemaType, name: String, groups: inout [String: JSONValue]) -> [String: JSONValue] {
        switch type {
        case .whole: return ["type": "number", "numberOptions": ["isDecimal": false]]
        case .boolean: return ["type": "boolean"]
        case .date: return ["type": "datetime", "dateFormat": "yyyy-MM-dd"]
        case .choice(let words): return ["type": "choice", "choices": .array(words.map { .string($0) })]
        case .slug:
            guard let target = references[name] else { return ["type": "string"] }
            return ["type": "contentRelationship", "contentTypeName": .string(target), "contentTypeValue": "slug"]
        case .listOf(.slug, _, _, _):
            return ["type": "list"]
        case .listOf(.text, _, _, _):
            return ["type": "tags"]
        case .listOf(let item, _, _, _):
            let fields: [SchemaField]
            switch item {
            case .object(_, let itemFields): fields = itemFields
            case .either(let forms): fields = forms.compactMap { if case .object(_, let f) = $0 { f } else { nil } }.first ?? []
            default: return ["type": "list"]
            }
            groups[name] = ["id": .string(name), "labelField": .string(fields.first?.name ?? name),
                            "fields": .array(fields.map { field(for: $0, groups: &groups) })]
            return ["type": "block", "fieldGroup": [.string(name)]]
        case .object(_, let fields):
            return ["type": "fields", "fields": .array(fields.map { field(for: $0, groups: &groups) })]
        case .rates: return ["type": "json"]
        default: return ["type": "string"]
        }
    }
}
