#!/usr/bin/env bash
# The headless browser that checks the documentation site (tests/docs).
#
#   tools/headless-chromium.sh install   install Debian's chromium when no Chromium is found (root, apt-get)
#   tools/headless-chromium.sh path      print the Chromium binary the tests use, or fail when there is none
#
# $CHROMIUM names a binary to use instead of searching for one.
set -euo pipefail

find_chromium() {
    local candidate
    for candidate in "${CHROMIUM:-}" chromium chromium-browser google-chrome-stable google-chrome; do
        [ -n "$candidate" ] || continue
        if command -v "$candidate" >/dev/null 2>&1; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

install_chromium() {
    if find_chromium >/dev/null; then
        echo "headless-chromium: $(find_chromium) is installed"
        return 0
    fi
    if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "headless-chromium: Chromium is missing; install Debian's chromium (needs root and apt-get)" >&2
        return 1
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends chromium >/dev/null 2>&1 \
        || { apt-get update >/dev/null && apt-get install -y --no-install-recommends chromium >/dev/null; }
    echo "headless-chromium: installed $(find_chromium)"
}

case "${1:-}" in
    install) install_chromium ;;
    path) find_chromium || { echo "headless-chromium: no Chromium found (run: $0 install)" >&2; exit 1; } ;;
    *) echo "usage: $0 install | path" >&2; exit 2 ;;
esac
