#!/usr/bin/env python3
"""make lint-hosting: the example served by a real web server under a sub-path, as README.md advises.

usage: lint-hosting.py COHORT

Copies the repository's example (content/), sets its base_url to https://harbin-israel.example.org/harbin/
and gives ROTEC two aliases (companies/rotec-water-old.html and old/rotec/), builds it with the given
cohort binary, and serves it with nginx (Debian's package) on 127.0.0.1, from a configuration under a
temporary folder, with README.md's advice for nginx (Publishing): the site at /harbin/, error_page 404
/harbin/404.html, the headers of `_headers` with add_header, and a `location = OLD { return 301 NEW; }`
for every line of the built site's `_redirects`. A second server of the same nginx serves the same folder
without the redirects, as a host that reads no `_redirects` does (GitHub Pages): there the alias pages
answer. nginx is started on free ports, waited for (10 s at most) and always stopped by its process id.
Then, over HTTP:
- /harbin/ and a company's page are 200 HTML, and the stylesheet the home page links is text/css;
- the home page, a company's page, the stylesheet and the script get the headers `_headers` gives them
  (the Content-Security-Policy, and the Cache-Control of fingerprinted and other files);
- a missing page two folders down (/harbin/companies/nope/deeper.html) is a 404 whose body is 404.html,
  and the stylesheet it links, resolved against the address asked for, loads (200, text/css);
- every old address of `_redirects` is a 301 to its new one; on the server without redirects each is
  the alias page, with its refresh to the page, as on disk;
- LinkChecker crawls the site from the home page and from every old address (0 broken links), and the
  alias pages on the server without redirects, with the links they hold.
Prints one line per check that passed; exits 1 with what failed.
"""
import html.parser
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request

from host_rules import header_rules, headers_for

REPOSITORY = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BASE_URL = "https://harbin-israel.example.org/harbin/"
PREFIX = "/harbin/"
ALIASES = ["companies/rotec-water-old.html", "old/rotec/"]
# Characters an address of _redirects may hold to be written into nginx's configuration as it is.
SAFE_PATH = re.compile(r"^/[A-Za-z0-9._~%/!&'()*+,=:@-]*$")


def fail(message):
    sys.exit(f"lint-hosting: {message}")


