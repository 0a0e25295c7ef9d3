#!/bin/bash
# icu-data.sh RESOURCES FOLDER: the ICU data that make dist links into cohort, written into FOLDER as
# an object file; prints the data's symbol and the object's path ("icudt76_dat FOLDER/icu-data-<hash>.o").
# RESOURCES is the toolchain's usr/lib/swift (its runtimeResourcePath in swift -print-target-info).
#
# The static Foundation carries all of ICU's data, 32 MiB, half the binary. Cohort uses ICU for
# days, numbers and country names in every language, and for case mapping (the locale, region,
# currency, language and time-zone data, the break iterators and the Unicode properties, all kept),
# and never for what these items are for, so they are left out:
#   *.cnv       converters to legacy character sets: Cohort reads and writes UTF-8, and Foundation
#               converts UTF-16, UTF-32, ASCII, Latin-1 and Windows-1252 without ICU;
#   coll/       collation, for comparing and sorting by a language's rules: Cohort sorts by code
#               point, the same everywhere;
#   translit/   transliteration (String.applyingTransform);
#   rbnf/       numbers spelled out (NumberFormatter.Style.spellOut);
#   unit/       names of units of measurement (MeasurementFormatter).
# Debian's icupkg writes the smaller package, and refuses if an item kept depends on one left out.
# The linker takes it in place of the toolchain's: --wrap=<symbol> sends ICU's reference to the data
# to __wrap_<symbol>, defined by this object, so the archive's data object is never linked.
# make dist-test checks that the binary writes the same sites and reports as the debug build.
set -euo pipefail
fail() { echo "icu-data: $*" >&2; exit 1; }
[ $# -eq 2 ] || fail "usage: icu-data.sh RESOURCES FOLDER"
resources=$1 folder=$2
command -v icupkg >/dev/null || fail "icupkg is missing (Debian's icu-devtools; make dist-deps installs it)"
archive=$resources/../swift_static/linux/lib_FoundationICU.a
clang=$resources/../../bin/clang
[ -f "$archive" ] || fail "$archive is missing: make dist needs the toolchain's static Foundation"

# The archive's member that holds the data, and its symbol (icudt<version>_dat).
read -r member symbol < <(nm -A --defined-only "$archive" 2>/dev/null \
    | sed -n 's/^[^:]*:\([^:]*\):[0-9a-f]* [RDrd] \(icudt[0-9]*_dat\)$/\1 \2/p' | head -1) || true
[ -n "${symbol:-}" ] || fail "no icudt*_dat symbol in $archive"
package=${symbol%_dat}l

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && ar x "$archive" "$member")
# The member holds the data alone, as its .rodata.
read -r address size < <(nm -S "$work/$member" | awk -v s="$symbol" '$4 == s { print $1, $2 }') || true
section=$(objdump -h "$work/$member" | awk '$2 == ".rodata" { print $3 }')
[ -n "${size:-}" ] && [ -n "$section" ] && [ $((16#$address)) -eq 0 ] && [ $((16#$size)) -eq $((16#$section)) ] \
    || fail "$member does not hold $symbol alone in its .rodata"
objcopy -O binary --only-section=.rodata "$work/$member" "$work/whole.dat"

python3 "$(dirname "$0")/icu-items.py" "$work/whole.dat" "$package" "$work/items" > "$work/all"
grep -vE '\.cnv$|^(coll|translit|rbnf|unit)/' "$work/all" > "$work/kept.txt"
mkdir -p "$work/package"
icupkg --type l --copyright --sourcedir "$work/items" --add "$work/kept.txt" new "$work/package/$package.dat" >&2 \
    || fail "icupkg refused the package (an item kept depends on one left out?)"

mkdir -p "$folder"
hash=$(sha256sum "$work/package/$package.dat" | cut -c1-16)
object=$(cd "$folder" && pwd)/icu-data-$hash.o
if [ ! -f "$object" ]; then
    cat > "$work/data.S" <<EOF
    .section .rodata.cohort_icu_data,"a"
    .globl __wrap_$symbol
    .type __wrap_$symbol, %object
    .balign 16
__wrap_$symbol:
    .incbin "$work/package/$package.dat"
    .size __wrap_$symbol, . - __wrap_$symbol
    .section .note.GNU-stack,"",%progbits
EOF
    "$clang" -c "$work/data.S" -o "$work/data.o"
    mv "$work/data.o" "$object"
fi
mib() { awk -v s="$(stat -c %s "$1")" 'BEGIN { printf "%.1f MiB", s / 1048576 }'; }
echo "icu-data: $(wc -l < "$work/kept.txt") of $(wc -l < "$work/all") items of $package, $(mib "$work/package/$package.dat") of $(mib "$work/whole.dat")" >&2
echo "$symbol $object"
