# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""How Ansible reaches a device: the connection variables of each ``connection_mode``."""

from __future__ import annotations

import ipaddress
import shlex
from urllib.parse import urlsplit

MODES = ("api", "local", "cloudlink", "none")
HOST_OS_SSH_PORT = 22222
CLOUDLINK_DOMAIN = "balena"
CLOUDLINK_CONNECTION = "balena.cloud.cloudlink"
# balenaOS announces itself over mDNS as <uuid>.local: the address of a device that lists no usable one.
MDNS_SUFFIX = ".local"


def _parsed(address):
    try:
        return ipaddress.ip_address(address)
    except ValueError:
        return None


def _rank(address):
    """Lower is better: private IPv4, other IPv4, global IPv6, other IPv6; link-local and loopback last."""
    if address.is_loopback or address.is_link_local or address.is_unspecified or address.is_multicast:
        return 9
    if address.version == 4:
        return 0 if address.is_private else 1
    return 2 if address.is_global else 3


def lan_address(addresses, networks=()):
    """The address to reach a device on its LAN, from the API's space-separated list.

    Addresses inside ``networks`` (CIDR strings, in order of preference) come first; otherwise a
    private IPv4 address is preferred. None when nothing usable is listed.
    """
    parsed = [(text, _parsed(text)) for text in addresses]
    parsed = [(text, address) for text, address in parsed if address is not None]
    for network in networks:
        subnet = ipaddress.ip_network(str(network), strict=False)
        for text, address in parsed:
            if address.version == subnet.version and address in subnet:
                return text
    usable = [(_rank(address), index, text) for index, (text, address) in enumerate(parsed) if _rank(address) < 9]
    return min(usable)[2] if usable else None


def default_tunnel_host(api_url):
    """``tunnel.<domain>`` for an API at ``api.<domain>`` (balenaCloud: tunnel.balena-cloud.com);
    the API's own host when it is an IP address or a name without a domain (``localhost``)."""
    host = urlsplit(api_url).hostname or ""
    if _parsed(host) is not None or "." not in host:
        return host
    domain = host[len("api."):] if host.startswith("api.") else host
    return "tunnel." + domain


def proxy_command(python, helper, tunnel_host, tunnel_port, tls, username, token_file=None, validate_certs=True):
    """The ``ProxyCommand`` that runs the cloudlink helper; ssh fills in ``%h`` and ``%p``.

    The token is never on this line: it is read from ``token_file`` (mode 0600) or, without one,
    from ``BALENA_API_KEY``/``BALENA_API_TOKEN`` in the helper's environment.
    """
    words = [python, helper, "--tunnel-host", tunnel_host, "--tunnel-port", str(tunnel_port), "--username", username]
    if not tls:
        words.append("--no-tls")
    elif not validate_certs:
        words.append("--insecure")
    if token_file:
        words += ["--token-file", token_file]
    return " ".join(shlex.quote(word) for word in words) + " %h %p"


def connection_variables(mode, record, cloudlink=None, local_networks=(), python_interpreter=None):
    """The variables for one device (an empty dict for ``none``).

    ``cloudlink``: for that mode, the ``balena.cloud.cloudlink`` connection's settings (``username``,
    ``tunnel_host``, ``tunnel_port``, ``tunnel_tls``, ``validate_certs``); the route itself is worked
    out when the connection starts, where the play runs. ``python_interpreter``: for ``api``, set as
    ``ansible_python_interpreter`` when given.
    """
    if mode == "none":
        return {}
    if mode == "api":
        found = {"ansible_connection": "local"}
        if python_interpreter:
            found["ansible_python_interpreter"] = python_interpreter
        return found
    if mode == "local":
        found = {"ansible_connection": "ssh", "ansible_port": HOST_OS_SSH_PORT, "ansible_user": "root"}
        # Never left unset: ssh would then connect to the host name, which the device chose.
        address = lan_address(record.get("ip_addresses") or (), local_networks)
        found["ansible_host"] = address or record["uuid"] + MDNS_SUFFIX
        return found
    if mode == "cloudlink":
        return {
            "ansible_connection": CLOUDLINK_CONNECTION,
            "ansible_host": "{0}.{1}".format(record["uuid"], CLOUDLINK_DOMAIN),
            "ansible_port": HOST_OS_SSH_PORT,
            "ansible_user": cloudlink["username"],
            "ansible_balena_username": cloudlink["username"],
            "ansible_balena_tunnel_host": cloudlink["tunnel_host"],
            "ansible_balena_tunnel_port": cloudlink["tunnel_port"],
            "ansible_balena_tunnel_tls": cloudlink["tunnel_tls"],
            "ansible_balena_tunnel_validate_certs": cloudlink["validate_certs"],
        }
    raise ValueError("connection_mode must be one of {0}".format(", ".join(MODES)))
