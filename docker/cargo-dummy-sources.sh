#!/bin/sh
# cargo-dummy-sources.sh: create a placeholder source file for every target
# that Cargo.toml declares or implies (lib, bins, tests, benches, examples,
# build script), so that cargo can fetch and build the dependencies before
# the real sources are copied into the image. Cargo refuses to load a
# manifest with a declared target whose file is missing, even for
# `cargo fetch`. Files that already exist are left alone.
#
#   cargo-dummy-sources.sh [Cargo.toml]
#
# Prints the paths it created, one per line. The Dockerfile builds the
# dependencies and then deletes these placeholders.
#
# POSIX sh + awk (no Python in the build image).

set -eu

manifest=${1:-Cargo.toml}
[ -f "$manifest" ] || { echo "cargo-dummy-sources: no $manifest" >&2; exit 2; }
cd "$(dirname "$manifest")"

placeholder() {  # PATH KIND
  [ -e "$1" ] && return 0
  mkdir -p "$(dirname "$1")"
  case $2 in
    lib) printf '%s\n' '// placeholder: dependencies only' >"$1" ;;
    *) printf '%s\n' '// placeholder: dependencies only' 'fn main() {}' >"$1" ;;
  esac
  printf '%s\n' "$1"
}

# One line per target: "KIND|NAME|PATH" (NAME and PATH may be empty), plus
# "package|NAME|BUILD" for the package's name and build script. ("|", not a
# tab: read would merge consecutive tabs and shift an empty field.)
targets=$(awk '
  function flush() {
    if (section != "") printf "%s|%s|%s\n", section, name, path
    section = ""; name = ""; path = ""
  }
  function unquote(s) {
    sub(/^[^=]*=[ \t]*/, "", s)
    sub(/[ \t]*#.*$/, "", s)
    gsub(/^["\047]|["\047]$/, "", s)
    return s
  }
  /^[ \t]*\[/ {
    flush()
    header = $0
    gsub(/[ \t]/, "", header)
    if (header == "[package]") section = "package"
    else if (header == "[lib]") section = "lib"
    else if (header == "[[bin]]") section = "bin"
    else if (header == "[[test]]") section = "test"
    else if (header == "[[bench]]") section = "bench"
    else if (header == "[[example]]") section = "example"
    next
  }
  section != "" && /^[ \t]*name[ \t]*=/ { name = unquote($0) }
  section != "" && section != "package" && /^[ \t]*path[ \t]*=/ { path = unquote($0) }
  section == "package" && /^[ \t]*build[ \t]*=/ { path = unquote($0) }
  END { flush() }
' "$manifest")

package=""
build="build.rs"
have_lib=no
have_bin=no
while IFS='|' read -r kind name path; do
  case $kind in
    package)
      package=$name
      [ -n "$path" ] && build=$path
      ;;
    lib) have_lib=yes; placeholder "${path:-src/lib.rs}" lib ;;
    bin)
      have_bin=yes
      if [ -n "$path" ]; then
        placeholder "$path" bin
      elif [ "$name" = "$package" ]; then
        placeholder src/main.rs bin
      else
        placeholder "src/bin/$name.rs" bin
      fi
      ;;
    test) placeholder "${path:-tests/$name.rs}" test ;;
    bench) placeholder "${path:-benches/$name.rs}" bench ;;
    example) placeholder "${path:-examples/$name.rs}" example ;;
  esac
done <<EOF
$targets
EOF

# A package with neither [lib] nor [[bin]] relies on src/main.rs; build = false
# (or "false" unquoted) means no build script.
[ "$have_lib" = yes ] || [ "$have_bin" = yes ] || placeholder src/main.rs bin
case $build in
  false) ;;
  *) placeholder "$build" build ;;
esac
