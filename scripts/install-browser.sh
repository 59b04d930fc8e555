#!/bin/sh
# Installs Debian's chromium for the dashboard's browser tests (Playwright drives it through executable_path;
# never `playwright install`, which downloads a browser build of its own). Only when it is missing.
set -eu

BROWSER=/usr/bin/chromium
[ -x "$BROWSER" ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-browser: WARNING: no apt-get (not Debian?); install chromium at $BROWSER yourself," \
        "or set PLATEN_TEST_CHROMIUM to a Chromium binary, or the dashboard tests fail" >&2
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
fi

echo "install-browser: installing chromium" >&2
install() {
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
}
# A fresh image has no package lists yet; updating only then keeps the usual case fast.
if ! install; then
    $SUDO apt-get update -q && install || {
        echo "install-browser: ERROR: could not install chromium; install it by hand (root or sudo needed)" >&2
        exit 1
    }
fi
