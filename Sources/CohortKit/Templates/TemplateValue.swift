/// A value as a compiled template sees it: text to print, a number, a yes or no, a list, an object
/// whose values sit in the order of its shape's fields, or nothing.
///
/// Pages build typed values (`TemplateObject`s) and hand them over as these, so that rendering reads
/// a value by its position, found when the template was compiled, instead of looking a name up.
enum TemplateValue: Sendable {
    /// Text, never empty: empty text is `absent`.
    case text(String)
    case number(Int)
    case flag(Bool)
    case list([TemplateValue])
    /// An object's values, in the order of its shape's fields.
    case object([TemplateValue])
    /// Nothing: prints nothing, and is false in a section.
    case absent
}

/// A Swift value that templates can use: its type as the check and the docs see it, and its value.
protocol TemplateRepresentable: SendableMetatype {
    static var templateType: TemplateType { get }
    var templateValue: TemplateValue { get }
}

extension String: TemplateRepresentable {
    static var templateType: TemplateType { .text }
    /// Empty text is nothing, so that `{{#name}}` is false and `{{^name}}` true for it.
    var templateValue: TemplateValue { isEmpty ? .absent : .text(self) }
}

extension Int: TemplateRepresentable {
    static var templateType: TemplateType { .number }
    var templateValue: TemplateValue { .number(self) }
}

extension Bool: TemplateRepresentable {
    static var templateType: TemplateType { .flag }
    var templateValue: TemplateValue { .flag(self) }
}

extension Optional: TemplateRepresentable where Wrapped: TemplateRepresentable {
    static var templateType: TemplateType { .optional(Wrapped.templateType) }
    var templateValue: TemplateValue { self?.templateValue ?? .absent }
}

extension Array: TemplateRepresentable where Element: TemplateRepresentable {
    static var templateType: TemplateType { .list(Element.templateType) }
    var templateValue: TemplateValue { .list(map(\.templateValue)) }
}

/// The interface's words as a field of a page, `t`: templates read its texts by key (`{{t.companies}}`),
/// which the compiler writes into the template, so the page itself carries nothing for it.
struct StringTableField: TemplateRepresentable {
    static var templateType: TemplateType { .strings }
    var templateValue: TemplateValue { .absent }
}