def passed(message):
    print(f"lint-hosting: {message}")


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *arguments):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def get(url):
    """The status, the headers and the body of a GET of url, redirects not followed."""
    try:
        with OPENER.open(url, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def media_type(headers):
    return (headers.get("Content-Type") or "").split(";")[0].strip().lower()


class Stylesheets(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attributes):
        attributes = dict(attributes)
        if tag == "link" and "stylesheet" in (attributes.get("rel") or "").split() and attributes.get("href"):
            self.hrefs.append(attributes["href"])


def stylesheets(body):
    parser = Stylesheets()
    parser.feed(body.decode("utf-8"))
    return parser.hrefs


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def nginx_configuration(folder, www, port, plain_port, redirects, csp, svg_csp):
    """README.md's advice for nginx (Publishing), for the site in www/harbin, with every path nginx writes
    in folder: a server on port with the redirects of _redirects, and one on plain_port without them."""
    temporary = "\n".join(f"    {name}_temp_path {folder}/{name};" for name in ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"])
    site_location = f"""
        location {PREFIX} {{
            root {www};
            error_page 404 {PREFIX}404.html;
            add_header Cache-Control $cohort_cache always;
            add_header X-Content-Type-Options nosniff always;
            add_header Referrer-Policy strict-origin-when-cross-origin always;
            add_header Content-Security-Policy "{csp}" always;
            add_header LinkChecker allow always;
            # SVG files: drawn, never run (a location's add_header lines replace those above it).
            location ~* \\.svg$ {{
                add_header Cache-Control "no-cache" always;
                add_header X-Content-Type-Options nosniff always;
                add_header Referrer-Policy strict-origin-when-cross-origin always;
                add_header Content-Security-Policy "{csp}" always;
                add_header Content-Security-Policy "{svg_csp}" always;
                add_header LinkChecker allow always;
            }}
        }}"""
    redirect_locations = "\n".join(f"        location = {old} {{ return 301 {new}; }}" for old, new in redirects)
    # Run as root (as here), nginx's workers would be nobody, who cannot read the temporary folder.
    user = "user root;\n" if os.geteuid() == 0 else ""
    return f"""{user}worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log warn;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log {folder}/access.log;
{temporary}
    # The stylesheet and scripts, named for their bytes, kept for a year; the rest revalidated.
    map $uri $cohort_cache {{ "~\\.[0-9a-f]{{8}}\\.(css|js)$" "public, max-age=31536000, immutable"; default "no-cache"; }}
    # LinkChecker waits between two requests to a server unless the server sends this header.
    add_header LinkChecker allow always;
    server {{
        listen 127.0.0.1:{port};{site_location}
        # One line per line of _redirects:
{redirect_locations}
    }}
    # A host that reads no _redirects (GitHub Pages): the alias pages answer.
    server {{
        listen 127.0.0.1:{plain_port};{site_location}
    }}
}}
"""


def wait_for(process, ports, log):
    """Waits, 10 s at most, until nginx accepts connections on every port."""
    deadline = time.monotonic() + 10
    waiting = set(ports)
    while waiting:
        if process.poll() is not None:
            fail(f"nginx stopped with status {process.returncode} before it served:\n{read(log)}")
        if time.monotonic() > deadline:
            fail(f"nginx does not accept connections on 127.0.0.1:{', '.join(map(str, sorted(waiting)))} after 10 s:\n{read(log)}")
        for port in list(waiting):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                waiting.discard(port)
            except OSError:
                pass
        if waiting:
            time.sleep(0.1)


def stop(process):
    """Stops nginx by its process id: SIGTERM (a fast shutdown, workers included), SIGKILL to its process
    group after 10 s."""
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def read(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as file:
            return file.read()
    except OSError:
        return ""


def crawl(folder, port, urls, recursion=None):
    """LinkChecker from urls, as lint-site runs it: only 127.0.0.1:port is fetched. The number of addresses
    checked, or exits with its report when a link is broken."""
    arguments = [sys.executable, "-m", "linkcheck", "--config", os.path.join(folder, "linkcheckerrc"), "--no-status",
                 "--no-warnings", "--check-extern", "--ignore-url", f"^(?!http://127\\.0\\.0\\.1:{port}/)"]
    if recursion is not None:
        arguments += ["--recursion-level", str(recursion)]
    result = subprocess.run(arguments + urls, capture_output=True, text=True, timeout=600)
    checked = re.search(r"(\d+) links? in (\d+) URLs? checked", result.stdout)
    if result.returncode != 0 or not checked:
        report = result.stdout[result.stdout.find("Start checking"):] if "Start checking" in result.stdout else result.stdout + result.stderr
        fail(f"LinkChecker found broken links from {' '.join(urls)}:\n{report}")
    return int(checked.group(2))


def prepare(cohort, work):
    """The example, for base_url BASE_URL and with ROTEC's aliases, built in work/output/site."""
    content = os.path.join(work, "content")
    shutil.copytree(os.path.join(REPOSITORY, "content"), content)
    programme = os.path.join(content, "programme.yml")
    text, count = re.subn(r'(?m)^base_url: .*$', f'base_url: "{BASE_URL}"', read(programme))
    if count != 1:
        fail(f"content/programme.yml has {count} base_url lines, not one")
    with open(programme, "w", encoding="utf-8") as file:
        file.write(text)
    rotec = os.path.join(content, "companies", "rotec.md")
    text = read(rotec)
    if not text.startswith("---\n") or "\naliases:" in text.split("\n---\n")[0]:
        fail("content/companies/rotec.md does not start with front matter without aliases")
    with open(rotec, "w", encoding="utf-8") as file:
        file.write(f"---\naliases: [{', '.join(ALIASES)}]\n" + text[len("---\n"):])
    build = subprocess.run([cohort, "build", "--content", content, "--output", os.path.join(work, "output")],
                           capture_output=True, text=True)
    if build.returncode != 0:
        fail(f"cohort build of the example under {PREFIX} failed:\n{build.stdout}{build.stderr}")
    return os.path.join(work, "output", "site")


def main():
    cohort = os.path.abspath(sys.argv[1])
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.access(nginx, os.X_OK):
        fail("nginx is missing: install Debian's nginx package (make lint-hosting does)")
    if not os.path.isfile("/etc/nginx/mime.types"):
        fail("/etc/nginx/mime.types is missing (Debian's nginx-common has it)")
    work = tempfile.mkdtemp(prefix="cohort-hosting-")
    try:
        start = time.time()
        site = prepare(cohort, work)
        passed(f"built the example for {BASE_URL} with ROTEC's aliases {', '.join(ALIASES)} ({time.time() - start:.1f} s)")

        redirects = []
        for line in read(os.path.join(site, "_redirects")).splitlines():
            if line.strip() and not line.startswith("#"):
                old, new, status = line.split()
                if status != "301" or not SAFE_PATH.match(old) or not SAFE_PATH.match(new):
                    fail(f"_redirects: a line nginx's configuration cannot take as it is: {line}")
                redirects.append((old, new))
        old_rotec = f"{PREFIX}companies/rotec-water-old.html"
        if (old_rotec, f"{PREFIX}companies/rotec.html") not in redirects:
            fail(f"_redirects has no line {old_rotec} {PREFIX}companies/rotec.html 301:\n{read(os.path.join(site, '_redirects'))}")
        rules = header_rules(site)
        csp = headers_for(rules, PREFIX).get("Content-Security-Policy")
        svg_csp = next((value for pattern, values in rules for name, value in values
                        if pattern == f"{PREFIX}reports/charts/*" and name == "Content-Security-Policy"), None)
        if not csp or '"' in csp or not svg_csp or '"' in svg_csp:
            fail(f"_headers gives {PREFIX} and {PREFIX}reports/charts/* no Content-Security-Policy nginx can take: {csp!r}, {svg_csp!r}")

        www = os.path.join(work, "www")
        os.makedirs(www)
        os.symlink(site, os.path.join(www, PREFIX.strip("/")))
        server = os.path.join(work, "nginx")
        os.makedirs(os.path.join(server, "logs"))  # nginx -p wants it, even with every log elsewhere
        port, plain_port = free_port(), free_port()
        while plain_port == port:
            plain_port = free_port()
        configuration = os.path.join(server, "nginx.conf")
        with open(configuration, "w", encoding="utf-8") as file:
            file.write(nginx_configuration(server, www, port, plain_port, redirects, csp, svg_csp))
        with open(os.path.join(work, "linkcheckerrc"), "w", encoding="utf-8") as file:
            file.write("[checking]\nmaxrequestspersecond=1000\n")
        log = os.path.join(server, "error.log")
        with open(os.path.join(server, "nginx.out"), "w") as output:
            process = subprocess.Popen([nginx, "-p", server, "-c", configuration, "-e", log, "-g", "daemon off;"],
                                       stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            wait_for(process, [port, plain_port], log)
            version = subprocess.run([nginx, "-v"], capture_output=True, text=True).stderr.strip().split("/")[-1]
            passed(f"nginx {version} (process {process.pid}) serves the site at http://127.0.0.1:{port}{PREFIX} with "
                   f"{len(redirects)} redirects of _redirects, and without them at http://127.0.0.1:{plain_port}{PREFIX}")
            check(site, rules, redirects, port, plain_port)
            start = time.time()
            crawled = crawl(work, port, [f"http://127.0.0.1:{port}{PREFIX}"] + [f"http://127.0.0.1:{port}{old}" for old, _ in redirects])
            # The alias pages, where no redirect is read: each page and the links it holds (its refresh).
            crawled_aliases = crawl(work, plain_port, [f"http://127.0.0.1:{plain_port}{old}" for old, _ in redirects], recursion=1)
            passed(f"LinkChecker: {crawled} addresses from the home page and the {len(redirects)} old addresses, and "
                   f"{crawled_aliases} from the alias pages served as pages: 0 broken links ({time.time() - start:.1f} s)")
        finally:
            stop(process)
        passed(f"nginx (process {process.pid}) stopped")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def check(site, rules, redirects, port, plain_port):
    root = f"http://127.0.0.1:{port}"
    home_url = root + PREFIX
    status, headers, home = get(home_url)
    if status != 200 or media_type(headers) != "text/html":
        fail(f"GET {PREFIX}: {status} {media_type(headers)}, not 200 text/html")
    company = f"{PREFIX}companies/rotec.html"
    status, headers, body = get(root + company)
    if status != 200 or media_type(headers) != "text/html" or b"ROTEC" not in body:
        fail(f"GET {company}: {status} {media_type(headers)}, not 200 text/html with ROTEC's page")
    passed(f"GET {PREFIX} and {company}: 200 text/html")

    sheets = stylesheets(home)
    if not sheets or not re.search(r"assets/style\.[0-9a-f]{8}\.css$", sheets[0]):
        fail(f"the home page links no assets/style.<checksum>.css: {sheets}")
    style_url = urllib.parse.urljoin(home_url, sheets[0])
    status, headers, _ = get(style_url)
    if status != 200 or media_type(headers) != "text/css":
        fail(f"GET {style_url} (the home page's stylesheet): {status} {media_type(headers)}, not 200 text/css")
    passed(f"the home page's stylesheet {urllib.parse.urlsplit(style_url).path}: 200 text/css")

    script = next((f"{PREFIX}assets/{name}" for name in sorted(os.listdir(os.path.join(site, "assets"))) if name.endswith(".js")), None)
    chart = f"{PREFIX}reports/charts/pool.svg"
    for path in [PREFIX, company, urllib.parse.urlsplit(style_url).path, chart] + ([script] if script else []):
        status, headers, _ = get(root + path)
        for name, value in headers_for(rules, path).items():
            # A header given twice (the SVG files' two policies, both enforced) as _headers hosts join it.
            given = ", ".join(headers.get_all(name) or [])
            if given != value:
                fail(f"GET {path}: {name}: {given!r}, not {value!r} as _headers says")
    policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', home.decode("utf-8"))
    if not policy or "script-src &#39;self&#39;" not in policy.group(1):
        fail(f"GET {PREFIX}: the page carries no Content-Security-Policy in a <meta> element")
    passed(f"{PREFIX}, a company's page, the stylesheet, a chart and the script get the headers of _headers "
           f"(Content-Security-Policy, the SVG files' too, X-Content-Type-Options, Referrer-Policy, Cache-Control); "
           f"the pages carry their own policy in a <meta> element")

    missing = f"{PREFIX}companies/nope/deeper.html"
    status, headers, body = get(root + missing)
    with open(os.path.join(site, "404.html"), "rb") as file:
        not_found = file.read()
    if status != 404 or body != not_found:
        fail(f"GET {missing}: {status}, {'the 404 page' if body == not_found else 'not the 404 page'}; not 404 with 404.html")
    sheets = stylesheets(body)
    if not sheets:
        fail(f"the 404 page links no stylesheet")
    style_url = urllib.parse.urljoin(root + missing, sheets[0])
    status, headers, _ = get(style_url)
    if status != 200 or media_type(headers) != "text/css":
        fail(f"the 404 page at {missing} links {sheets[0]}, that is {style_url}: {status} {media_type(headers)}, not 200 text/css")
    passed(f"GET {missing}: 404 with the 404 page, whose stylesheet {sheets[0]} loads from there (200 text/css)")

    for old, new in redirects:
        status, headers, _ = get(root + old)
        location = headers.get("Location") or ""
        if status != 301 or not location.endswith(new):
            fail(f"GET {old}: {status} to {location!r}, not 301 to {new}")
    passed(f"{len(redirects)} old addresses of _redirects: 301 to their page ({PREFIX}companies/rotec-water-old.html "
           f"to {PREFIX}companies/rotec.html among them)")

    refreshes = 0
    for old, new in redirects:
        file_path = os.path.join(site, old[len(PREFIX):] + ("index.html" if old.endswith("/") else ""))
        with open(file_path, "rb") as file:
            page = file.read()
        target = urllib.parse.urljoin(old, (re.search(rb'<meta http-equiv="refresh" content="0; url=([^"]+)">', page) or [b"", b""])[1].decode())
        if target != new:
            fail(f"{os.path.relpath(file_path, site)}: its refresh leads to {target!r}, not {new}")
        status, _, body = get(f"http://127.0.0.1:{plain_port}{old}")
        if status != 200 or body != page:
            fail(f"GET {old} where no redirect is read: {status}, not 200 with the alias page {os.path.relpath(file_path, site)}")
        refreshes += 1
    passed(f"{refreshes} alias pages on disk refresh to their page, and answer (200) where _redirects is not read")


if __name__ == "__main__":
    main()
