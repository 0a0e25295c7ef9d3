#!/usr/bin/env bash
# make bench: builds generated corpora of 1,000 and 10,000 companies with the release cohort, several
# times each, and prints wall time, pages per second, peak memory and the time of each stage; then the
# floor (the same Markdown bodies through libcmark alone, on one core) and, where Debian's hugo is
# installed, the same corpus built by Hugo with minimal layouts, timed the same way in the same run;
# then `cohort serve` on the same corpus (Benchmarks/serve.py): edits timed until the page shows them.
# Corpora and outputs go to bench/ (ignored by git). Nothing here is a test: it only measures.
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${BENCH_SIZES:-"1000 10000"}
RUNS=${BENCH_RUNS:-5}
ROOT="$PWD/bench"
mkdir -p "$ROOT"

command -v /usr/bin/time >/dev/null 2>&1 || { echo "bench needs GNU time: apt-get install time" >&2; exit 1; }
swift build -c release --product cohort >&2
COHORT="$(swift build -c release --show-bin-path)/cohort"

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Runs "$@" with GNU time; appends "seconds peak_kib" to $RESULT and keeps stderr in $LOG.
timed() {
    /usr/bin/time -f "%e %M" -o "$ROOT/time.txt" "$@" 2> "$LOG" >/dev/null
    cat "$ROOT/time.txt" >> "$RESULT"
}

hugo_site() {
    local dir=$1
    mkdir -p "$dir/layouts/_default"
    cat > "$dir/config.toml" <<'TOML'
baseURL = "https://bench.example.org/"
title = "Benchmark Programme"
contentDir = "../content"
disableKinds = ["taxonomy", "term"]
TOML
    cat > "$dir/layouts/_default/baseof.html" <<'HTML'
<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}</body></html>
HTML
    cat > "$dir/layouts/_default/single.html" <<'HTML'
{{ define "main" }}<article><h1>{{ .Title }}</h1><dl>{{ range $key, $value := .Params }}<dt>{{ $key }}</dt><dd>{{ $value }}</dd>{{ end }}</dl>{{ .Content }}</article>{{ end }}
HTML
    cat > "$dir/layouts/_default/list.html" <<'HTML'
{{ define "main" }}<h1>{{ .Title }}</h1><dl>{{ range $key, $value := .Params }}<dt>{{ $key }}</dt><dd>{{ $value }}</dd>{{ end }}</dl>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
HTML
}

echo "# Cohort benchmark: $(nproc) cores, $(date -u +%Y-%m-%d), $RUNS runs per figure (medians)"
echo
for size in $SIZES; do
    dir="$ROOT/$size"
    rm -rf "$dir" && mkdir -p "$dir"
    "$COHORT" corpus --companies "$size" --output "$dir/content" 2>/dev/null
    echo "## $size companies"
    echo

    # Full builds from an empty output folder, as Hugo's below.
    RESULT="$dir/fresh.txt"; LOG="$dir/fresh.log"; : > "$RESULT"
    for _ in $(seq "$RUNS"); do
        rm -rf "$dir/output"
        (cd "$dir" && timed "$COHORT" build --templates "$PWD/../../templates" --timings)
        cp "$LOG" "$dir/fresh-$(wc -l < "$RESULT").log"
    done
    pages=$(grep -o 'wrote [0-9]* files to output/site' "$LOG" | awk '{ print $2 }')
    fresh=$(awk '{ print $1 }' "$RESULT" | median)
    fresh_mem=$(awk '{ print $2 }' "$RESULT" | sort -n | tail -1)

    # Rebuilds over the previous output, the usual case while editing.
    RESULT="$dir/rebuild.txt"; LOG="$dir/rebuild.log"; : > "$RESULT"
    for _ in $(seq "$RUNS"); do (cd "$dir" && timed "$COHORT" build --templates "$PWD/../../templates" --timings); done
    rebuild=$(awk '{ print $1 }' "$RESULT" | median)

    # The floor: libcmark alone over the same bodies, one core, in the same binary.
    floor=$(for _ in $(seq "$RUNS"); do "$COHORT" floor --content "$dir/content" | awk '{ print $6 }'; done | median)

    echo "| measure | value |"
    echo "| --- | ---: |"
    echo "| files written to the site | $pages |"
    echo "| full build, median wall time | ${fresh} s |"
    echo "| pages per second (full build) | $(awk -v p="$pages" -v t="$fresh" 'BEGIN { printf "%.0f", p / t }') |"
    echo "| peak memory (full build) | $((fresh_mem / 1024)) MiB |"
    echo "| rebuild over the previous output, median | ${rebuild} s |"
    echo "| libcmark floor (one core) | ${floor} s |"
    echo "| full build / floor | $(awk -v a="$fresh" -v b="$floor" 'BEGIN { printf "%.2f", a / b }') |"
    echo
    echo "Stages of the last full build (\`cohort build --timings\`):"
    echo
    echo '```'
    grep -E '^(load|decode|link|report|render|write) ' "$dir/fresh.log"
    echo '```'
    echo

    read -r ready edit template crawl serve_mem < <(python3 Benchmarks/serve.py "$COHORT" "$dir" "$RUNS")
    echo "| preview (\`cohort serve\`) | value |"
    echo "| --- | ---: |"
    echo "| from start to serving | ${ready} ms |"
    echo "| company edit saved → its page served, median | ${edit} ms ($(awk -v a="$edit" -v b="$fresh" 'BEGIN { printf "%.1f", a / (b * 10) }') % of a full build) |"
    echo "| company template saved → a company page served, median | ${template} ms |"
    echo "| every page then fetched once, 4 at a time | ${crawl} s |"
    echo "| peak resident memory | ${serve_mem} MiB |"
    echo

    if command -v hugo >/dev/null 2>&1; then
        hugo_site "$dir/hugo"
        RESULT="$dir/hugo.txt"; LOG="$dir/hugo.log"; : > "$RESULT"
        for _ in $(seq "$RUNS"); do
            rm -rf "$dir/hugo/public"
            timed hugo --quiet --source "$dir/hugo"
        done
        hugo_time=$(awk '{ print $1 }' "$RESULT" | median)
        hugo_mem=$(awk '{ print $2 }' "$RESULT" | sort -n | tail -1)
        echo "| peer: $(hugo version | awk '{ print $1, $2 }') | value |"
        echo "| --- | ---: |"
        echo "| full build, median wall time | ${hugo_time} s |"
        echo "| peak memory | $((hugo_mem / 1024)) MiB |"
        echo "| Cohort / Hugo (full builds) | $(awk -v a="$fresh" -v b="$hugo_time" 'BEGIN { printf "%.2f", a / b }') |"
        echo
    else
        echo "Hugo is not installed (apt-get install hugo): no peer figures."
        echo
    fi
done
