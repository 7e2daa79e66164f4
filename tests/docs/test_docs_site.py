"""The documentation site built by `make docs`, loaded page by page in headless Chromium: every
module and plugin page loads and shows its examples, and no link inside the site is broken."""
from __future__ import annotations

from pathlib import Path

import pytest

from site_check import broken_links, crawl, examples_of, load_problems, plugin_pages, words

REPO_ROOT = Path(__file__).resolve().parents[2]
PLUGIN_PAGES = plugin_pages(REPO_ROOT)


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


def test_every_page_of_the_site_loads(site_pages):
    problems = [problem for path, page in sorted(site_pages.items()) for problem in load_problems(path, page)]
    assert problems == []
    assert len(site_pages) > len(PLUGIN_PAGES)


def test_guides_are_on_the_site(site_pages):
    guides = {path for path in site_pages if "/docsite/" in path}
    assert {"collections/balena/cloud/docsite/guide_connection_modes.html",
            "collections/balena/cloud/docsite/guide_sdk.html"} <= guides


def test_no_link_inside_the_site_is_broken(served_site, built_site, site_pages):
    assert broken_links(served_site, built_site, site_pages) == []
