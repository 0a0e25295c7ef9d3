/// A value with a label in the string tables, under its prefix and its value with `_` for `-`:
/// `status_signed` for a company's `signed`, `round_kind_follow_on` for a round's `follow-on`.
protocol Labelled: RawRepresentable, CaseIterable where RawValue == String {
    static var labelPrefix: String { get }
}

extension Labelled {
    /// The key of `value`'s label.
    static func labelKey(_ value: Self) -> String {
        let raw = value.rawValue
        guard raw.utf8.contains(UInt8(ascii: "-")) else { return labelPrefix + raw }
        return labelPrefix + String(decoding: raw.utf8.map { $0 == UInt8(ascii: "-") ? UInt8(ascii: "_") : $0 }, as: UTF8.self)
    }

    /// The keys of every value's label.
    static var labelKeys: [String] { allCases.map(labelKey) }
}

extension Company.Status: Labelled { static var labelPrefix: String { "status_" } }
extension Agreement.Status: Labelled { static var labelPrefix: String { "agreement_status_" } }
extension Agreement.Kind: Labelled { static var labelPrefix: String { "agreement_kind_" } }
extension Round.Kind: Labelled { static var labelPrefix: String { "round_kind_" } }
extension Round.Instrument: Labelled { static var labelPrefix: String { "instrument_" } }
extension Exit.Kind: Labelled { static var labelPrefix: String { "exit_kind_" } }
extension Organization.Kind: Labelled { static var labelPrefix: String { "organization_kind_" } }
extension Distribution.Kind: Labelled { static var labelPrefix: String { "distribution_kind_" } }

/// Every type whose values the site labels: each label is in the built-in tables of every language
/// (`StringKeyTests`).
var labelledTypes: [any Labelled.Type] {
    [Company.Status.self, Agreement.Status.self, Agreement.Kind.self, Round.Kind.self, Round.Instrument.self,
     Exit.Kind.self, Organization.Kind.self, Distribution.Kind.self]
}
