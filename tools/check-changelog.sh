#!/usr/bin/env bash
# The changelog step of `make test`:
#   1. `antsibull-changelog lint`: every fragment in changelogs/fragments/ has known sections and
#      well-formed entries;
#   2. `antsibull-changelog lint-changelog-yaml` on changelogs/changelog.yaml;
#   3. a trial release in a copy of what it reads (a temporary directory outside the checkout): the
#      version of galaxy.yml with the fragments and the plugins' version_added, as tools/release.sh
#      makes it, must give a CHANGELOG.md naming that version. Once that version is released, the
#      copy only regenerates CHANGELOG.md from changelogs/changelog.yaml. Every plugin must be listed
#      as new in the release its version_added names, a released version or galaxy.yml's
#      (tools/changelog_plugins.py). A failed trial stops there, with antsibull-changelog's output.
# Needs antsibull-changelog, which the default environment (ansible-core 2.21) has; skipped in the
# ansible-core 2.19 one.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

venv=${VENV:-.venv}
if [ -d "$venv" ]; then
    venv=$(cd "$venv" && pwd)  # VENV may be relative or absolute
fi
changelog="$venv/bin/antsibull-changelog"
if [ ! -x "$changelog" ]; then
    if "$venv/bin/python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)'; then
        echo "changelog: $venv has no antsibull-changelog, pinned in tests/requirements/ansible-2.21.txt; rebuild it (make venv)" >&2
        exit 1
    fi
    echo "changelog: $venv is the ansible-core 2.19 environment, without antsibull-changelog; skipped"
    exit 0
fi

version=$("$venv/bin/python" -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))["version"])' galaxy.yml)
failed=()
"$changelog" lint || failed+=(lint)
"$changelog" lint-changelog-yaml changelogs/changelog.yaml || failed+=(lint-changelog-yaml)

# Outside the checkout: inside a git work tree antsibull-changelog would read only the files git
# tracks there, and build/ is ignored.
work=$(mktemp -d "${TMPDIR:-/tmp}/balena-changelog.XXXXXX")
trap 'rm -rf "$work"' EXIT
# What antsibull-changelog reads: the version, the changelog files and the plugins' documentation.
cp -r galaxy.yml changelogs meta plugins "$work"/
if "$venv/bin/python" -c 'import sys, yaml; sys.exit(0 if sys.argv[2] in (yaml.safe_load(open(sys.argv[1]))["releases"] or {}) else 1)' \
        changelogs/changelog.yaml "$version"; then
    trial=(generate)
else
    trial=(release)
fi
if (cd "$work" && "$changelog" "${trial[@]}" --is-collection --reload-plugins --ansible-doc-bin "$venv/bin/ansible-doc" > "$work/.trial.log" 2>&1) \
        && grep -qxF "## v${version//./\\.}" "$work/CHANGELOG.md"; then
    echo "changelog: a ${trial[0]} of $version gives a CHANGELOG.md with $(grep -c '^\* ' "$work/CHANGELOG.md") entries"
    # Every plugin is listed as new in the release of its version_added (tools/changelog_plugins.py).
    "$venv/bin/python" tools/changelog_plugins.py "$work/changelogs/.plugin-cache.yaml" "$work/changelogs/changelog.yaml" \
        changelogs/changelog.yaml "$version" plugins || failed+=(plugins)
else
    cat "$work/.trial.log"
    echo "changelog: the trial ${trial[0]} of $version gave no CHANGELOG.md section for it"
    failed+=("${trial[0]}")
fi

if [ ${#failed[@]} -gt 0 ]; then
    echo "changelog: FAILED: ${failed[*]}"
    exit 1
fi
echo "changelog: fragments and changelogs/changelog.yaml are valid"
