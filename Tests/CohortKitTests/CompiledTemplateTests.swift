import Foundation
import Mustache
import Testing
@testable import CohortKit

/// Types declared as pages declare theirs, to compile templates against.
private struct Person: TemplateObject {
    var name: String
    var role: String?
    var tags: [String] = []
    var active = false
    var age = 0

    static let fields = TemplateFields<Person>("person", plural: "people", [
        .init("name", \.name, "The name."),
        .init("role", \.role, "The role, if any."),
        .init("tags", \.tags, "Tags."),
        .init("active", \.active, "Whether active."),
        .init("age", \.age, "Age."),
    ])
}

private struct Common: TemplateObject {
    var t = StringTableField()
    var title: String

    static let fields = TemplateFields<Common>("common part", plural: "common parts", [
        .init("t", \.t, "The words."),
        .init("title", \.title, "The title."),
    ])
}

private struct Team: TemplateObject {
    var common: Common
    var lead: Person?
    var members: [Person]
    var note: String?
    var size: Int

    static let fields = TemplateFields<Team>("team page", plural: "team pages", [
        .include(\.common),
        .init("lead", \.lead, "The lead."),
        .init("members", \.members, "The members."),
        .init("note", \.note, "A note."),
        .init("size", \.size, "How many."),
    ])
}

private let words = ["members": "Members <all>", "braces": "Say {{hi}} & bye", "none": "None"]

private let team = Team(
    common: Common(title: "R&D \"core\""),
    lead: Person(name: "Ada <L>", role: "lead", tags: ["x", "y"], active: true, age: 36),
    members: [Person(name: "Ada <L>", role: "lead", tags: ["x"], active: true, age: 36),
              Person(name: "Bo", role: nil, tags: [], active: false, age: 0),
              Person(name: "Cy's", role: "", tags: ["z"], active: true, age: 7)],
    note: nil, size: 3)

private let emptyTeam = Team(common: Common(title: ""), lead: nil, members: [], note: "n", size: 0)

/// The same value as swift-mustache sees it: objects as dictionaries, nothing as `Absent`.
private func mustacheValue(_ value: TemplateValue, _ type: TemplateType) -> Any {
    switch (value, type.required) {
    case (.text(let text), _): return text
    case (.number(let number), _): return number
    case (.flag(let flag), _): return flag
    case (.list(let items), .list(let element)): return items.map { mustacheValue($0, element) }
    case (.object(let values), .object(let shape)):
        var dictionary: [String: Any] = [:]
        for (field, value) in zip(shape.fields, values) {
            if case .strings = field.type { dictionary[field.name] = words; continue }
            dictionary[field.name] = mustacheValue(value, field.type)
        }
        return dictionary
    default: return NSNull()
    }
}

private func sources(_ templates: [String: String]) -> [String: SourceFile] {
    Dictionary(uniqueKeysWithValues: templates.map { name, text in
        (name, SourceFile(displayPath: "templates/\(name).mustache", relativePath: name + ".mustache", text: text))
    })
}

/// Renders `name` with swift-mustache and with the compiled template; fails on compile errors.
private func both(_ templates: [String: String], _ name: String = "page", _ value: Team = team) throws -> (mustache: String, compiled: String) {
    HTMLEscaping.register()
    var library = MustacheLibrary()
    var parsed: [String: MustacheTemplate] = [:]
    for (templateName, text) in templates {
        let template = try MustacheTemplate(string: HTMLEscaping.pragma + text)
        library.register(template, named: templateName)
        parsed[templateName] = template
    }
    var compiler = TemplateCompiler(templates: parsed, sources: sources(templates), prefixLength: HTMLEscaping.pragma.utf8.count,
                                    strings: Strings(language: Language("en")!, texts: words))
    let result = compiler.compile(name, for: Team.fields.shape)
    let compiled = try #require(result)
    #expect(compiler.diagnostics.isEmpty, "\(compiler.diagnostics)")
    let mustache = library.render(mustacheValue(value.templateValue, Team.templateType), withTemplate: name) ?? ""
    return (mustache, String(decoding: compiled.render(value.templateValue), as: UTF8.self))
}

