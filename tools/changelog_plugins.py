"""Every plugin of the collection is in the changelog, as tools/check-changelog.sh requires:
    changelog_plugins.py PLUGIN_CACHE TRIAL_CHANGELOG_YAML RELEASED_CHANGELOG_YAML VERSION PLUGINS_DIR
PLUGIN_CACHE is antsibull-changelog's .plugin-cache.yaml of the trial, TRIAL_CHANGELOG_YAML the
changelog.yaml the trial wrote, RELEASED_CHANGELOG_YAML the checkout's, VERSION galaxy.yml's.

A plugin's version_added must be a version released in the checkout's changelog.yaml or the version
being released, and the plugin must be listed as new in that version's entry of the trial: a plugin
ansible-doc cannot load, without version_added or naming any other version is left out of the
changelog without a word from antsibull-changelog."""
import os
import sys

import yaml
from ansible.module_utils.compat.version import LooseVersion

NOT_PLUGINS = ("module_utils", "doc_fragments", "plugin_utils")


def load(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle) or {}


def listed_as_new(release):
    """{(kind, name)} of the plugins a release of changelog.yaml lists as new."""
    names = {("module", entry["name"]) for entry in release.get("modules") or []}
    for kind, entries in (release.get("plugins") or {}).items():
        names.update((kind, entry["name"]) for entry in entries or [])
    return names


def plugins_of(plugins_dir):
    for directory in sorted(os.listdir(plugins_dir)):
        if directory in NOT_PLUGINS or not os.path.isdir(os.path.join(plugins_dir, directory)):
            continue
        kind = "module" if directory == "modules" else directory
        for name in sorted(os.listdir(os.path.join(plugins_dir, directory))):
            if name.endswith(".py") and name != "__init__.py":
                yield kind, name[:-3]


def problem_of(kind, name, cache, trial_releases, released, version):
    documented = (cache.get(kind) or {}).get(name)
    if documented is None:
        return "is missing from the plugins antsibull-changelog found (ansible-doc cannot document it)"
    added = documented.get("version_added")
    if not added:
        return "has no version_added; new plugins say version_added: %s" % version
    added = str(added)
    if added not in released and added != version:
        if LooseVersion(added) > LooseVersion(version):
            return "version_added %s is later than galaxy.yml's version %s" % (added, version)
        return ("version_added %s was never released (changelogs/changelog.yaml has %s) and is not "
                "galaxy.yml's version %s" % (added, ", ".join(sorted(released)) or "no release", version))
    if (kind, name) not in listed_as_new(trial_releases.get(added) or {}):
        return "is not listed as new in the changelog of %s, its version_added" % added
    return None


def main(cache_file, trial_file, released_file, version, plugins_dir):
    cache = load(cache_file)["plugins"]
    trial_releases = load(trial_file).get("releases") or {}
    released = set(load(released_file).get("releases") or {})
    problems = []
    for kind, name in plugins_of(plugins_dir):
        problem = problem_of(kind, name, cache, trial_releases, released, version)
        if problem:
            problems.append("%s %s: %s" % (kind, name, problem))
    for problem in problems:
        print("changelog: " + problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
