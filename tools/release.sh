#!/usr/bin/env bash
# Cut a release from a clean checkout (RELEASING.md tells the whole process). It refuses, before
# changing anything, a version not later than the last release and fragments without a
# release_summary; a failure later on puts back what it changed.
#
#   tools/release.sh [VERSION]
#   1. with VERSION, set it as the version of galaxy.yml and of the SDK's client header
#      (plugins/module_utils/sdk/version.py); without, release galaxy.yml's version;
#   2. check the changelog (tools/check-changelog.sh: fragments, changelog.yaml, a trial release);
#   3. `antsibull-changelog release`: the fragments in changelogs/fragments/ become the version's
#      entry in changelogs/changelog.yaml and are deleted, and CHANGELOG.md is written anew;
#   4. build the collection artifact into build/release/.
# It commits, tags and publishes nothing: it prints the commands for that.
# RELEASE_DATE=YYYY-MM-DD sets the release date (default: today).
set -euo pipefail
cd "$(dirname "$0")/.."

venv=$(cd "${VENV:-.venv}" && pwd)
if [ ! -x "$venv/bin/antsibull-changelog" ]; then
    echo "release: $venv has no antsibull-changelog; use the default environment (ansible-core 2.21)" >&2
    exit 1
fi
if [ -n "$(git status --porcelain)" ]; then
    # antsibull-changelog reads the plugins git tracks, and the release commit must be what was checked.
    echo "release: the checkout has uncommitted changes; commit or remove them first:" >&2
    git status --short >&2
    exit 1
fi

galaxy_version() {
    "$venv/bin/python" -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))["version"])' galaxy.yml
}
version=${1:-$(galaxy_version)}
if ! [[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
    echo "release: '$version' is no version of the form MAJOR.MINOR.PATCH" >&2
    exit 1
fi
# Refusals come before anything is changed: the version must be later than every release, and the
# fragments must hold the release's summary.
"$venv/bin/python" - changelogs/changelog.yaml "$version" <<'PY' || exit 1
import sys

import yaml

changelog_file, version = sys.argv[1:]
with open(changelog_file, encoding="utf-8") as handle:
    released = (yaml.safe_load(handle) or {}).get("releases") or {}


def parts(text):
    return tuple(int(part) for part in text.split("-")[0].split("+")[0].split("."))


if version in released:
    sys.exit("release: %s is already released in changelogs/changelog.yaml" % version)
later = sorted((name for name in released if parts(name) >= parts(version)), key=parts)
if later:
    sys.exit("release: %s is not later than the last release, %s (changelogs/changelog.yaml)" % (version, later[-1]))
PY
if ! grep -qs '^release_summary:' changelogs/fragments/*.yml changelogs/fragments/*.yaml; then
    echo "release: changelogs/fragments/ has no fragment with a release_summary for $version;" \
        "add one (for example changelogs/fragments/release-$version.yml) and commit it" >&2
    exit 1
fi

# From here on, a failure puts back what was changed: the tree was clean at the start.
restore() {
    status=$?
    if [ "$status" -ne 0 ]; then
        git checkout --quiet HEAD -- galaxy.yml plugins/module_utils/sdk/version.py changelogs
        if git ls-files --error-unmatch CHANGELOG.md >/dev/null 2>&1; then
            git checkout --quiet HEAD -- CHANGELOG.md
        fi
        git clean -fdq -- changelogs CHANGELOG.md
        echo "release: FAILED; the checkout is as it was before the release" >&2
    fi
}
trap restore EXIT

if [ "$version" != "$(galaxy_version)" ]; then
    sed -i "s/^version: .*/version: $version/" galaxy.yml
    sed -i "s/^__version__ = .*/__version__ = \"$version\"/" plugins/module_utils/sdk/version.py
    echo "release: version set to $version in galaxy.yml and plugins/module_utils/sdk/version.py"
fi

tools/check-changelog.sh

date_args=()
if [ -n "${RELEASE_DATE:-}" ]; then
    date_args=(--date "$RELEASE_DATE")
fi
"$venv/bin/antsibull-changelog" release --is-collection --ansible-doc-bin "$venv/bin/ansible-doc" "${date_args[@]}"
echo "release: changelogs/changelog.yaml holds $version; CHANGELOG.md written; fragments consumed"

rm -rf build/release
mkdir -p build/release
"$venv/bin/ansible-galaxy" collection build --output-path build/release .
artifact=build/release/balena-cloud-$version.tar.gz

cat <<EOF

release: next steps (RELEASING.md):
  git add -A galaxy.yml plugins/module_utils/sdk/version.py changelogs CHANGELOG.md
  git commit -m "Release $version"
  make test                      # on the release commit, including galaxy-importer on the artifact
  git tag -a $version -m "balena.cloud $version"
  git push origin main $version
  ansible-galaxy collection publish $artifact --api-key <Galaxy API key>
EOF
