# Sphinx configuration of the collection's documentation site, built by tools/build-docs.sh
# (`make docs`). The build works offline: the one intersphinx inventory, of the Ansible documentation
# pages the site links to, is written locally by ansible_docs_inventory.py next to the source
# directory, and is never downloaded. Any reference that does not resolve fails the build.

project = 'balena.cloud'
copyright = 'balena.cloud contributors'

title = 'balena.cloud Ansible collection'
html_short_title = 'balena.cloud'

extensions = ['sphinx.ext.intersphinx', 'sphinx_antsibull_ext']

# A local path only (relative to the source directory): intersphinx reads it and fetches nothing.
intersphinx_mapping = {
    'ansible_devel': ('https://docs.ansible.com/projects/ansible/devel/', '../ansible_devel.inv'),
}

pygments_style = 'ansible'

highlight_language = 'YAML+Jinja'

html_theme = 'sphinx_ansible_theme'
html_show_sphinx = False

display_version = False

html_use_smartypants = True
html_use_modindex = False
html_use_index = False
html_copy_source = False

default_role = 'any'

nitpicky = True

html_theme_options = {
    'topbar_links': {
        'balena.cloud on GitHub': 'https://github.com/balena-cloud-ansible/balena.cloud',
        'balena documentation': 'https://docs.balena.io/',
    },
    'show_extranav': False,
}
