/// Generates a synthetic programme for benchmarks: `companies` companies, half as many agreements,
/// organisations, news and pages, each with realistic front matter and a Markdown body of 600 to
/// 1,200 words; the signed and funded companies report two metrics for three years. The same seed
/// gives the same bytes; everything it writes is valid content.
public struct CorpusGenerator: Sendable {
    /// How many companies to write.
    public var companies: Int
    /// The seed of the random choices.
    public var seed: UInt64

    /// Creates a generator.
    public init(companies: Int, seed: UInt64 = 42) {
        self.companies = max(1, companies)
        self.seed = seed
    }

    static let focusAreas = ["environmental-protection", "water-treatment", "agriculture", "pharmaceuticals", "civil-aviation"]
    static let sectors = ["Water", "Agritech", "Medical devices", "Pharmaceuticals", "Aerospace", "Energy", "Materials", "Software"]
    static let countries = ["IL", "CN", "US", "DE", "FR", "NO", "IN", "JP"]

    /// The content folder's files, by path relative to it.
    public func files() -> [OutputFile] {
        var random = SplitMix64(seed: seed)
        let organizationCount = max(5, companies / 20)
        let agreementCount = max(1, companies / 2)
        var files = [OutputFile(path: "programme.yml", text: programme())]
        for index in 0..<organizationCount {
            files.append(OutputFile(path: "organizations/\(organizationSlug(index)).md", text: organization(index, &random)))
        }
        for index in 0..<companies {
            files.append(OutputFile(path: "companies/\(companySlug(index)).md", text: company(index, signed: index < agreementCount, &random)))
        }
        for index in 0..<agreementCount {
            files.append(OutputFile(path: "agreements/agreement-\(index).md", text: agreement(index, organizations: organizationCount, &random)))
        }
        for index in 0..<max(1, companies / 100) {
            files.append(OutputFile(path: "news/news-\(index).md", text: news(index, &random)))
        }
        files.append(OutputFile(path: "pages/about.md", text: "---\ntitle: About\norder: 1\n---\n" + body(&random)))
        files.append(OutputFile(path: "static/logo.svg", text: "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 10 10\"><rect width=\"10\" height=\"10\"/></svg>\n"))
        return files
    }

    private func companySlug(_ index: Int) -> String { "company-\(index)" }
    private func organizationSlug(_ index: Int) -> String { "organization-\(index)" }

    private func programme() -> String {
        """
        title: Benchmark Programme
        tagline: A generated programme for measuring Cohort
        base_url: https://bench.example.org/
        language: en
        currency: USD
        pool: {amount: \(companies * 2_000_000), currency: USD}
        target_companies: \(companies)
        standard_ticket: $1m
        announced: 2011-10-10
        managers: [organization-0, organization-1]
        partners: [organization-2]
        focus_areas:
        \(Self.focusAreas.map { "  - {slug: \($0), name: \($0.replacingOccurrences(of: "-", with: " ").capitalized)}" }.joined(separator: "\n"))
        metrics:
          - {key: employees, name: Employees, kind: count, iris: PI4874}
          - {key: revenue, name: Revenue, kind: money}

        """
    }

    private func organization(_ index: Int, _ random: inout SplitMix64) -> String {
        let kinds = ["fund", "government", "university", "tech-transfer", "corporate", "other"]
        return """
            ---
            name: Organisation \(index)
            kind: \(kinds[index % kinds.count])
            country: "\(random.pick(Self.countries))"
            website: https://org\(index).example.org
            people:
              - name: \(Self.words[random.below(Self.words.count)].capitalized) \(Self.words[random.below(Self.words.count)].capitalized)
                role: Managing partner
            ---

            """ + body(&random)
    }

    private func company(_ index: Int, signed: Bool, _ random: inout SplitMix64) -> String {
        // Only companies with a signed agreement are signed or funded, so the corpus has no warnings.
        let status = signed ? (random.below(4) == 0 ? "funded" : "signed") : random.pick(["candidate", "selected", "withdrawn"])
        let amount = 250 + random.below(16) * 50
        let month = 1 + random.below(12), day = 1 + random.below(28)
        return """
            ---
            name: Company \(index)
            status: \(status)
            sector: \(random.pick(Self.sectors))
            country: "\(random.pick(Self.countries))"
            focus_area: \(random.pick(Self.focusAreas))
            investment:
              amount: "$\(amount)k"
              date: \(2011 + random.below(4))-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)
              estimated: \(random.below(3) == 0)
            website: https://company\(index).example.com
            founded: \(1995 + random.below(20))
            tags: [\(random.pick(Self.words)), \(random.pick(Self.words))]
            \(signed ? metrics(index) : "")---

            """ + body(&random, linking: index)
    }

