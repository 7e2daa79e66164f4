#!/usr/bin/env bash
# Fail when a built collection artifact holds a file git does not track in this checkout:
#   tools/artifact-untracked.sh ARTIFACT
# ansible-galaxy builds from the working tree, so a stray file (a .env, notes, a *.bak copy of a
# plugin) would ship unless build_ignore names it. MANIFEST.json and FILES.json are the build's own.
set -euo pipefail

if [ $# -ne 1 ] || [ ! -f "$1" ]; then
    echo "usage: $0 ARTIFACT" >&2
    exit 2
fi
artifact=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
cd "$(dirname "$0")/.."

untracked=$(comm -23 \
    <(tar -tzf "$artifact" | grep -v '/$' | grep -vxE 'MANIFEST\.json|FILES\.json' | LC_ALL=C sort) \
    <(git ls-files | LC_ALL=C sort))
if [ -n "$untracked" ]; then
    echo "artifact: $(basename "$artifact") holds files git does not track; remove them or add them to galaxy.yml's build_ignore:"
    sed 's/^/  /' <<< "$untracked"
    exit 1
fi
echo "artifact: every file of $(basename "$artifact") is tracked by git"
