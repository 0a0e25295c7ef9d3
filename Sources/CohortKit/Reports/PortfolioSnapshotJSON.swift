// How `portfolio.json` writes each snapshot type: its members under their `CodingKeys` names, in the
// byte order of those names, a nil optional left out, as `JSONEncoder` would write the `Codable` types
// (`PortfolioSnapshotJSONTests` holds the two to the same bytes).

extension PortfolioSnapshot.MetricAmount: PrettyJSONValue {
    func write(to json: inout PrettyJSON) {
        switch self {
        case .number(let number): number.write(to: &json)
        case .money(let amount): amount.write(to: &json)
        }
    }
}

extension PortfolioSnapshot: PrettyJSONValue {
    func write(to json: inout PrettyJSON) {
        json.object {
            $0.field("agreements", agreements)
            $0.field("as_of", asOf)
            $0.field("breakdowns", breakdowns)
            $0.field("cash_flows_leave_out", cashFlowsLeaveOut)
            $0.field("companies", companies)
            $0.field("metrics_coverage", metricsCoverage)
            $0.field("organizations", organizations)
            $0.field("outcomes", outcomes)
            $0.field("performance", performance)
            $0.field("programme", programme)
            $0.field("schema_version", schemaVersion)
            $0.field("timeline", timeline)
            $0.field("totals", totals)
            $0.field("translations", translations)
            $0.field("warnings", warnings)
        }
    }
}

extension PortfolioSnapshot.Amount: PrettyJSONValue {
    func write(to json: inout PrettyJSON) {
        json.object {
            $0.field("currency", currency)
            $0.field("formatted", formatted)
            $0.field("minor_units", minorUnits)
        }
    }
}

extension PortfolioSnapshot.Total: PrettyJSONValue {
    func write(to json: inout PrettyJSON) {
        json.object {
            $0.field("amount", amount)
            $0.field("estimated", estimated)
        }
    }
}

extension PortfolioSnapshot.Programme: PrettyJSONValue {
    func write(to json: inout PrettyJSON) {
        json.object {
            $0.field("currency", currency)
            $0.field("exchange_rates", exchangeRates)
            $0.field("exchange_rates_as_of", exchangeRatesAsOf)
            $0.field("pool", pool)
            $0.field("standard_ticket", standardTicket)
            $0.field("target_companies", targetCompanies)
            $0.field("title", title)
        }
    }
}

extension PortfolioSnapshot.Totals: PrettyJSONValue {
    func write(to json: inout PrettyJSON) {
        json.object {
            $0.field("average_ticket", averageTicket)
            $0.field("co_investment", coInvestment)
            $0.field("committed", committed)
            $0.field("companies_in_programme", companiesInProgramme)
            $0.field("companies_signed", companiesSigned)
            $0.field("disbursed", disbursed)
            $0.field("dpi", dpi)
            $0.field("follow_on", followOn)
            $0.field("held_at_cost", heldAtCost)
            $0.field("irr", irr)
            $0.field("leverage", leverage)
            $0.field("median_ticket", medianTicket)
            $0.field("multiple", multiple)
            $0.field("realised", realised)
            $0.field("remaining", remaining)
            $0.field("rvpi", rvpi)
            $0.field("tvpi", tvpi)
            $0.field("unrealised", unrealised)
        }
    }
}

extension PortfolioSnapshot.Organization: PrettyJSONValue {
    func write(to json: inout PrettyJSON) {
        json.object {
            $0.field("country", country)
            $0.field("kind", kind)
            $0.field("name", name)
            $0.field("role", role)
            $0.field("slug", slug)
        }
    }
}

extension PortfolioSnapshot.Investment: PrettyJSONValue {
    func write(to json: inout PrettyJSON) {
        json.object {
            $0.field("amount", amount)
            $0.field("estimated", estimated)
            $0.field("reporting", reporting)
        }
    }
}

extension PortfolioSnapshot.CoInvestor: PrettyJSONValue {
    func write(to json: inout PrettyJSON) {
        json.object {
            $0.field("amount", amount)
            $0.field("organization", organization)
            $0.field("reporting", reporting)
        }
    }
}

extension PortfolioSnapshot.Round: PrettyJSONValue {
    func write(to json: inout PrettyJSON) {
        json.object {
            $0.field("agreement", agreement)
            $0.field("amount", amount)
            $0.field("co_investors", coInvestors)
            $0.field("date", date)
            $0.field("disbursed", disbursed)
            $0.field("disbursed_on", disbursedOn)
            $0.field("estimated", estimated)
            $0.field("instrument", instrument)
            $0.field("kind", kind)
            $0.field("reporting", reporting)
        }
    }
}

extension PortfolioSnapshot.Exit: PrettyJSONValue {
    func write(to json: inout PrettyJSON) {
        json.object {
            $0.field("acquirer", acquirer)
            $0.field("date", date)
            $0.field("kind", kind)
            $0.field("proceeds", proceeds)
            $0.field("proceeds_reporting", proceedsReporting)
        }
    }
}

