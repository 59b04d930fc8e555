#!/bin/sh
# Reproduces dashboard/static/vendor/ from the npm registry: each library's UMD build and its LICENSE, at a pinned
# version, checked against the registry's sha512 integrity (pinned here too, so a changed tarball fails loudly).
# Needs npm (it only downloads: `npm pack`, nothing is installed or run). Usage: scripts/vendor-dashboard.sh
set -eu

ROOT=$(cd "$(dirname "$0")/.." && pwd)
VENDOR="$ROOT/dashboard/static/vendor"

# name version integrity files-from-dist
LIBS="
moveable 0.53.0 sha512-71jS9zIoQzMhnNvduhg4tUEdm23+fO/40FN7muVMbZvVwbTku2MIxxLhnU4qFvxI4oVxn75l79SbtgjuA+s7Pw== moveable.min.js
selecto 1.26.3 sha512-gZHgqMy5uyB6/2YDjv3Qqaf7bd2hTDOpPdxXlrez4R3/L0GiEWDCFaUfrflomgqdb3SxHF2IXY0Jw0EamZi7cw== selecto.min.js
"

command -v npm >/dev/null 2>&1 || { echo "vendor-dashboard: npm is needed (apt-get install npm)" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

echo "$LIBS" | while read -r name version integrity file; do
    [ -n "$name" ] || continue
    (cd "$WORK" && npm pack --silent "$name@$version" >/dev/null)
    tarball="$WORK/$name-$version.tgz"
    actual="sha512-$(openssl dgst -sha512 -binary "$tarball" | openssl base64 -A)"
    if [ "$actual" != "$integrity" ]; then
        echo "vendor-dashboard: $name@$version: integrity $actual, expected $integrity" >&2
        exit 1
    fi
    mkdir -p "$WORK/$name"
    tar -xzf "$tarball" -C "$WORK/$name"
    dest="$VENDOR/$name-$version"
    rm -rf "$dest"
    mkdir -p "$dest"
    # The min build's sourceMappingURL comment points at a map we don't ship: drop that one line.
    sed '/^\/\/# sourceMappingURL=/d' "$WORK/$name/package/dist/$file" > "$dest/$file"
    cp "$WORK/$name/package/LICENSE" "$dest/LICENSE"
    echo "vendor-dashboard: $name@$version -> ${dest#"$ROOT"/}"
done
