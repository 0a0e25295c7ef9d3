/// The ids of headings, made as GitHub makes them, so that a link written for GitHub
/// (`about.md#key-figures`) works on the site too.
enum HeadingID {
    /// `Key figures` gives `key-figures`: lower case; letters, digits, `-` and `_` kept, whatever the
    /// script; spaces become `-`; everything else goes.
    static func slug(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character == " " {
                slug.append("-")
            } else if character == "-" || character == "_" || character.isLetterOrDigit {
                slug.append(character)
            }
        }
        return slug
    }

    /// `slug`, or `slug-1`, `slug-2`... when a heading before took it.
    static func unique(_ slug: String, among used: inout Set<String>) -> String {
        var candidate = slug
        var count = 0
        while used.contains(candidate) {
            count += 1
            candidate = "\(slug)-\(count)"
        }
        used.insert(candidate)
        return candidate
    }
}
