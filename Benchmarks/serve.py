#!/usr/bin/env python3
"""make bench, cohort serve: how long from saving a file to the rebuilt page being served.

usage: serve.py COHORT DIR RUNS   (DIR holds content/ from `cohort corpus`)

Starts `cohort serve` on a free port in DIR, then RUNS times: edits one company's body and times until
its page shows the edit; RUNS times: renames the company in its front matter (and moves it to another
sector), which changes the lists and filter pages it is on, and times until its page shows the new name;
RUNS times: writes a company template (which every company page uses) and times
until a company page shows it; then asks for every page of the site, four at a time, as a link checker
would. Prints one line: ms until serving, median company-edit ms, median front-matter-edit ms, median
template-edit ms, seconds to
fetch every page, peak resident MiB. Only measures; nothing here is a test.
"""
import concurrent.futures, os, re, shutil, statistics, subprocess, sys, time, urllib.request

cohort, directory, runs = sys.argv[1], os.path.abspath(sys.argv[2]), int(sys.argv[3])
templates = os.path.join(directory, "serve-templates")
shutil.rmtree(templates, ignore_errors=True)
os.makedirs(templates)
server = subprocess.Popen([cohort, "serve", "--port", "0", "--templates", templates], cwd=directory,
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
path = original = None
try:
    built = port = None
    deadline = time.time() + 600
    while port is None and time.time() < deadline:
        line = server.stdout.readline()
        match = re.search(r"Read the content in (\d+) ms", line)
        if match:
            built = int(match.group(1))
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if match:
            port = int(match.group(1))
    companies = sorted(os.listdir(os.path.join(directory, "content", "companies")))
    slug = companies[len(companies) // 2][:-3]
    path = os.path.join(directory, "content", "companies", slug + ".md")
    original = open(path, encoding="utf-8").read()

    def wait_for(url, marker):
        start = time.time()
        while time.time() - start < 120:
            try:
                if marker in urllib.request.urlopen(url, timeout=60).read().decode("utf-8"):
                    return
            except OSError:
                pass
            time.sleep(0.002)
        raise SystemExit(f"{url} never showed {marker}")

    page = f"http://127.0.0.1:{port}/companies/{slug}.html"
    edits = []
    for run in range(runs):
        marker = f"Edited in run {run} of the benchmark"
        start = time.time()
        with open(path, "w", encoding="utf-8") as file:
            file.write(original + f"\n{marker}\n")
        wait_for(page, marker)
        edits.append((time.time() - start) * 1000)
    name = re.search(r"^name: (.*)$", original, re.M).group(1)
    front_matter_edits = []
    for run in range(runs):
        marker = f"{name} renamed in run {run}"
        edited = original.replace(f"name: {name}\n", f"name: {marker}\n", 1)
        edited = re.sub(r"^sector: .*$", f"sector: Benchmark sector {run}", edited, count=1, flags=re.M)
        start = time.time()
        with open(path, "w", encoding="utf-8") as file:
            file.write(edited)
        wait_for(page, marker)
        front_matter_edits.append((time.time() - start) * 1000)
    subprocess.run([cohort, "theme", "eject", "company.mustache", "--to", templates + "-source"],
                              capture_output=True, text=True)
    company_template = open(os.path.join(templates + "-source", "company.mustache"), encoding="utf-8").read()
    shutil.rmtree(templates + "-source")
    template_edits = []
    for run in range(runs):
        marker = f"<!-- template run {run} -->"
        start = time.time()
        with open(os.path.join(templates, "company.mustache"), "w", encoding="utf-8") as file:
            file.write(company_template.replace("{{/company}}", marker + "\n{{/company}}"))
        wait_for(page, marker)
        template_edits.append((time.time() - start) * 1000)
    sitemap = urllib.request.urlopen(f"http://127.0.0.1:{port}/sitemap.xml").read().decode("utf-8")
    addresses = [f"http://127.0.0.1:{port}/" + loc.split("/", 3)[3] for loc in re.findall(r"<loc>([^<]*)</loc>", sitemap)]
    start = time.time()
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        list(pool.map(lambda address: urllib.request.urlopen(address, timeout=120).read(), addresses))
    crawl = time.time() - start
    peak = 0
    with open(f"/proc/{server.pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                peak = int(line.split()[1]) // 1024
    print(built, round(statistics.median(edits)), round(statistics.median(front_matter_edits)), round(statistics.median(template_edits)), round(crawl, 1), peak)
finally:
    # The edited company is put back however the run ends, so a failed run leaves the corpus as it was.
    if path is not None and original is not None:
        with open(path, "w", encoding="utf-8") as file:
            file.write(original)
    server.terminate()
    server.wait()
    shutil.rmtree(templates, ignore_errors=True)
