/// The keys of the string tables that Cohort's own code writes with (templates name theirs as
/// `{{t.key}}`, checked when they compile): a misspelt one does not compile, and each is in the
/// built-in tables of every language (`StringKeyTests`). Keys made from a value (`country_XX`, a list's
/// `companies_description`) are looked up by text.
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
}
