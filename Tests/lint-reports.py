#!/usr/bin/env python3
"""make lint-reports: the reports of a hostile programme opened as analysts and reviewers open them.

Builds Tests/Fixtures/hostile-programme (formula-like names in every text column, Chinese and Hebrew
names, names that would mention, link or format on GitHub, metrics with formula-like sources) with the
cohort binary given as the first argument, then:

- converts each CSV to xlsx with LibreOffice Calc, headless, once with a comma as the separator and
  once with comma, semicolon and tab, and reads the xlsx back with openpyxl: no cell is a formula, the
  header is exact (the byte order mark does not leak into it), every text cell reads back as the
  content has it, with the apostrophe Cohort puts before a formula (LibreOffice shows it), and
  amounts are numbers;
- opens cash-flows.csv of Tests/Fixtures/lifecycle-programme and of the hostile programme in LibreOffice
  Calc: every date reads as a date and every amount as a number (negative when paid in), and XIRR over
  the `reporting_amount` and `date` columns, computed by Calc, equals portfolio.json's IRR to its four
  decimals;
- renders summary.md and the `cohort diff` comment with cmark-gfm and GitHub's extensions (tables,
  autolinks, strikethrough, task lists, tag filter): no link, image (other than the charts), emphasis
  or HTML comes from a name, every table row has the header's number of cells, no text would mention
  a user or team or reference an issue, and every name reads as written.

Prints what it checked and exits non-zero on the first kind of failure, naming the file and cell.
"""
import html
import html.parser
import json
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

import openpyxl

ROOT = pathlib.Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "Tests" / "Fixtures" / "hostile-programme"
LIFECYCLE = ROOT / "Tests" / "Fixtures" / "lifecycle-programme"
COLUMNS = {
    "companies.csv": ["slug", "name", "status", "sector", "country", "focus_area", "investment_amount",
                      "investment_currency", "reporting_amount", "reporting_currency", "estimated", "date",
                      "disbursed_amount", "rounds", "exit_kind", "exit_date", "realised_amount", "valuation_amount",
                      "valuation_as_of"],
    "investments.csv": ["company", "company_name", "status", "date", "kind", "instrument", "amount", "currency",
                        "reporting_amount", "reporting_currency", "estimated", "disbursed", "disbursed_date", "agreement",
                        "co_investors", "co_investment_amount"],
    "agreements.csv": ["slug", "title", "kind", "status", "signed", "place", "amount", "currency", "parties"],
    "cash-flows.csv": ["date", "company", "company_name", "kind", "amount", "currency", "reporting_amount", "reporting_currency"],
    "metrics.csv": ["company", "company_name", "status", "period", "metric", "value", "currency", "reporting_value", "reporting_currency",
                    "estimated", "source"],
}
# LibreOffice's CSV filter options: separators (ASCII codes), text delimiter ("), UTF-8 (76), first line.
FILTERS = {"comma": "CSV:44,34,76,1", "comma, semicolon and tab": "CSV:44/59/9,34,76,1"}
FORMULA_START = set("=+-@\t\r")
MENTION = re.compile(r"(?:^|[^\w])@[A-Za-z0-9]")
REFERENCE = re.compile(r"(?:^|[^\w])(?:#|GH-)\d", re.IGNORECASE)

failures = []


def fail(message):
    failures.append(message)
    print("FAIL " + message)


def neutralized(text):
    """The documented rule (docs/reports.md): an apostrophe before text whose first character other
    than spaces starts a formula, and after a semicolon followed by one."""
    parts = text.split(";")
    return ";".join("'" + part if part.lstrip(" ")[:1] in FORMULA_START and part.lstrip(" ") else part
                    for part in parts)