private func errors(_ templates: [String: String], _ name: String = "page") throws -> [Diagnostic] {
    HTMLEscaping.register()
    var parsed: [String: MustacheTemplate] = [:]
    for (templateName, text) in templates { parsed[templateName] = try MustacheTemplate(string: HTMLEscaping.pragma + text) }
    var compiler = TemplateCompiler(templates: parsed, sources: sources(templates), prefixLength: HTMLEscaping.pragma.utf8.count,
                                    strings: Strings(language: Language("en")!, texts: words))
    _ = compiler.compile(name, for: Team.fields.shape)
    return compiler.diagnostics
}

@Suite struct CompiledTemplateTests {
    static let cases: [(String, [String: String])] = [
        ("variables and escaping", ["page": "<h1>{{title}}</h1>{{{title}}}{{&title}} {{size}} {{lead.active}} {{lead.age}}\n"]),
        ("sections of every kind", ["page": """
            {{#lead}}[{{name}} {{#role}}as {{role}}{{/role}}]{{/lead}}
            {{#members}}<li>{{name}}{{#active}} active{{/active}}{{^active}} away{{/active}}{{^role}} (no role){{/role}} of {{title}}</li>
            {{/members}}
            {{^members}}nobody{{/members}}{{#note}}note: {{.}}{{/note}}{{^note}}no note{{/note}}
            {{#size}}size {{.}}{{/size}}{{#lead.tags}}<{{.}}>{{/lead.tags}}{{#title}}T={{title}}{{/title}}

            """]),
        ("functions", ["page": """
            {{^empty(members)}}{{count(members)}} members{{/empty(members)}}{{#empty(members)}}none{{/empty(members)}}
            {{#first(members)}}first {{name}}{{/first(members)}} {{#last(members)}}last {{name}}{{/last(members)}}
            {{#reversed(members)}}{{name}},{{/reversed(members)}} {{uppercased(title)}} {{lowercased(lead.name)}}
            {{#lead}}{{#equalzero(age)}}zero{{/equalzero(age)}}{{plusone(age)}}{{/lead}}

            """]),
        ("words of the string tables", ["page": "{{t.members}} {{{t.members}}} {{t.braces}} {{#t.none}}[{{.}}]{{/t.none}}\n"]),
        ("standalone and indented partials", [
            "page": "<ul>\n{{#lead}}\n  {{> row}}\n{{/lead}}\n{{#members}}\n    {{> row}}\n{{/members}}\n</ul>\n",
            "row": "<li>{{name}}</li>\n{{#tags}}\n  <b>{{.}}</b>\n{{/tags}}\n{{> inner}}\n",
            "inner": "i1\ni2 {{title}}\n",
        ]),
        ("parents and blocks", [
            "page": "{{<layout}}{{$body}}B {{title}}\n{{#members}}{{name}} {{/members}}{{/body}}{{/layout}}\n",
            "layout": "<html>\n  {{$head}}default head{{/head}}\n  {{$body}}default body{{/body}}\n</html>\n{{<inner}}{{$deep}}from layout{{/deep}}{{/inner}}",
            "inner": "[{{$deep}}inner default{{/deep}}] [{{$body}}x{{/body}}]\n",
        ]),
        ("positions in lists", ["page": """
            {{#members}}{{name}}{{^last()}}, {{/last()}}{{#first()}}(first){{/first()}}{{index()}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}}{{#active}}{{^first()}}!{{/first()}}{{/active}}{{#tags}}{{.}}{{index()}}{{/tags}};{{/members}}
            {{^members}}none in {{title}}{{/members}}{{^lead.tags}}no tags{{/lead.tags}}

            """]),
        ("a template that prints text", ["page": "{{%CONTENT_TYPE:TEXT}}{{title}} {{#lead}}{{name}}{{/lead}}\n"]),
        ("comments and set delimiters", ["page": "{{! a comment }}\n{{=<% %>=}}\n<% title %> <%#lead%><% name %><%/lead%>\n"]),
    ]

