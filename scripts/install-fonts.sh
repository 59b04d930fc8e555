#!/bin/sh
# Installs the Debian font packages the renderer and its tests need, and only those missing.
# Silent when everything is already there; a warning (not a failure) where there is no apt-get.
set -eu

PACKAGES="fonts-dejavu-core fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji"

if ! command -v apt-get >/dev/null 2>&1; then
    echo "install-fonts: WARNING: no apt-get (not Debian?); install these fonts yourself," \
        "or the renderer falls back and font tests fail: $PACKAGES" >&2
    exit 0
fi

missing=""
for pkg in $PACKAGES; do
    # `dpkg -s` also succeeds for removed packages whose config files remain, hence the Status check.
    if ! dpkg -s "$pkg" 2>/dev/null | grep -q '^Status: install ok installed'; then
        missing="$missing $pkg"
    fi
done
[ -z "$missing" ] && exit 0

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
fi

echo "install-fonts: installing$missing" >&2
# `env` because sudo resets the environment, which would drop DEBIAN_FRONTEND.
install() {
    # shellcheck disable=SC2086  # $missing is a word list on purpose
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
}
# A fresh image has no package lists yet; updating only then keeps the usual case fast.
if ! install; then
    $SUDO apt-get update -q && install || {
        echo "install-fonts: ERROR: could not install$missing; install them by hand (root or sudo needed)" >&2
        exit 1
    }
fi