def lines(text):
    """Text as a spreadsheet holds it: a cell's line breaks are line feeds."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def row_key(name, values):
    """What identifies a row: the slug, or for a round its company, date and kind."""
    if name == "metrics.csv":
        # A spreadsheet reads a year as a number.
        period = values["period"]
        return (values["company"], str(int(period)) if isinstance(period, (int, float)) else period, values["metric"])
    if name in ("investments.csv", "cash-flows.csv"):
        date = values["date"]
        # A spreadsheet reads the date column as dates.
        return (values["company"], date.date().isoformat() if hasattr(date, "date") else date, values["kind"])
    return values["slug"]


def expected_rows(portfolio):
    """Each CSV's text cells by row, from portfolio.json, which keeps the text as written."""
    companies = {c["slug"]: {"name": c["name"], "sector": c.get("sector"), "focus_area": c.get("focus_area")}
                 for c in portfolio["companies"]}
    rounds = {(c["slug"], r.get("date"), r["kind"]): {"company_name": c["name"]}
              for c in portfolio["companies"] for r in c["rounds"]}
    agreements = {a["slug"]: {"title": a["title"], "place": a.get("place")} for a in portfolio["agreements"]}
    flows = {key: {"company_name": companies[key[0]]["name"]} for key in cash_flows(portfolio)}
    metrics = {(c["slug"], r["period"], key): {"company_name": c["name"], "source": r.get("source")}
               for c in portfolio["companies"] for r in c.get("metrics", []) for key in r["values"]}
    return {"companies.csv": companies, "investments.csv": rounds, "agreements.csv": agreements, "cash-flows.csv": flows,
            "metrics.csv": metrics}


def cash_flows(portfolio):
    """The flows cash-flows.csv should have, by company, date and kind, with their amounts in the
    reporting currency (negative when paid in), from portfolio.json."""
    flows = {}
    for company in portfolio["companies"]:
        if company.get("realised") is None or company["slug"] in portfolio["cash_flows_leave_out"]:
            continue
        for round in company["rounds"]:
            if round.get("disbursed_on"):
                key = (company["slug"], round["disbursed_on"], "disbursement")
                flows[key] = flows.get(key, 0) - round["reporting"]["minor_units"]
        for distribution in company["distributions"]:
            key = (company["slug"], distribution["date"], distribution["kind"])
            flows[key] = flows.get(key, 0) + distribution["reporting"]["minor_units"]
        exit = company.get("exit")
        if exit and exit.get("proceeds_reporting"):
            flows[(company["slug"], exit["date"], "exit")] = exit["proceeds_reporting"]["minor_units"]
        if not exit and company["unrealised"]["minor_units"] > 0:
            flows[(company["slug"], portfolio["as_of"], "value")] = company["unrealised"]["minor_units"]
    return flows


def amounts(portfolio):
    """Each CSV's amounts by row, as numbers, from portfolio.json."""
    def number(amount):
        return None if amount is None else amount["minor_units"] / 100

    companies, rounds = {}, {}
    for company in portfolio["companies"]:
        investment = company.get("investment")
        companies[company["slug"]] = {
            "investment_amount": number(investment and investment.get("amount")),
            "reporting_amount": number(investment and investment.get("reporting")),
            "disbursed_amount": number(company.get("disbursed")),
            "realised_amount": number(company.get("realised")),
            "valuation_amount": number((company.get("valuation") or {}).get("reporting")),
        }
        for round in company["rounds"]:
            investors = [i["reporting"]["minor_units"] for i in round["co_investors"] if i.get("reporting")]
            rounds[(company["slug"], round.get("date"), round["kind"])] = {
                "amount": number(round["amount"]),
                "reporting_amount": number(round.get("reporting")),
                "co_investment_amount": sum(investors) / 100 if investors else None,
            }
    agreements = {a["slug"]: {"amount": number(a.get("amount"))} for a in portfolio["agreements"]}
    flows = {key: {"reporting_amount": minor / 100} for key, minor in cash_flows(portfolio).items()}

    def value(amount):
        return amount["minor_units"] / 100 if isinstance(amount, dict) else amount
    metrics = {(c["slug"], r["period"], key): {"value": value(amount)}
               for c in portfolio["companies"] for r in c.get("metrics", []) for key, amount in r["values"].items()}
    return {"companies.csv": companies, "investments.csv": rounds, "agreements.csv": agreements, "cash-flows.csv": flows,
            "metrics.csv": metrics}


