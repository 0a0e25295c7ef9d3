#!/bin/bash
# make dist: the release of this version of Cohort for this machine's Linux architecture, in dist/:
#
#   cohort-<version>-linux-<arch>.tar.gz   bin/cohort, man/cohort.1, shell completions, README, licences
#   cohort_<version>_<debarch>.deb         /usr/bin/cohort, its manual page, completions where bash, zsh and fish look
#   SHA256SUMS
#
# The binary needs nothing beyond the C runtime (glibc, libstdc++, libgcc_s): the Swift runtime is
# linked statically, and so are libcmark and the imaging libraries (Debian ships their static
# archives; pkg-config is pointed at them). It carries ICU's data without what Cohort never uses
# (Packaging/icu-data.sh says what), and is stripped. Both archives are reproducible: the binary
# has no build id and no .swift_modhash section (which vary between compilations of the same code), and
# the files are in name order, owned by root, dated SOURCE_DATE_EPOCH (the last commit's date by default).
#
# `bash Packaging/dist.sh compile` only compiles the binary (into SCRATCH, as a full run does).
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
DIST=${DIST:-dist}
SCRATCH=${SCRATCH:-.build/dist}
version=$(sed -n 's/.*static let version = "\(.*\)".*/\1/p' Sources/CohortKit/Release.swift)
arch=$(uname -m)
debarch=$(dpkg --print-architecture 2>/dev/null || echo "$arch")
multiarch=$(gcc -print-multiarch 2>/dev/null || echo "$arch-linux-gnu")
# The toolchain's usr/lib/swift, from the compiler itself (swift may be a swiftly shim): its static
# ICU and clang, its licence.
resources=$($SWIFT -print-target-info | python3 -c 'import json, sys; print(json.load(sys.stdin)["paths"]["runtimeResourcePath"])')
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}

# Static archives of the C libraries, in a folder of their own, and pkg-config files that name only
# that folder: the linker then finds libcmark.a where it would have found libcmark.so.
# (In the scratch folder, so that the same path makes the next build an incremental one.)
static=$(mkdir -p "$SCRATCH" && cd "$SCRATCH" && pwd)/static
mkdir -p "$static/lib" "$static/pkgconfig"
for library in cmark png16 turbojpeg webp expat z; do
    archive=/usr/lib/$multiarch/lib$library.a
    [ -f "$archive" ] || { echo "dist: $archive is missing (make deps installs the -dev packages)" >&2; exit 1; }
    ln -sf "$archive" "$static/lib/"
done
for package in libcmark libpng16; do
    printf 'Name: %s\nDescription: static, for make dist\nVersion: 0\nLibs: -L%s\nCflags:\n' "$package" "$static/lib" \
        > "$static/pkgconfig/$package.pc"
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# ICU's data, smaller, in an object named by its hash (so that a change relinks the binary).
icu=$(bash Packaging/icu-data.sh "$resources" "$SCRATCH/icu")
read -r icu_symbol icu_object <<< "$icu"

echo "dist: building cohort $version for linux-$arch (release, static)"
# No build id: it is a hash of the linked file, which holds the .swift_modhash section below. Paths
# of sources the binary keeps (C's __FILE__, in Yams' asserts) are written relative to this folder.
# The bytes still depend on the length of this folder's path, in five places: swiftc passes the length
# of a source's full path to withoutActuallyEscaping's check (in FlyingFox), and no flag remaps it.
# Releases are built in /__w/cohort/cohort (GitHub's folder for the checkout, in a container).
sources=$(pwd)
PKG_CONFIG_PATH="$static/pkgconfig" $SWIFT build -c release --product cohort --static-swift-stdlib \
    --scratch-path "$SCRATCH" -Xcc "-ffile-prefix-map=$sources=." \
    -Xlinker -lz -Xlinker --build-id=none \
    -Xlinker "--wrap=$icu_symbol" -Xlinker "$icu_object" >&2
binary="$($SWIFT build -c release --scratch-path "$SCRATCH" --show-bin-path)/cohort"
# `dist.sh compile` stops here: make test compiles the release while its other checks run.
[ "${1:-}" != compile ] || exit 0

# The files both archives hold, in a tree of their own.
name=cohort-$version-linux-$arch
root=$work/$name
install -D -m 755 "$binary" "$root/bin/cohort"
# .swift_modhash holds a hash of each object's LLVM IR, for build caches; it is not used at run time, and
# two compilations of the same source can give different hashes for the same code.
strip --remove-section=.swift_modhash "$root/bin/cohort"
mkdir -p "$root/completions"
"$root/bin/cohort" --generate-completion-script bash > "$root/completions/cohort.bash"
"$root/bin/cohort" --generate-completion-script zsh > "$root/completions/_cohort"
"$root/bin/cohort" --generate-completion-script fish > "$root/completions/cohort.fish"
# The oldest glibc the binary runs with: the newest version of a glibc symbol it needs (2.36 when
# built on Debian 12: arc4random_buf).
glibc=$(objdump -T "$root/bin/cohort" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -V | tail -1)
sed "s/@GLIBC@/$glibc/" Packaging/README > "$root/README"
chmod 644 "$root/README"
# The manual page, from the argument parser's description of every command (swift-argument-parser's
# generate-manual plugin, which builds the package in the default scratch folder). The description is
# the same however the tool is compiled, so the plugin builds it for debugging: what `make test` and a
# developer's `swift build` have built already, and a release is not compiled a second time for it.
mkdir -p "$work/man"
$SWIFT package --allow-writing-to-directory "$work/man" generate-manual --configuration debug --output-directory "$work/man" \
    --date "$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d)" >&2
