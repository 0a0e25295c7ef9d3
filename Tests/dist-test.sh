#!/bin/bash
# make dist-test: `make dist` as a user of the release meets it. Runs the packaging twice and checks:
# the checksums; that the binary depends on nothing beyond the C runtime (no libcmark, libcurl, Swift,
# ICU or XML library); its size; that it starts a programme and builds it from an empty environment;
# the .deb's control fields and contents, and that it installs and uninstalls with dpkg (as root);
# that it writes what the debug build writes; that the starter workflow installs it; and that a
# second run gives the same tarball and .deb, byte for byte. With DIST_FROM_NOTHING=1 (the release
# workflow) the second run compiles everything again from nothing; in make test it reuses what the
# first compiled and checks the linking, stripping and packaging, which takes seconds, not minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# Hugo's binary is 91 MiB; Cohort's is about 49 MiB, 18 of them ICU's data.
MAX_MIB=${MAX_MIB:-60}
fail() { echo "dist-test: $*" >&2; exit 1; }
version=$(sed -n 's/.*static let version = "\(.*\)".*/\1/p' Sources/CohortKit/Release.swift)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Reproducible: a second run gives the same bytes; from nothing (its build folder removed, so that it
# compiles everything again) with DIST_FROM_NOTHING=1. (In another folder, they differ where the length
# of its path is compiled in: see Packaging/dist.sh.)
DIST="$work/first" bash Packaging/dist.sh >/dev/null
if [ "${DIST_FROM_NOTHING:-0}" = 1 ]; then
    rm -rf "${SCRATCH:-.build/dist}"
    again="a second run from nothing"
else
    again="a second run (DIST_FROM_NOTHING=1 compiles it again from nothing)"
fi
DIST="$work/second" bash Packaging/dist.sh >/dev/null
cd "$work/first"
sha256sum --quiet -c SHA256SUMS || fail "SHA256SUMS does not match the files"
tarball=$(ls cohort-*-linux-*.tar.gz)
deb=$(ls cohort_*.deb)
if ! cmp -s "$tarball" "../second/$tarball"; then
    mkdir ../one ../two && tar -xzf "$tarball" -C ../one && tar -xzf "../second/$tarball" -C ../two
    diff <(tar -tvzf "$tarball") <(tar -tvzf "../second/$tarball") >&2 || true
    diff -r ../one ../two >&2 || true
    fail "$again gave different bytes for $tarball (above: what differs)"
fi
cmp -s "$deb" "../second/$deb" || fail "$again gave different bytes for $deb"
echo "dist-test: $tarball and $deb, the same bytes from $again, checksums right"

mkdir "$work/unpacked"
tar -xzf "$tarball" -C "$work/unpacked"
binary=$(ls "$work"/unpacked/*/bin/cohort)
unpacked=$(dirname "$(dirname "$binary")")
for file in README THIRD-PARTY-LICENSES man/cohort.1 completions/cohort.bash completions/_cohort completions/cohort.fish; do
    [ -s "$unpacked/$file" ] || fail "the tarball has no $file"
done
# The oldest glibc it runs with, which the README and the .deb's Depends must name.
glibc=$(objdump -T "$binary" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1)
grep -q "glibc $glibc or newer" "$unpacked/README" || fail "the tarball's README does not name glibc $glibc"
libraries=$(ldd "$binary" | awk '{ print $1 }' | sed 's|.*/||' | sort)
unexpected=$(echo "$libraries" | grep -vE '^(linux-vdso\.so\.1|ld-linux-[a-z0-9_-]+\.so\.[0-9]+|libc\.so\.6|libm\.so\.6|libstdc\+\+\.so\.6|libgcc_s\.so\.1|libpthread\.so\.0|libdl\.so\.2|librt\.so\.1)$' || true)
[ -z "$unexpected" ] || fail "the binary needs more than the C runtime: $(echo $unexpected)"
size=$(stat -c %s "$binary")
mib=$(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1048576 }')
awk -v s="$size" -v m="$MAX_MIB" 'BEGIN { exit !(s <= m * 1048576) }' || fail "the binary is $mib MiB, over $MAX_MIB MiB"
echo "dist-test: bin/cohort needs only $(echo $libraries | tr ' ' ',') (glibc $glibc or newer), $mib MiB"

# From an empty environment: no HOME, no locale, no Swift.
(cd "$work" && env -i PATH=/usr/bin:/bin "$binary" init programme --title "Dist test" >/dev/null) || fail "init failed"
(cd "$work/programme" && env -i PATH=/usr/bin:/bin "$binary" build --no-search >/dev/null 2>"$work/build.log") \
    || { cat "$work/build.log" >&2; fail "build failed"; }
[ -f "$work/programme/output/site/index.html" ] || fail "the build wrote no site"
(cd "$work/programme" && env -i PATH=/usr/bin:/bin "$binary" schema --check) || fail "the schemas init wrote are stale"
echo "dist-test: init, build and schema --check from an empty environment"

# The release binary (optimised, with less of ICU's data) writes what the debug build the tests run
# writes: the example, the fixtures in three languages (the combination one with sectors whose addresses
# fold accents and checksum other scripts), and a generated programme.
(
    cd "$root"
    # make test names the debug binary it built (COHORT_DEBUG), which `swift test` may be running beside.
    debug=${COHORT_DEBUG:-}
    if [ -z "$debug" ]; then
        ${SWIFT:-swift} build --product cohort >/dev/null
        debug="$(${SWIFT:-swift} build --show-bin-path)/cohort"
    fi
    [ -x "$debug" ] || fail "no debug binary at $debug"
    "$debug" corpus --companies 200 --output "$work/corpus" >/dev/null 2>&1 || fail "cohort corpus failed"
    for content in content Tests/Fixtures/hostile-programme Tests/Fixtures/lifecycle-programme Tests/Fixtures/combination-programme "$work/corpus"; do
        name=$(basename "$content")
        mkdir -p "$work/debug/$name" "$work/release/$name"
        # The two builds side by side: neither keeps both cores busy all the time.
        status=0 release_status=0
        "$debug" build --content "$content" --output "$work/debug/$name" --no-search >/dev/null 2>"$work/debug/$name.log" &
        debug_build=$!
        "$binary" build --content "$content" --output "$work/release/$name" --no-search \
            >/dev/null 2>"$work/release/$name.log" || release_status=$?
        wait "$debug_build" || status=$?
        [ -f "$work/debug/$name/site/index.html" ] || fail "the debug build of $content wrote no site"
        [ "$status" = "$release_status" ] || fail "building $content: the debug build exits $status, the release binary $release_status"
        # The messages, but for the output folder they name.
        { diff <(sed "s|$work/debug/|OUTPUT/|" "$work/debug/$name.log") <(sed "s|$work/release/|OUTPUT/|" "$work/release/$name.log") \
            && diff -r "$work/debug/$name" "$work/release/$name"; } >&2 || fail "the release binary's build of $content differs from the debug build's"
    done
)
echo "dist-test: the example, the fixtures and a generated programme: the same sites and reports as the debug build"

# The workflow cohort init writes installs this release: its install step, run against a local copy of
# the release's download folder, checks the tarball's SHA-256 and installs the binary; with a wrong
# checksum, it fails and installs nothing.
downloads=$work/server/cohort/releases/download/v$version
mkdir -p "$downloads"
cp "$tarball" SHA256SUMS "$downloads/"
python3 -u -m http.server --bind 127.0.0.1 --directory "$work/server" 0 > "$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
port=""
for _ in $(seq 100); do
    port=$(sed -n 's/.* port \([0-9]*\) .*/\1/p' "$work/server.log")
    [ -n "$port" ] && break
    sleep 0.1
done
[ -n "$port" ] || fail "the local web server did not start: $(cat "$work/server.log")"
step=$(awk '/- name: Install Cohort .* from its release/ { found = 1 }
    found && /^ *run: \|/ { indent = index($0, "run"); reading = 1; next }
    reading { if ($0 !~ /^ *$/ && match($0, /^ */) && RLENGTH < indent) exit; print substr($0, indent + 2) }' \
    "$work/programme/.github/workflows/cohort.yml")
[ -n "$step" ] || fail "the starter workflow has no step that installs Cohort from its release"
install_step() {
    mkdir -p "$1/temp"
    env -i PATH=/usr/bin:/bin HOME="$1" RUNNER_TEMP="$1/temp" COHORT_VERSION="v$version" \
        COHORT_REPOSITORY="http://127.0.0.1:$port/cohort" bash -c "$step" > "$1.log" 2>&1
}
install_step "$work/runner" || { cat "$work/runner.log" >&2; fail "the workflow's install step failed"; }
[ "$("$work/runner/.cohort/bin/cohort" --version)" = "$version" ] || fail "the workflow's install step installed no cohort $version"
sed -i "s/^[0-9a-f]*\(  $tarball\)\$/$(sha256sum < /dev/null | cut -c1-64)\1/" "$downloads/SHA256SUMS"
! install_step "$work/tampered" || fail "the workflow's install step accepted a tarball whose SHA-256 is not in SHA256SUMS"
[ ! -e "$work/tampered/.cohort" ] || fail "the workflow's install step installed a tarball whose SHA-256 is wrong"
echo "dist-test: the starter workflow's install step installs the release, and refuses it with a wrong SHA-256"

info=$(dpkg-deb -I "$deb")
for field in "Package: cohort" "Version: $version" "Architecture: $(dpkg --print-architecture)" "Depends: libc6 (>= $glibc)"; do
    echo "$info" | grep -q "^ $field" || fail "the .deb's control has no '$field'"
done
contents=$(dpkg-deb -c "$deb" | awk '{ print $6 }')
for path in ./usr/bin/cohort ./usr/share/bash-completion/completions/cohort ./usr/share/zsh/vendor-completions/_cohort \
    ./usr/share/fish/vendor_completions.d/cohort.fish ./usr/share/doc/cohort/THIRD-PARTY-LICENSES ./usr/share/man/man1/cohort.1.gz; do
    echo "$contents" | grep -qx "$path" || fail "the .deb has no $path"
done
if [ "$(id -u)" -eq 0 ] && ! dpkg -s cohort >/dev/null 2>&1; then
    dpkg -i "$deb" >/dev/null || fail "dpkg -i failed"
    [ "$(/usr/bin/cohort --version)" = "$version" ] || { dpkg -r cohort >/dev/null; fail "the installed cohort is not $version"; }
    dpkg -r cohort >/dev/null || fail "dpkg -r failed"
    [ ! -e /usr/bin/cohort ] || fail "dpkg -r left /usr/bin/cohort"
    echo "dist-test: the .deb installs and uninstalls with dpkg"
else
    echo "dist-test: not root, or a cohort package is installed: dpkg -i and -r skipped"
fi
