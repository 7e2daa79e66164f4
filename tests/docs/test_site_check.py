"""The site checks find what they look for: on a small site with known faults, loaded in Chromium,
they report exactly those faults (so a green run of test_docs_site.py means something)."""
from __future__ import annotations

import pytest

from site_check import broken_links, crawl, load_problems, plugin_pages, role_option_anchors, role_pages
from static_server import StaticServer

PAGES = {
    "index.html": '<a href="guide.html">guide</a> <a href="guide.html#present">here</a>'
                  ' <a href="guide.html#absent">gone</a> <a href="sub/">sub</a> <a href="missing.html">missing</a>'
                  ' <a href="https://example.com/elsewhere.html">outside</a>',
    "guide.html": '<h2 id="present">Present</h2><link rel="stylesheet" href="missing.css">'
                  '<script>undefinedFunction();</script><a href="index.html">back</a>',
    "sub/index.html": '<section id="examples"><pre>- name: Example\n  debug:</pre></section>',
}


@pytest.fixture
def faulty_site(tmp_path):
    for path, body in PAGES.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text("<!DOCTYPE html><html><body>%s</body></html>" % body, encoding="utf-8")
    with StaticServer(tmp_path) as server:
        yield server.base_url, tmp_path


def test_broken_links_and_anchors_are_reported(browser, faulty_site):
    base_url, root = faulty_site
    pages = crawl(browser, base_url, ["index.html"])
    assert sorted(pages) == ["guide.html", "index.html", "missing.html", "sub/index.html"]
    assert pages["missing.html"].status == 404
    assert broken_links(base_url, root, pages) == [
        "index.html: link to %sguide.html#absent, an anchor guide.html does not have" % base_url,
        "index.html: link to %smissing.html, a missing page" % base_url,
    ]


def test_failed_resources_and_script_errors_are_reported(browser, faulty_site):
    base_url, _ = faulty_site
    page = browser.load(base_url + "guide.html")
    problems = load_problems("guide.html", page)
    assert len(problems) == 2, problems
    assert problems[0] == "guide.html: %smissing.css did not load (HTTP 404)" % base_url
    assert problems[1].startswith("guide.html: script error: ReferenceError: undefinedFunction is not defined")
    assert load_problems("index.html", browser.load(base_url + "index.html")) == []


def test_a_missing_page_and_examples_are_seen(browser, faulty_site):
    base_url, _ = faulty_site
    assert load_problems("nothing.html", browser.load(base_url + "nothing.html")) == [
        "nothing.html: answered HTTP 404"]
    assert browser.load(base_url + "index.html").examples is None
    assert browser.load(base_url + "sub/").examples == "- name: Example\n  debug:"


def test_plugin_pages_follow_the_plugin_files(tmp_path):
    for path, text in {
        "plugins/modules/balena_thing.py": "DOCUMENTATION = 'x'\nEXAMPLES = 'y'\n",
        "plugins/modules/__init__.py": "",
        "plugins/lookup/balena_value.py": "DOCUMENTATION = r'''x'''\n",
        "plugins/module_utils/helper.py": "DOCUMENTATION = 'not a plugin'\n",
        "plugins/inventory/undocumented.py": "VALUE = 1\n",
    }.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    assert sorted(plugin_pages(tmp_path)) == [
        "collections/balena/cloud/balena_thing_module.html",
        "collections/balena/cloud/balena_value_lookup.html",
    ]


def test_role_pages_follow_the_argument_specs(tmp_path):
    (tmp_path / "roles/thing/meta").mkdir(parents=True)
    (tmp_path / "roles/thing/meta/argument_specs.yml").write_text("argument_specs: {}\n", encoding="utf-8")
    (tmp_path / "roles/bare/tasks").mkdir(parents=True)
    assert sorted(role_pages(tmp_path)) == ["collections/balena/cloud/thing_role.html"]


def test_role_option_anchors_cover_suboptions_of_every_entry_point():
    spec = {"argument_specs": {
        "main": {"options": {"doc": {"type": "dict", "options": {"groups": {"options": {"tags": {}}}}}}},
        "other": {"options": {"flag": {"type": "bool"}}},
    }}
    assert role_option_anchors(spec) == {
        "parameter-main--doc", "parameter-main--doc/groups", "parameter-main--doc/groups/tags",
        "parameter-other--flag",
    }
