"""Leave guides whose page is not written yet out of a staged collection's extra-docs.yml.

    python leave_out_pending_guides.py COLLECTION_DIR NAME...

Each NAME is a guide that docs/docsite/extra-docs.yml may list before docs/docsite/rst/NAME.rst
exists. While the page is missing, its entry is removed from the staged copy (with a warning), so
that the site builds and lints; any other missing page still fails both. Prints nothing when every
named page exists.
"""

import sys
from pathlib import Path

import yaml


def leave_out(collection, names):
    docsite = Path(collection, "docs", "docsite")
    missing = {name for name in names if not (docsite / "rst" / (name + ".rst")).is_file()}
    if not missing:
        return
    index_path = docsite / "extra-docs.yml"
    index = yaml.safe_load(index_path.read_text(encoding="utf-8"))
    for section in index.get("sections", []):
        section["toctree"] = [entry for entry in section.get("toctree", [])
                              if (entry["ref"] if isinstance(entry, dict) else entry) not in missing]
    index_path.write_text(yaml.safe_dump(index, sort_keys=False), encoding="utf-8")
    for name in sorted(missing):
        print("docs: WARNING: docs/docsite/rst/%s.rst does not exist yet; left out of the site" % name)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: %s COLLECTION_DIR NAME..." % sys.argv[0])
    leave_out(sys.argv[1], sys.argv[2:])
