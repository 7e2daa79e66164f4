"""The documentation site built by `make docs`, loaded page by page in headless Chromium: every
module and plugin page loads and shows its examples, every role page shows every option of its
argument spec, and no link inside the site is broken."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from site_check import (
    broken_links, crawl, examples_of, load_problems, plugin_pages, role_option_anchors, role_pages, words,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
PLUGIN_PAGES = plugin_pages(REPO_ROOT)
ROLE_PAGES = role_pages(REPO_ROOT)
DOCSITE = REPO_ROOT / "docs" / "docsite"


def listed_guides():
    sections = yaml.safe_load((DOCSITE / "extra-docs.yml").read_text(encoding="utf-8"))["sections"]
    return {guide for section in sections for guide in section["toctree"]}


@pytest.fixture(scope="session")
def site_pages(browser, served_site):
    """Every page reachable from the start page, as the browser loaded them."""
    return crawl(browser, served_site, ["index.html"])


def test_every_module_and_inventory_plugin_has_a_page():
    kinds = {path.rsplit("_", 1)[1] for path in PLUGIN_PAGES}
    assert {"module.html", "inventory.html"} <= kinds
    assert len(PLUGIN_PAGES) >= 10


@pytest.mark.parametrize("path", sorted(PLUGIN_PAGES))
def test_plugin_page_loads_and_shows_its_examples(browser, served_site, site_pages, path):
    page = site_pages.get(path) or browser.load(served_site + path)
    assert load_problems(path, page) == []
    assert page.examples is not None, "%s has no Examples section" % path
    assert words(examples_of(PLUGIN_PAGES[path])) in words(page.examples)


def test_plugin_pages_are_reached_from_the_start_page(site_pages):
    assert sorted(set(PLUGIN_PAGES) - set(site_pages)) == []


def test_every_role_has_a_page():
    assert "collections/balena/cloud/fleet_role.html" in ROLE_PAGES


@pytest.mark.parametrize("path", sorted(ROLE_PAGES))
def test_role_page_is_reached_from_the_start_page_and_shows_every_option(site_pages, path):
    assert path in site_pages
    assert load_problems(path, site_pages[path]) == []
    spec = yaml.safe_load(ROLE_PAGES[path].read_text(encoding="utf-8"))
    assert sorted(role_option_anchors(spec) - set(site_pages[path].anchors)) == []


def test_every_page_of_the_site_loads(site_pages):
    problems = [problem for path, page in sorted(site_pages.items()) for problem in load_problems(path, page)]
    assert problems == []
    assert len(site_pages) > len(PLUGIN_PAGES)


def test_the_guides_are_rst_pages_listed_in_extra_docs_only():
    assert sorted(path.name for path in (REPO_ROOT / "docs").rglob("*.md")) == []
    assert {path.stem for path in (DOCSITE / "rst").glob("*.rst")} == listed_guides()
    assert {"guide_connection_modes", "guide_awx", "guide_sdk", "guide_module_results"} <= listed_guides()


def test_guides_are_on_the_site(site_pages):
    guides = {path for path in site_pages if "/docsite/" in path}
    assert {"collections/balena/cloud/docsite/%s.html" % guide for guide in listed_guides()} <= guides


def test_no_link_inside_the_site_is_broken(served_site, built_site, site_pages):
    assert broken_links(served_site, built_site, site_pages) == []