install -D -m 644 "$work/man/cohort.1" "$root/man/cohort.1"
{
    echo "Cohort $version includes the following software, linked into bin/cohort."
    for entry in \
        "libcmark (CommonMark):/usr/share/doc/libcmark0.30.2/copyright" \
        "libpng:/usr/share/doc/libpng16-16/copyright" \
        "libjpeg-turbo:/usr/share/doc/libturbojpeg0/copyright" \
        "libwebp:/usr/share/doc/libwebp7/copyright" \
        "Expat:/usr/share/doc/libexpat1/copyright" \
        "zlib:/usr/share/doc/zlib1g/copyright" \
        "Swift runtime, Foundation and ICU (its data without the converters, collation, transliteration, spelled-out numbers and unit names):$resources/../../share/swift/LICENSE.txt" \
        "Yams:.build/checkouts/Yams/LICENSE" \
        "swift-argument-parser:.build/checkouts/swift-argument-parser/LICENSE.txt" \
        "swift-mustache:Packages/swift-mustache/LICENSE.txt" \
        "FlyingFox:Packages/FlyingFox/LICENSE"; do
        title=${entry%%:*} file=${entry#*:}
        [ -f "$file" ] || file=$SCRATCH/checkouts/${file#.build/checkouts/}
        [ -f "$file" ] || { echo "dist: the licence of $title ($file) is missing" >&2; exit 1; }
        printf '\n==== %s ====\n\n' "$title"
        cat "$file"
    done
} > "$root/THIRD-PARTY-LICENSES"

# Reproducible archives: name order, root-owned, every date SOURCE_DATE_EPOCH, gzip without a name or time.
# gzip's default level: -9 made the tarball 0.4 % smaller (19.89 against 19.97 MB) in 2.5 times as long.
mkdir -p "$DIST"
rm -f "$DIST/$name.tar.gz" "$DIST"/cohort_"$version"_"$debarch".deb "$DIST/SHA256SUMS"
tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner --format=gnu \
    -C "$work" -cf - "$name" | gzip -6n > "$DIST/$name.tar.gz"

# The Debian package: the same files where Debian puts them.
deb=$work/deb
install -D -m 755 "$root/bin/cohort" "$deb/usr/bin/cohort"
install -D -m 644 "$root/completions/cohort.bash" "$deb/usr/share/bash-completion/completions/cohort"
install -D -m 644 "$root/completions/_cohort" "$deb/usr/share/zsh/vendor-completions/_cohort"
install -D -m 644 "$root/completions/cohort.fish" "$deb/usr/share/fish/vendor_completions.d/cohort.fish"
install -D -m 644 "$root/README" "$deb/usr/share/doc/cohort/README"
mkdir -p "$deb/usr/share/man/man1"
gzip -9n < "$root/man/cohort.1" > "$deb/usr/share/man/man1/cohort.1.gz"
install -D -m 644 "$root/THIRD-PARTY-LICENSES" "$deb/usr/share/doc/cohort/THIRD-PARTY-LICENSES"
mkdir -p "$deb/DEBIAN"
size=$(du -sk --apparent-size "$deb/usr" | cut -f1)
cat > "$deb/DEBIAN/control" <<EOF
Package: cohort
Version: $version
Architecture: $debarch
Maintainer: Cohort <cohort@users.noreply.github.com>
Installed-Size: $size
Depends: libc6 (>= $glibc), libstdc++6 (>= 12), libgcc-s1 (>= 3.0)
Section: web
Priority: optional
Homepage: $(sed -n 's/.*static let repository = "\(.*\)".*/\1/p' Sources/CohortKit/Release.swift)
Description: static site and report generator for investment programmes
 Cohort builds a programme's website and its summary reports (Markdown, CSV,
 JSON, SVG charts) from Markdown files with YAML front matter kept in git.
EOF
find "$deb" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
dpkg-deb --root-owner-group -Zxz --build "$deb" "$DIST/cohort_${version}_${debarch}.deb" >/dev/null

(cd "$DIST" && sha256sum "$name.tar.gz" "cohort_${version}_${debarch}.deb" > SHA256SUMS)
echo "dist: wrote $DIST/$name.tar.gz, $DIST/cohort_${version}_${debarch}.deb and $DIST/SHA256SUMS"