def check_csv(reports, portfolio, work):
    texts, numbers = expected_rows(portfolio), amounts(portfolio)
    profile = (work / "libreoffice-profile").as_uri()
    for name, columns in COLUMNS.items():
        path = reports / name
        if not path.read_bytes().startswith(b"\xef\xbb\xbf"):
            fail(f"{name}: does not start with a UTF-8 byte order mark")
        for label, options in FILTERS.items():
            out = work / (path.stem + "-" + label.replace(" ", "-").replace(",", ""))
            out.mkdir()
            subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", f"--infilter={options}",
                            "--convert-to", "xlsx", "--outdir", str(out), str(path)],
                           check=True, capture_output=True, timeout=300)
            failed_before = len(failures)
            sheet = openpyxl.load_workbook(out / (path.stem + ".xlsx")).active
            rows = list(sheet.iter_rows())
            header = [cell.value for cell in rows[0]]
            if header != columns:
                fail(f"{name} ({label}): header reads back as {header!r}")
            cells = 0
            for row in rows:
                for cell in row:
                    cells += 1
                    if cell.data_type == "f":
                        fail(f"{name} ({label}): {cell.coordinate} is a formula: {cell.value!r}")
            for row in rows[1:]:
                values = dict(zip(columns, (cell.value for cell in row)))
                slug = row_key(name, values)
                if slug not in texts[name]:
                    fail(f"{name} ({label}): a row for {slug!r}, which portfolio.json does not have")
                for column, original in texts[name].get(slug, {}).items():
                    shown = values.get(column)
                    if original is None:
                        if shown is not None:
                            fail(f"{name} ({label}): {slug} {column} should be empty, reads {shown!r}")
                    elif shown != lines(neutralized(original)):
                        fail(f"{name} ({label}): {slug} {column} reads back as {shown!r}, "
                             f"not {lines(neutralized(original))!r} (written {original!r})")
                for column, amount in numbers[name].get(slug, {}).items():
                    shown = values.get(column)
                    if amount is None:
                        continue
                    if isinstance(shown, bool) or not isinstance(shown, (int, float)) or shown != amount:
                        fail(f"{name} ({label}): {slug} {column} reads back as {shown!r}, not the number {amount}")
            if len(rows) - 1 != len(texts[name]):
                fail(f"{name} ({label}): {len(rows) - 1} rows, not {len(texts[name])}")
            if len(failures) == failed_before:
                print(f"ok   {name} through LibreOffice ({label}): {len(rows) - 1} rows, {cells} cells, no formula")


