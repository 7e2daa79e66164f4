"""Write the intersphinx inventory of the Ansible documentation pages the site links to.

The pages antsibull-docs generates refer to a few targets of the Ansible documentation (the common
return values, the configuration settings and their environment variables). Sphinx resolves them
through this small inventory, written locally, so that the build downloads nothing. A target missing
here fails the build (``-W``) with "undefined label" or "reference target not found": add it below.

    python ansible_docs_inventory.py OUTPUT
"""

import sys
import zlib

ANSIBLE_DOCS = "https://docs.ansible.com/projects/ansible/devel/"
CONFIG_PAGE = "reference_appendices/config.html"

LABELS = {
    "common_return_values": (
        "reference_appendices/common_return_values.html#common-return-values", "Return Values"),
    "ansible_configuration_settings": (
        CONFIG_PAGE + "#ansible-configuration-settings", "Ansible Configuration Settings"),
}

ENVIRONMENT_VARIABLES = (
    "ANSIBLE_CACHE_PLUGIN",
    "ANSIBLE_CACHE_PLUGIN_CONNECTION",
    "ANSIBLE_CACHE_PLUGIN_PREFIX",
    "ANSIBLE_CACHE_PLUGIN_TIMEOUT",
    "ANSIBLE_INVENTORY_ANY_UNPARSED_IS_FAILED",
)


def inventory_lines():
    for name, (uri, title) in sorted(LABELS.items()):
        yield "%s std:label -1 %s %s" % (name, uri, title)
    for name in ENVIRONMENT_VARIABLES:
        yield "%s std:envvar 1 %s#envvar-%s -" % (name, CONFIG_PAGE, name)


def write_inventory(path):
    header = (
        "# Sphinx inventory version 2\n"
        "# Project: Ansible\n"
        "# Version: devel\n"
        "# The remainder of this file is compressed using zlib.\n"
    )
    body = "".join(line + "\n" for line in inventory_lines())
    with open(path, "wb") as handle:
        handle.write(header.encode("utf-8"))
        handle.write(zlib.compress(body.encode("utf-8")))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: %s OUTPUT" % sys.argv[0])
    write_inventory(sys.argv[1])
