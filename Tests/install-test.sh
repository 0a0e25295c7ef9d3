#!/usr/bin/env bash
# `make install` and `make uninstall` end to end, into temporary prefixes, with the debug build that
# `make test` has just made (CONFIG=debug), so that no release build is needed to test them.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "install test: $*" >&2; exit 1; }

version=$(sed -n 's/.*static let version = "\(.*\)".*/\1/p' Sources/CohortKit/Release.swift)
[ -n "$version" ] || fail "no version in Sources/CohortKit/Release.swift"

make --no-print-directory install PREFIX="$tmp/p" CONFIG=debug >/dev/null
[ "$("$tmp/p/bin/cohort" --version)" = "$version" ] || fail "cohort --version does not print $version"
for file in share/bash-completion/completions/cohort share/zsh/site-functions/_cohort share/fish/vendor_completions.d/cohort.fish; do
    grep -q "init" "$tmp/p/$file" || fail "$file is missing or does not complete cohort's subcommands"
done
bash -n "$tmp/p/share/bash-completion/completions/cohort" || fail "the bash completion script does not parse"

make --no-print-directory install DESTDIR="$tmp/stage" PREFIX=/usr CONFIG=debug >/dev/null
[ -x "$tmp/stage/usr/bin/cohort" ] || fail "DESTDIR is not honoured"

make --no-print-directory uninstall PREFIX="$tmp/p" >/dev/null
left=$(find "$tmp/p" -type f)
[ -z "$left" ] || fail "make uninstall left $left"
echo "install test: make install and uninstall work (cohort $version, bash, zsh and fish completions)"
