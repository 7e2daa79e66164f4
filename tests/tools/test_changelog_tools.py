"""tools/check-changelog.sh (the changelog step of `make test`) and tools/release.sh, run on copies of the checkout."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
VENV = Path(sys.executable).parent.parent
CHANGELOG_TOOL = VENV / "bin" / "antsibull-changelog"

if sys.version_info < (3, 12):
    pytest.skip("antsibull-changelog is pinned for the ansible-core 2.21 environment only", allow_module_level=True)

ENVIRONMENT = dict(os.environ, VENV=str(VENV))


def run(command, cwd):
    return subprocess.run(command, cwd=cwd, env=ENVIRONMENT, capture_output=True, text=True, timeout=300, check=False)


def copy_of_the_changelog_inputs(target):
    """What check-changelog.sh reads, outside any git work tree."""
    for name in ("galaxy.yml", "changelogs", "meta", "plugins"):
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / name)
    (target / "tools").mkdir()
    shutil.copy2(REPO_ROOT / "tools" / "changelog_plugins.py", target / "tools")
    shutil.copy2(REPO_ROOT / "tools" / "check-changelog.sh", target / "tools")
    return target / "tools" / "check-changelog.sh"


def git_clone_of_the_checkout(target):
    """A committed copy of the work tree as it is, for release.sh, which wants a clean checkout."""
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=REPO_ROOT,
                           capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, files):
        source = REPO_ROOT / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    for command in (["git", "init", "--quiet"], ["git", "add", "-A"],
                    ["git", "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", "copy"]):
        subprocess.run(command, cwd=target, check=True, capture_output=True)
    return target


def test_the_environment_has_antsibull_changelog():
    assert CHANGELOG_TOOL.is_file(), "antsibull-changelog is pinned in tests/requirements/ansible-2.21.txt"


def test_the_checkout_passes(tmp_path):
    result = run([str(copy_of_the_changelog_inputs(tmp_path))], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "a release of " in result.stdout or "a generate of " in result.stdout


def test_a_fragment_with_an_unknown_section_fails(tmp_path):
    script = copy_of_the_changelog_inputs(tmp_path)
    (tmp_path / "changelogs" / "fragments" / "typo.yml").write_text("---\nminor_change:\n  - balena_tag - a typo.\n")
    result = run([str(script)], tmp_path)
    assert result.returncode == 1
    assert "typo.yml" in result.stdout and "invalid section: minor_change" in result.stdout
    assert "FAILED: lint" in result.stdout


def test_a_plugin_added_after_the_version_of_galaxy_yml_fails_naming_it(tmp_path):
    script = copy_of_the_changelog_inputs(tmp_path)
    module = tmp_path / "plugins" / "modules" / "balena_tag.py"
    text = module.read_text(encoding="utf-8")
    assert "\nversion_added: 1.0.0\n" in text
    module.write_text(text.replace("\nversion_added: 1.0.0\n", "\nversion_added: 9.0.0\n"), encoding="utf-8")
    result = run([str(script)], tmp_path)
    assert result.returncode == 1
    assert "module balena_tag: version_added 9.0.0 is later than galaxy.yml's version" in result.stdout


def with_the_version_added_line_of_balena_tag(target, replacement):
    script = copy_of_the_changelog_inputs(target)
    module = target / "plugins" / "modules" / "balena_tag.py"
    text = module.read_text(encoding="utf-8")
    assert "\nversion_added: 1.0.0\n" in text
    module.write_text(text.replace("\nversion_added: 1.0.0\n", replacement), encoding="utf-8")
    return script


def test_a_plugin_added_in_a_version_never_released_fails_naming_it(tmp_path):
    result = run([str(with_the_version_added_line_of_balena_tag(tmp_path, "\nversion_added: 0.1.0\n"))], tmp_path)
    assert result.returncode == 1, result.stdout
    assert "changelog: module balena_tag: version_added 0.1.0 was never released" in result.stdout
    assert "FAILED: plugins" in result.stdout


def test_a_plugin_without_version_added_fails_naming_it(tmp_path):
    result = run([str(with_the_version_added_line_of_balena_tag(tmp_path, "\n"))], tmp_path)
    assert result.returncode == 1, result.stdout
    assert "changelog: module balena_tag: has no version_added" in result.stdout


def test_a_plugin_ansible_doc_cannot_read_fails_the_trial_without_a_traceback(tmp_path):
    script = with_the_version_added_line_of_balena_tag(tmp_path, "\nversion_added: 1.0.0\n\tbad: [\n")
    result = run([str(script)], tmp_path)
    assert result.returncode == 1, result.stdout
    assert "module balena.cloud.balena_tag Missing documentation" in result.stdout
    assert "gave no CHANGELOG.md section for it" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_release_consumes_the_fragments_once_and_lists_every_plugin(tmp_path):
    checkout = git_clone_of_the_checkout(tmp_path / "checkout")
    version = next(line.split(":", 1)[1].strip() for line in (checkout / "galaxy.yml").read_text().splitlines()
                   if line.startswith("version:"))
    if "\n  {0}:\n".format(version) in (checkout / "changelogs" / "changelog.yaml").read_text(encoding="utf-8"):
        # Once galaxy.yml's version is released, try the next patch release, with a summary of its own.
        major, minor, patch = version.split(".")
        version = "{0}.{1}.{2}".format(major, minor, int(patch) + 1)
        (checkout / "changelogs" / "fragments" / "next.yml").write_text("---\nrelease_summary: The next one.\n")
        subprocess.run(["git", "add", "-A"], cwd=checkout, check=True)
        subprocess.run(["git", "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", "next"],
                       cwd=checkout, check=True)
    result = run(["tools/release.sh", version], checkout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert list((checkout / "changelogs" / "fragments").glob("*.yml")) == []
    changelog = (checkout / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## v" + version.replace(".", "\\.") in changelog
    assert "### Release Summary" in changelog
    for module in (checkout / "plugins" / "modules").glob("balena_*.py"):
        assert "balena\\.cloud\\." + module.stem.replace("_", "\\_") in changelog, module.stem
    assert (checkout / "build" / "release" / "balena-cloud-{0}.tar.gz".format(version)).is_file()
    (push,) = [line.strip() for line in result.stdout.splitlines() if "git push" in line]
    assert push.replace(version, "1.0.0") in (REPO_ROOT / "RELEASING.md").read_text(encoding="utf-8")

    subprocess.run(["git", "add", "-A"], cwd=checkout, check=True)
    subprocess.run(["git", "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "--quiet", "-m", "release"],
                   cwd=checkout, check=True)
    again = run(["tools/release.sh", version], checkout)
    assert again.returncode == 1
    assert "{0} is already released".format(version) in again.stderr
    after = run(["tools/check-changelog.sh"], checkout)
    assert after.returncode == 0, after.stdout + after.stderr
    assert "a generate of " + version in after.stdout


def test_release_refuses_uncommitted_changes(tmp_path):
    checkout = git_clone_of_the_checkout(tmp_path / "checkout")
    changelog_yaml = (checkout / "changelogs" / "changelog.yaml").read_text(encoding="utf-8")
    (checkout / "changelogs" / "fragments" / "late.yml").write_text("---\nminor_changes:\n  - balena_tag - late.\n")
    result = run(["tools/release.sh"], checkout)
    assert result.returncode == 1
    assert "uncommitted changes" in result.stderr and "late.yml" in result.stderr
    assert (checkout / "changelogs" / "fragments" / "late.yml").is_file()
    assert (checkout / "changelogs" / "changelog.yaml").read_text(encoding="utf-8") == changelog_yaml


def commit_all(checkout, message):
    subprocess.run(["git", "add", "-A"], cwd=checkout, check=True)
    subprocess.run(["git", "-c", "user.name=test", "-c", "user.email=test@example.com", "commit", "--quiet", "--allow-empty",
                    "-m", message], cwd=checkout, check=True)


def changed_files(checkout):
    return subprocess.run(["git", "status", "--porcelain"], cwd=checkout, capture_output=True, text=True,
                          check=True).stdout


def test_release_refuses_a_version_not_later_than_the_last_release_and_changes_nothing(tmp_path):
    checkout = git_clone_of_the_checkout(tmp_path / "checkout")
    (checkout / "changelogs" / "changelog.yaml").write_text(
        "---\nancestor: null\nreleases:\n  1.0.0:\n    release_date: '2026-12-01'\n", encoding="utf-8")
    commit_all(checkout, "1.0.0 released")
    result = run(["tools/release.sh", "0.9.0"], checkout)
    assert result.returncode == 1
    assert "release: 0.9.0 is not later than the last release, 1.0.0" in result.stderr
    assert changed_files(checkout) == ""


def test_release_refuses_a_release_without_a_release_summary_naming_it(tmp_path):
    checkout = git_clone_of_the_checkout(tmp_path / "checkout")
    for fragment in (checkout / "changelogs" / "fragments").glob("*.yml"):
        if "release_summary:" in fragment.read_text(encoding="utf-8"):
            fragment.unlink()
    commit_all(checkout, "no summary")
    result = run(["tools/release.sh", "1.2.0"], checkout)
    assert result.returncode == 1
    assert "no fragment with a release_summary for 1.2.0" in result.stderr
    assert changed_files(checkout) == ""


def test_a_failed_release_leaves_the_checkout_as_it_was(tmp_path):
    checkout = git_clone_of_the_checkout(tmp_path / "checkout")
    module = checkout / "plugins" / "modules" / "balena_tag.py"
    module.write_text(module.read_text(encoding="utf-8").replace("\nversion_added: 1.0.0\n", "\nversion_added: 1.0.0\n\tbad: [\n"),
                      encoding="utf-8")
    fragments = checkout / "changelogs" / "fragments"
    if not any("release_summary:" in fragment.read_text(encoding="utf-8") for fragment in fragments.glob("*.yml")):
        fragments.mkdir(exist_ok=True)
        (fragments / "release-1.2.0.yml").write_text("---\nrelease_summary: The next one.\n", encoding="utf-8")
    commit_all(checkout, "broken documentation")
    result = run(["tools/release.sh", "1.2.0"], checkout)
    assert result.returncode == 1
    assert "version set to 1.2.0" in result.stdout
    assert "the checkout is as it was before the release" in result.stderr
    assert changed_files(checkout) == ""
