/// The text of a content file in another language, from a file beside it: `pages/about.zh.md` for
/// `pages/about.md`, `programme.zh.yml` for `programme.yml`. It carries text only (names, titles,
/// taglines, descriptions, sectors, places, tags, focus-area names and the body); every fact comes
/// from the default-language file.
public struct Translation: Sendable, Hashable {
    /// Which file it translates.
    public enum Original: Hashable, Sendable, Comparable {
        /// `programme.yml`.
        case programme
        /// An entity file, by folder and slug.
        case entity(ContentFolder, Slug)

        /// Orders the programme first, then by folder and slug.
        public static func < (lhs: Original, rhs: Original) -> Bool {
            switch (lhs, rhs) {
            case (.programme, .programme): false
            case (.programme, _): true
            case (_, .programme): false
            case let (.entity(leftFolder, leftSlug), .entity(rightFolder, rightSlug)):
                (ContentFolder.allCases.firstIndex(of: leftFolder) ?? 0, leftSlug) < (ContentFolder.allCases.firstIndex(of: rightFolder) ?? 0, rightSlug)
            }
        }
    }

    /// The file it translates.
    public var original: Original
    /// Its language.
    public var language: Language
    /// Text fields by their name in the file (`name`, `title`, `tagline`, `description`, `sector`, `place`).
    public var texts: [String: String]
    /// Translated tags, when given.
    public var tags: [String]?
    /// Translated focus-area names, by focus-area slug (programme translations only).
    public var focusAreaNames: [Slug: String]
    /// Translated metric names and descriptions, by metric key (programme translations only).
    public var metricTexts: [Slug: MetricText] = [:]

    /// A metric's name and description in another language.
    public struct MetricText: Sendable, Hashable {
        public var name: String
        public var description: String?
    }
    /// Its own Markdown body, when it has one (entity files only).
    public var body: Body?
    /// Where the translation's file is.
    public var source: SourceLocation
    /// Where in its file each text field is, for reporting translations of fields that do not exist.
    public var locations: [String: SourceLocation]
}

/// The text fields a translation may give, by name: what pages look up (`SiteContext.text`), so that a
/// misspelt field does not compile. `ContentSchema.translated` lists these, and the structured ones
/// (`tags`, `focus_areas`, `metrics`) besides.
public enum TranslatedText: String, Sendable, CaseIterable {
    case title, tagline, description, name, sector, place
}