    /// A signed company's reports for 2015 to 2017, from its own seed so that the rest of the corpus
    /// is what it was before metrics.
    private func metrics(_ index: Int) -> String {
        var random = SplitMix64(seed: seed &+ UInt64(index))
        var employees = 2 + random.below(20), revenue = 50 + random.below(20) * 25
        var lines = ["metrics:"]
        for year in 2015...2017 {
            lines.append("  - {period: \(year), employees: \(employees), revenue: \"$\(revenue)k\"}")
            employees += random.below(8)
            revenue += random.below(10) * 25
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func agreement(_ index: Int, organizations: Int, _ random: inout SplitMix64) -> String {
        """
        ---
        title: Framework agreement \(index)
        kind: \(random.pick(["framework", "investment", "licence", "mou"]))
        status: signed
        signed: 2011-10-\(10 + random.below(18))
        place: Tel Aviv
        amount: "$\(250 + random.below(16) * 50)k"
        parties: [\(organizationSlug(random.below(organizations))), \(companySlug(index))]
        ---

        """ + body(&random)
    }

    private func news(_ index: Int, _ random: inout SplitMix64) -> String {
        """
        ---
        title: News item \(index)
        date: 2011-11-\(10 + random.below(18))
        about: [\(companySlug(random.below(companies))), \(organizationSlug(0))]
        ---

        """ + body(&random)
    }

    /// A Markdown body of 600 to 1,200 words: headings, paragraphs, emphasis, links, a list, a quote, code spans.
    private func body(_ random: inout SplitMix64, linking index: Int? = nil) -> String {
        let target = 600 + random.below(601)
        var words = 0
        var blocks: [String] = []
        var section = 0
        while words < target {
            switch blocks.count % 6 {
            case 0:
                section += 1
                // The first heading is the same everywhere, so links can name it: `peer.md#overview`.
                blocks.append(section == 1 ? "## Overview" : "## \(random.pick(Self.words).capitalized) \(random.pick(Self.words)) \(section)")
                words += 3
            case 3:
                let items = (0..<(3 + random.below(3))).map { _ in "- " + sentence(&random, words: &words) }
                blocks.append(items.joined(separator: "\n"))
            case 5:
                blocks.append("> " + sentence(&random, words: &words) + " " + sentence(&random, words: &words))
            default:
                var paragraph = (0..<(3 + random.below(4))).map { _ in sentence(&random, words: &words) }
                // Links of every kind a body may write: to a content file and a heading in it, to a static
                // file from the content folder and from the site's top, to a list page.
                if let index {
                    switch random.below(6) {
                    case 0: paragraph.append("See [a peer](\(companySlug((index + 1) % companies)).md#overview) for comparison.")
                    case 1: paragraph.append("Its ![logo](../static/logo.svg) and [the same logo](/logo.svg) are on file.")
                    case 2: paragraph.append("It is one of [the companies](/companies/) of [the programme](../pages/about.md).")
                    default: break
                    }
                    words += 8
                }
                blocks.append(paragraph.joined(separator: " "))
            }
        }
        return blocks.joined(separator: "\n\n") + "\n"
    }

    private func sentence(_ random: inout SplitMix64, words: inout Int) -> String {
        let length = 8 + random.below(13)
        var parts: [String] = []
        for position in 0..<length {
            var word = random.pick(Self.words)
            switch random.below(40) {
            case 0: word = "*\(word)*"
            case 1: word = "**\(word)**"
            case 2: word = "`\(word)-\(random.below(100))`"
            case 3: word = "[\(word)](https://example.org/\(word))"
            default: break
            }
            parts.append(position == 0 ? word.prefix(1).uppercased() + word.dropFirst() : word)
        }
        words += length
        return parts.joined(separator: " ") + "."
    }

    static let words = """
        water treatment agriculture irrigation membrane sensor yield pharmaceutical trial compound aviation
        engine turbine emission filter harvest greenhouse soil nutrient enzyme implant device clinical
        market china expansion partner capital incubator research development license patent university
        laboratory prototype pilot factory supply chain customer revenue growth team founder engineer
        design platform data analysis model process quality standard regulation approval certificate
        investment round valuation milestone contract framework agreement signing ceremony delegation city
        mayor programme fund manager portfolio strategy product technology adapt local needs support
        system network service solution energy efficiency recycling waste purification desalination
        drip crop seed livestock veterinary vaccine dosage formulation synthesis scale manufacturing export
        """.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
}

/// A small, fast, seedable random number generator (SplitMix64), so a corpus is the same on every machine.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// One element of `items`.
    mutating func pick(_ items: [String]) -> String { items[below(items.count)] }
}