    @Test(arguments: 0..<cases.count)
    func rendersWhatSwiftMustacheRenders(_ index: Int) throws {
        let (_, templates) = Self.cases[index]
        for value in [team, emptyTeam] {
            let output = try both(templates, "page", value)
            #expect(output.compiled == output.mustache, "\(Self.cases[index].0)")
        }
    }

    @Test func theOutputIsWhatTheTemplateSays() throws {
        let output = try both(["page": "{{#members}}{{name}}{{^role}}?{{/role}};{{/members}} {{t.members}}"])
        #expect(output.compiled == "Ada &lt;L&gt;;Bo?;Cy&#39;s?; Members &lt;all&gt;")
    }

    @Test func eachKindOfTypoIsAnErrorAtItsTagWithTheNearestName() throws {
        let cases: [(template: [String: String], name: String, message: String, hint: String?, line: Int, column: Int)] = [
            (["page": "<p>\n  {{nmae}}{{titel}}</p>"], "page", "no value named 'titel' here", "did you mean 'title'?", 2, 11),
            (["page": "{{#members}}{{nmae}}{{/members}}"], "page", "no value named 'nmae' here", "did you mean 'name'?", 1, 13),
            (["page": "{{#lead}}x{{/lead}}{{#mebers}}x{{/mebers}}"], "page", "no value named 'mebers' here", "did you mean 'members'?", 1, 20),
            (["page": "\n{{^mebers}}x{{/mebers}}"], "page", "no value named 'mebers' here", "did you mean 'members'?", 2, 1),
            (["page": "{{lead.nmae}}"], "page", "'lead' has no value named 'nmae'", "did you mean 'name'?", 1, 1),
            (["page": "{{title.size}}"], "page", "'title' is a text, which has no value named 'size'", nil, 1, 1),
            (["page": "{{#members}}{{> row}}{{/members}}", "row": "a\n {{rol}}"], "page", "no value named 'rol' here (in row, as page includes it)",
             "did you mean 'role'?", 2, 2),
            (["page": "{{t.membres}}"], "page", "no text named 'membres' in the string tables", "did you mean 'members'?", 1, 1),
            (["page": "{{members}}"], "page", "'members' is a list of people and cannot be printed",
             "print its items inside {{#members}}…{{/members}}", 1, 1),
            (["page": "{{lead}}"], "page", "'lead' is a person and cannot be printed", "print one of its values, such as {{lead.name}}", 1, 1),
            (["page": "{{#members}}{{#role}}{{^last()}}, {{/last()}}{{/role}}{{/members}}"], "page",
             "last() is the position in a list, known only directly inside the list's section",
             "a partial, or an object's section, between them hides it", 1, 22),
            (["page": "{{#empty(size)}}x{{/empty(size)}}"], "page", "empty() does not apply to a number",
             "on a number: equalzero(), plusone(), minusone(), even(), odd()", 1, 1),
        ]
        for item in cases {
            let found = try errors(item.template, item.name)
            let error = try #require(found.first, "\(item.message)")
            #expect(found.count == (item.template["page"]?.contains("nmae}}{{titel") == true ? 2 : 1))
            let match = found.first { $0.message == item.message } ?? error
            #expect(match.message == item.message)
            #expect(match.hint == item.hint)
            let file = item.message.contains("(in row") ? "templates/row.mustache" : "templates/page.mustache"
            #expect(match.location == SourceLocation(path: file, line: item.line, column: item.column), "\(item.message)")
        }
    }

    @Test func namesOfOuterSectionsAndPartialsResolve() throws {
        let found = try errors([
            "page": "{{#members}}{{#tags}}{{.}} of {{name}} in {{title}} {{lead.name}}{{/tags}}{{> row}}{{/members}}",
            "row": "{{name}} {{size}} {{t.members}} {{#lead}}{{title}}{{/lead}}",
        ])
        #expect(found.isEmpty, "\(found)")
    }
}