extension PortfolioSnapshot.Valuation: PrettyJSONValue {
    func write(to json: inout PrettyJSON) {
        json.object {
            $0.field("amount", amount)
            $0.field("as_of", asOf)
            $0.field("basis", basis)
            $0.field("reporting", reporting)
        }
    }
}

extension PortfolioSnapshot.Distribution: PrettyJSONValue {
    func write(to json: inout PrettyJSON) {
        json.object {
            $0.field("amount", amount)
            $0.field("date", date)
            $0.field("kind", kind)
            $0.field("reporting", reporting)
        }
    }
}

extension PortfolioSnapshot.MetricReport: PrettyJSONValue {
    func write(to json: inout PrettyJSON) {
        json.object {
            $0.field("estimated", estimated)
            $0.field("period", period)
            $0.field("source", source)
            $0.field("values", values)
        }
    }
}

extension PortfolioSnapshot.Outcome: PrettyJSONValue {
    func write(to json: inout PrettyJSON) {
        json.object {
            $0.field("iris", iris)
            $0.field("key", key)
            $0.field("kind", kind)
            $0.field("name", name)
            $0.field("periods", periods)
            $0.field("since_entry", sinceEntry)
            $0.field("since_entry_companies", sinceEntryCompanies)
            $0.field("total", total)
        }
    }
}

extension PortfolioSnapshot.Outcome.Period: PrettyJSONValue {
    func write(to json: inout PrettyJSON) {
        json.object {
            $0.field("companies", companies)
            $0.field("period", period)
            $0.field("total", total)
        }
    }
}

extension PortfolioSnapshot.MetricsCoverage: PrettyJSONValue {
    func write(to json: inout PrettyJSON) {
        json.object {
            $0.field("missing", missing)
            $0.field("period", period)
        }
    }
}

extension PortfolioSnapshot.Performance: PrettyJSONValue {
    func write(to json: inout PrettyJSON) {
        json.object {
            $0.field("date", date)
            $0.field("disbursed", disbursed)
            $0.field("dpi", dpi)
            $0.field("irr", irr)
            $0.field("realised", realised)
            $0.field("rvpi", rvpi)
            $0.field("tvpi", tvpi)
            $0.field("unrealised", unrealised)
        }
    }
}

extension PortfolioSnapshot.Company: PrettyJSONValue {
    func write(to json: inout PrettyJSON) {
        json.object {
            $0.field("country", country)
            $0.field("date", date)
            $0.field("disbursed", disbursed)
            $0.field("distributions", distributions)
            $0.field("exit", exit)
            $0.field("focus_area", focusArea)
            $0.field("held_at_cost", heldAtCost)
            $0.field("holding_days", holdingDays)
            $0.field("investment", investment)
            $0.field("irr", irr)
            $0.field("metrics", metrics)
            $0.field("multiple", multiple)
            $0.field("name", name)
            $0.field("realised", realised)
            $0.field("rounds", rounds)
            $0.field("sector", sector)
            $0.field("slug", slug)
            $0.field("status", status)
            $0.field("unrealised", unrealised)
            $0.field("valuation", valuation)
            $0.field("valuations", valuations)
        }
    }
}

extension PortfolioSnapshot.Agreement: PrettyJSONValue {
    func write(to json: inout PrettyJSON) {
        json.object {
            $0.field("amount", amount)
            $0.field("kind", kind)
            $0.field("parties", parties)
            $0.field("place", place)
            $0.field("signed", signed)
            $0.field("slug", slug)
            $0.field("status", status)
            $0.field("title", title)
        }
    }
}

extension PortfolioSnapshot.Group: PrettyJSONValue {
    func write(to json: inout PrettyJSON) {
        json.object {
            $0.field("committed", committed)
            $0.field("companies", companies)
            $0.field("name", name)
        }
    }
}

extension PortfolioSnapshot.Breakdowns: PrettyJSONValue {
    func write(to json: inout PrettyJSON) {
        json.object {
            $0.field("by_country", byCountry)
            $0.field("by_focus_area", byFocusArea)
            $0.field("by_sector", bySector)
            $0.field("by_status", byStatus)
        }
    }
}

extension TimelineQuarter: PrettyJSONValue where Sum: PrettyJSONValue {
    func write(to json: inout PrettyJSON) {
        json.object {
            $0.field("agreements_signed", agreementsSigned)
            $0.field("committed", committed)
            $0.field("companies_committed", companiesCommitted)
            $0.field("cumulative", cumulative)
            $0.field("cumulative_disbursed", cumulativeDisbursed)
            $0.field("disbursed", disbursed)
            $0.field("quarter", name)
        }
    }
}

extension PortfolioSnapshot.Warning: PrettyJSONValue {
    func write(to json: inout PrettyJSON) {
        json.object {
            $0.field("column", column)
            $0.field("file", file)
            $0.field("line", line)
            $0.field("message", message)
        }
    }
}

extension PortfolioSnapshot.Translations: PrettyJSONValue {
    func write(to json: inout PrettyJSON) {
        json.object {
            $0.field("language", language)
            $0.field("missing", missing)
            $0.field("total", total)
            $0.field("translated", translated)
        }
    }
}