class Page(html.parser.HTMLParser):
    """The tags, table rows and text of rendered Markdown."""
    ALLOWED = {"h1", "h2", "h3", "p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "code", "strong", "img"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems, self.text, self.rows, self.row, self.in_code = [], [], [], None, 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag not in self.ALLOWED:
            self.problems.append(f"<{tag}> {attributes}")
        if tag == "img" and not (attributes.get("src") or "").startswith("charts/"):
            self.problems.append(f"<img> {attributes}")
        if tag == "tr":
            self.row = 0
        if tag in ("td", "th") and self.row is not None:
            self.row += 1
        if tag == "code":
            self.in_code += 1

    def handle_endtag(self, tag):
        if tag == "tr":
            self.rows.append(self.row)
            self.row = None
        if tag == "table":
            if len(set(self.rows)) > 1:
                self.problems.append(f"table rows with {sorted(set(self.rows))} cells")
            self.rows = []
        if tag == "code":
            self.in_code -= 1

    def handle_data(self, data):
        if not self.in_code:
            self.text.append(data)


def check_xirr(label, reports, work):
    """cash-flows.csv through LibreOffice Calc, with XIRR over its columns computed by Calc itself."""
    portfolio = json.loads((reports / "portfolio.json").read_text())
    expected = portfolio["totals"].get("irr")
    folder = work / ("xirr-" + label)
    folder.mkdir()
    profile = (work / "libreoffice-profile").as_uri()
    soffice = ["soffice", f"-env:UserInstallation={profile}", "--headless"]
    subprocess.run(soffice + [f"--infilter={FILTERS['comma']}", "--convert-to", "xlsx", "--outdir", str(folder),
                              str(reports / "cash-flows.csv")], check=True, capture_output=True, timeout=300)
    book = openpyxl.load_workbook(folder / "cash-flows.xlsx")
    sheet = book.active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    failed_before = len(failures)
    for number, row in enumerate(rows, start=2):
        if not hasattr(row[0], "year"):
            fail(f"{label} cash-flows.csv row {number}: the date {row[0]!r} does not read as a date")
        if not isinstance(row[6], (int, float)) or (row[3] == "disbursement") != (row[6] < 0):
            fail(f"{label} cash-flows.csv row {number}: reporting_amount {row[6]!r} is not a number of the flow's sign")
    # Calc computes the formula when it opens the file again, and writes its value into the CSV.
    sheet["J1"] = f"=XIRR(G2:G{len(rows) + 1},A2:A{len(rows) + 1})"
    book.save(folder / "with-xirr.xlsx")
    subprocess.run(soffice + ["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(folder / "out"),
                              str(folder / "with-xirr.xlsx")], check=True, capture_output=True, timeout=300)
    header = (folder / "out" / "with-xirr.csv").read_text(encoding="utf-8").splitlines()[0]
    computed = float(header.rsplit(",", 1)[1])
    if expected is None or abs(computed - expected) > 0.00005:
        fail(f"{label} cash-flows.csv: Calc's XIRR is {computed}, portfolio.json's IRR {expected}")
    if len(failures) == failed_before:
        print(f"ok   {label} cash-flows.csv through LibreOffice: {len(rows)} flows, dates and signed numbers; "
              f"Calc's XIRR {computed:.6f} is portfolio.json's IRR {expected}")


def check_markdown(label, markdown, names):
    rendered = subprocess.run(["cmark-gfm", "--extension", "table", "--extension", "autolink", "--extension",
                               "strikethrough", "--extension", "tasklist", "--extension", "tagfilter"],
                              input=markdown, capture_output=True, text=True, check=True).stdout
    failed_before = len(failures)
    page = Page()
    page.feed(rendered)
    for problem in page.problems:
        fail(f"{label}: {problem}")
    text = "".join(page.text)
    for pattern, what in ((MENTION, "a mention"), (REFERENCE, "an issue reference")):
        for match in pattern.finditer(text):
            fail(f"{label}: {what} on GitHub: {text[max(0, match.start() - 20):match.end() + 20]!r}")
    readable = html.unescape(text).replace("\u200b", "")
    for name in names:
        written = " ".join(name.split())
        if written not in readable:
            fail(f"{label}: {written!r} does not read as written")
    if len(failures) == failed_before:
        print(f"ok   {label} through cmark-gfm: {len(names)} names read as written; no link, image, emphasis, "
              f"HTML, mention or reference from content")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: lint-reports.py COHORT_BINARY")
    cohort = sys.argv[1]
    for tool in ("soffice", "cmark-gfm"):
        if not shutil.which(tool):
            sys.exit(f"lint-reports needs {tool}: make lint-reports installs it")
    with tempfile.TemporaryDirectory() as folder:
        work = pathlib.Path(folder)
        build = subprocess.run([cohort, "build", "--content", str(FIXTURE), "--output", str(work / "output")],
                               capture_output=True, text=True)
        if build.returncode != 0:
            sys.exit(f"lint-reports: cohort build of {FIXTURE} failed:\n{build.stderr}")
        reports = work / "output" / "reports"
        portfolio = json.loads((reports / "portfolio.json").read_text())
        check_csv(reports, portfolio, work)
        check_xirr("hostile", reports, work)
        lifecycle = subprocess.run([cohort, "report", "--content", str(LIFECYCLE), "--output", str(work / "lifecycle")],
                                   capture_output=True, text=True)
        if lifecycle.returncode != 0:
            sys.exit(f"lint-reports: cohort report of {LIFECYCLE} failed:\n{lifecycle.stderr}")
        check_xirr("lifecycle", work / "lifecycle" / "reports", work)

        summary = (reports / "summary.md").read_text()
        summary_names = [a["title"] for a in portfolio["agreements"]] + [portfolio["programme"]["title"]]
        summary_names += [o["name"] for o in portfolio["organizations"]]
        summary_names += [group["name"] for group in portfolio["breakdowns"]["by_sector"]]
        summary_names += [outcome["name"] for outcome in portfolio["outcomes"]]
        check_markdown("summary.md", summary, summary_names)

        diff = subprocess.run([cohort, "diff", "--content", str(FIXTURE), "--base",
                               str(ROOT / "output" / "reports" / "portfolio.json")],
                              capture_output=True, text=True, check=True).stdout
        diff_names = [c["name"] for c in portfolio["companies"]] + [a["title"] for a in portfolio["agreements"]]
        diff_names += [outcome["name"] for outcome in portfolio["outcomes"]]
        check_markdown("the cohort diff comment", diff, diff_names)
    if failures:
        sys.exit(f"lint-reports: {len(failures)} problems")


if __name__ == "__main__":
    main()
