/// The keys of the string tables that Cohort's own code writes with (templates name theirs as
/// `{{t.key}}`, checked when they compile): a misspelt one does not compile, and each is in the
/// built-in tables of every language (`StringKeyTests`), as is each label of a value
/// (`Strings.labelKeys`). Only a country's name is looked up by a key made from a value
/// (`country_XX`): a table may name any country, and ICU names the rest.
enum StringKey: String, CaseIterable {
    case agreement, agreements, allAgreements = "all_agreements", allCompanies = "all_companies"
    case allOfList = "all_of_list", companies, company, companyCount = "company_count"
    case companyCountOne = "company_count_one", countOfTotal = "count_of_total", country
    case coverageAll = "coverage_all", coverageMissing = "coverage_missing", estimated
    case exchangeRatesNote = "exchange_rates_note", feedTitle = "feed_title", figuresAsOf = "figures_as_of"
    case filterDescription = "filter_description", filterTitle = "filter_title", focusArea = "focus_area"
    case heldAtCostCount = "held_at_cost_count", heldAtCostCountOne = "held_at_cost_count_one", home
    case inPlace = "in_place", irrLeavesOut = "irr_leaves_out", kind, listSeparator = "list_separator"
    case manager, news, notSpecified = "not_specified", organizations, pageMoved = "page_moved"
    case pageMovedText = "page_moved_text", pageNotFound = "page_not_found", pageNumber = "page_number"
    case pageTitle = "page_title", partner, ratio, reports, reportsDescription = "reports_description"
    case returnsAsOf = "returns_as_of", roleOfProgramme = "role_of_programme", rowOf = "row_of"
    case rowsOf = "rows_of", search, searchDescription = "search_description", sector
    case sinceEntry = "since_entry", sinceEntryOne = "since_entry_one", status, undated, percent, years, money
    case companiesDescription = "companies_description", organizationsDescription = "organizations_description"
    case agreementsDescription = "agreements_description", newsDescription = "news_description"
    case organizationCount = "organization_count", organizationCountOne = "organization_count_one"
    case agreementCount = "agreement_count", agreementCountOne = "agreement_count_one"
    case newsCount = "news_count", newsCountOne = "news_count_one"
}

extension ListPage.Kind {
    /// The list's title (`Companies`), its description for search engines, and how many rows it has
    /// (`12 companies`, and `1 company` for one).
    var keys: (title: StringKey, description: StringKey, count: StringKey, countOne: StringKey) {
        switch self {
        case .companies: (.companies, .companiesDescription, .companyCount, .companyCountOne)
        case .organizations: (.organizations, .organizationsDescription, .organizationCount, .organizationCountOne)
        case .agreements: (.agreements, .agreementsDescription, .agreementCount, .agreementCountOne)
        case .news: (.news, .newsDescription, .newsCount, .newsCountOne)
        }
    }
}
