# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
name: cloudlink
short_description: ssh to a balena device's host OS through the balena cloud
version_added: 1.0.0
description:
  - The C(ansible.builtin.ssh) connection with a C(ProxyCommand) that reaches the device through the balena
    tunnel, as C(balena ssh) does. It accepts every option of C(ansible.builtin.ssh) as well.
  - The route is worked out when the connection starts, on the machine that runs the play, so an inventory
    synced elsewhere (AWX) carries no path of the machine that synced it.
  - The token is taken from the play's environment or variables and written to a private file (mode 0600)
    for the helper; it never appears on a command line. The helper reads it once, when ssh starts it.
  - A token with white space around it is refused, as the modules and the inventory plugin refuse it.
  - The inventory plugin P(balena.cloud.balena#inventory) sets the variables of this connection for every host
    when its C(connection_mode) is C(cloudlink).
author:
  - balena.cloud contributors (@balena-cloud-ansible)
options:
  balena_username:
    description:
      - The balena username the token belongs to, sent to the tunnel. The inventory plugin sets it.
    type: str
    required: true
    vars:
      - name: ansible_balena_username
  balena_api_key:
    description:
      - A balena user's API key or session token, read on the machine that runs the play.
    type: str
    env:
      - name: BALENA_API_KEY
      - name: BALENA_API_TOKEN
    vars:
      - name: ansible_balena_api_key
  token_file:
    description:
      - Where the token is written for the helper (mode 0600, directory 0700). This file is left in place
        after the play, and connections that run side by side share it.
      - Without it, each connection writes a file of its own under C(~/.ansible/balena/cloudlink/) of the user
        that runs the play (named by a fingerprint of the token, never the token) and removes it when the
        connection closes.
    type: path
    vars:
      - name: ansible_balena_token_file
  tunnel_host:
    description: The tunnel host. The inventory plugin sets it from its options.
    type: str
    required: true
    vars:
      - name: ansible_balena_tunnel_host
  tunnel_port:
    description: The tunnel port.
    type: int
    default: 443
    vars:
      - name: ansible_balena_tunnel_port
  tunnel_tls:
    description: Whether to speak TLS to the tunnel (false only for test servers).
    type: bool
    default: true
    vars:
      - name: ansible_balena_tunnel_tls
  tunnel_validate_certs:
    description: Whether to verify the tunnel's TLS certificate.
    type: bool
    default: true
    vars:
      - name: ansible_balena_tunnel_validate_certs
  helper_python:
    description:
      - The Python that runs the helper (it needs only the standard library). The default is the Python
        that runs Ansible.
    type: str
    vars:
      - name: ansible_balena_helper_python
notes:
  - The host is C(<uuid>.balena) and the port 22222, as set by the inventory plugin; host keys are checked
    under the name C([<uuid>.balena]:22222).
  - A C(ProxyCommand) given in C(ssh_args) comes before this one and wins, as ssh takes the first value.
"""

EXAMPLES = r"""
# group_vars/all.yml of an inventory not made by the balena inventory plugin
ansible_connection: balena.cloud.cloudlink
ansible_host: "{{ balena_uuid }}.balena"
ansible_port: 22222
ansible_user: my-balena-username
ansible_balena_username: my-balena-username
ansible_balena_tunnel_host: tunnel.balena-cloud.com
"""

import os
import shlex
import sys

from ansible import constants as C
from ansible.errors import AnsibleConnectionFailure
from ansible.module_utils.common.text.converters import to_native
from ansible.plugins.connection import ssh as ssh_plugin
from ansible.plugins.connection.ssh import Connection as SSHConnection
from ansible.plugins.loader import fragment_loader
from ansible.utils.plugin_docs import get_docstring

from ansible_collections.balena.cloud.plugins.module_utils.credentials import (
    api_key_problem, is_blank, labelled, variable_of_origin,
)
from ansible_collections.balena.cloud.plugins.plugin_utils.inventory.cloudlink_token import (
    write_connection_token_file, write_token_file,
)
from ansible_collections.balena.cloud.plugins.plugin_utils.inventory.connection import proxy_command

HELPER = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "plugin_utils", "cloudlink_proxy.py")
PLUGIN_NAME = "balena.cloud.cloudlink"


def _documented_options(path):
    """The options of the plugin at ``path``, its documentation fragments included."""
    return (get_docstring(path, fragment_loader, plugin_type="connection")[0] or {}).get("options") or {}


def _accept_ssh_options(name):
    """Register the options of ``ansible.builtin.ssh`` under this plugin's name, next to its own.

    Read from the plugins' documentation rather than from what the plugin loader registered: the
    loader files ssh's options under a name that differs between ansible-core versions and ways of
    loading (a playbook, an ad-hoc run), and not at all for a plugin it found in its cache.
    """
    if "ssh_common_args" in (C.config.get_configuration_definitions("connection", name) or {}):
        return
    options = dict(_documented_options(ssh_plugin.__file__), **_documented_options(os.path.abspath(__file__)))
    C.config.initialize_plugin_configuration_definitions("connection", name, options)


class Connection(SSHConnection):
    """ssh through the balena cloudlink tunnel"""

    transport = PLUGIN_NAME

    def __init__(self, *args, **kwargs):
        _accept_ssh_options(getattr(self, "_load_name", None) or PLUGIN_NAME)
        super().__init__(*args, **kwargs)
        self._route_set = False
        self._given_common_args = None
        self._own_token_file = None

    def _connect(self):
        if not self._route_set:
            route = "-o " + shlex.quote("ProxyCommand=" + self._proxy_command())
            self._given_common_args = self.get_option("ssh_common_args")
            common = self._given_common_args
            self.set_option("ssh_common_args", route + (" " + common if common else ""))
            self._route_set = True
        return super()._connect()

    def close(self):
        """The helper read the token when ssh started it: the file this connection wrote goes with it."""
        try:
            super().close()
        finally:
            if self._own_token_file:
                try:
                    os.unlink(self._own_token_file)
                except FileNotFoundError:
                    pass
                self._own_token_file = None
            if self._route_set:
                self.set_option("ssh_common_args", self._given_common_args)
                self._route_set = False

    def _token(self):
        token, origin = self.get_option_and_origin("balena_api_key")
        if is_blank(token):
            raise AnsibleConnectionFailure(
                "balena cloudlink needs a balena token where the play runs: set BALENA_API_KEY in its environment "
                "or the variable ansible_balena_api_key")
        problem = api_key_problem(token)
        if problem:
            raise AnsibleConnectionFailure("balena cloudlink: {0}: {1}".format(
                labelled("balena_api_key", variable_of_origin(origin)), problem))
        return token

    def _proxy_command(self):
        token = self._token()
        path = self.get_option("token_file")
        try:
            if path:
                token_file = write_token_file(path, token)
            else:
                token_file = self._own_token_file = write_connection_token_file(token)
        except OSError as error:
            raise AnsibleConnectionFailure("balena cloudlink cannot write the token file {0}: {1}".format(
                path or error.filename, to_native(error.strerror or error)))
        return proxy_command(
            self.get_option("helper_python") or sys.executable, HELPER, self.get_option("tunnel_host"),
            self.get_option("tunnel_port"), self.get_option("tunnel_tls"), self.get_option("balena_username"),
            token_file=token_file, validate_certs=self.get_option("tunnel_validate_certs"))
