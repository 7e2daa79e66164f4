"""What the documentation site must show, checked on pages loaded in a browser.

Which pages the collection's plugins and roles get, what each plugin's examples are, the anchors
a role page has for its options, the pages reachable
from a start page, and what is broken: pages that did not load, links to missing pages or anchors.
"""
from __future__ import annotations

import ast
from collections import deque
from pathlib import Path
from urllib.parse import unquote, urlsplit

COLLECTION_PAGES = "collections/balena/cloud"
# Directories of plugins/ whose files have no page of their own.
NO_PAGES = {"action", "doc_fragments", "module_utils", "plugin_utils"}


def plugin_pages(collection_root):
    """{site path: plugin source} for every documented module and plugin of the collection."""
    pages = {}
    for directory in sorted(Path(collection_root, "plugins").iterdir()):
        if not directory.is_dir() or directory.name in NO_PAGES:
            continue
        kind = "module" if directory.name == "modules" else directory.name
        for source in sorted(directory.glob("*.py")):
            if not source.name.startswith("_") and _string_constant(source, "DOCUMENTATION") is not None:
                pages["%s/%s_%s.html" % (COLLECTION_PAGES, source.stem, kind)] = source
    return pages


def role_pages(collection_root):
    """{site path: argument_specs.yml} for every role of the collection that has an argument spec."""
    return {"%s/%s_role.html" % (COLLECTION_PAGES, spec.parent.parent.name): spec
            for spec in sorted(Path(collection_root, "roles").glob("*/meta/argument_specs.yml"))}


def role_option_anchors(argument_specs):
    """The anchor of every option, suboptions included, of every entry point of a role's argument
    spec (a parsed argument_specs.yml), as the role's page names them."""
    anchors = set()

    def walk(entry_point, prefix, options):
        for name, spec in (options or {}).items():
            anchors.add("parameter-%s--%s%s" % (entry_point, prefix, name))
            walk(entry_point, "%s%s/" % (prefix, name), spec.get("options"))

    for entry_point, spec in argument_specs["argument_specs"].items():
        walk(entry_point, "", spec.get("options"))
    return anchors


def examples_of(source):
    """The EXAMPLES string of a plugin source file."""
    return _string_constant(source, "EXAMPLES")


def _string_constant(source, name):
    for node in ast.parse(Path(source).read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(getattr(target, "id", None) == name for target in node.targets):
            return ast.literal_eval(node.value)
    return None


def words(text):
    """Text with every run of white space made one space, for comparing code as shown and as written."""
    return " ".join(text.split())


def site_path(base_url, url):
    """The path of url inside the site served at base_url (a directory means its index.html), or None
    for a URL elsewhere."""
    if not url.startswith(base_url):
        return None
    path = unquote(urlsplit(url).path)[len(urlsplit(base_url).path):]
    return path + "index.html" if path == "" or path.endswith("/") else path


def crawl(browser, base_url, start_paths):
    """Load the start pages and every HTML page of the site linked from a loaded one.

    Returns {site path: LoadedPage}.
    """
    pages = {}
    queue = deque(start_paths)
    while queue:
        path = queue.popleft()
        if path in pages:
            continue
        page = pages[path] = browser.load(base_url + path)
        for link in page.links:
            target = site_path(base_url, link)
            if target and target.endswith(".html") and target not in pages:
                queue.append(target)
    return pages


def load_problems(path, page):
    """Why a page did not load cleanly: its status, resources that failed, uncaught script errors."""
    problems = []
    if page.status != 200:
        problems.append("%s: answered HTTP %s" % (path, page.status))
    problems.extend("%s: %s did not load (%s)" % (path, url, error) for url, error in page.failed_resources)
    problems.extend("%s: script error: %s" % (path, error) for error in page.script_errors)
    return problems


def broken_links(base_url, site_root, pages):
    """Links of the loaded pages to a file the site does not have, or to an anchor the target page lacks."""
    problems = []
    for path, page in sorted(pages.items()):
        for link in page.links:
            target = site_path(base_url, link)
            if target is None:
                continue
            fragment = unquote(urlsplit(link).fragment)
            if not Path(site_root, target).is_file():
                problems.append("%s: link to %s, a missing page" % (path, link))
            elif fragment and target in pages and fragment not in pages[target].anchors:
                problems.append("%s: link to %s, an anchor %s does not have" % (path, link, target))
    return sorted(set(problems))
