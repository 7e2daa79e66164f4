# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
name: balena
short_description: balena devices as inventory hosts
version_added: 1.0.0
description:
  - Reads the devices of balenaCloud, openBalena or the balena API emulator, one request per page of devices.
  - The selection options (O(fleets), O(organizations), O(device_types), O(online_only), O(overall_status),
    O(os_versions), O(tags), O(filter)) are sent to the server as one OData filter. O(filters) then keeps or drops
    hosts with Jinja conditions over their variables.
  - Groups hosts natively by fleet, organization, device type, online state, overall status, OS version, running
    release and tags (see O(group_by)); C(compose), C(groups) and C(keyed_groups) add more.
  - Sets the connection variables for the chosen way of reaching devices (O(connection_mode)).
  - The configuration file name must end in C(balena.yml) or C(balena.yaml).
author:
  - balena.cloud contributors (@balena-cloud-ansible)
extends_documentation_fragment:
  - ansible.builtin.constructed
  - ansible.builtin.inventory_cache
requirements:
  - python >= 3.9
  - requests
options:
  plugin:
    description: The name of this plugin; it must be V(balena.cloud.balena) for the file to be used.
    type: str
    required: true
    choices: [balena.cloud.balena]
  api_url:
    description:
      - Base URL of the balena API (an openBalena server or the emulator work too).
      - May be a template, for instance a lookup or an extra variable.
    type: str
    default: https://api.balena-cloud.com
    env:
      - name: BALENA_API_URL
  api_key:
    description:
      - A balena API key or session token.
      - May be a template, for instance a vaulted extra variable.
    type: str
    aliases: [api_token]
    env:
      - name: BALENA_API_KEY
      - name: BALENA_API_TOKEN
  validate_certs:
    description: Whether to verify the TLS certificate of O(api_url).
    type: bool
    default: true
    env:
      - name: BALENA_VALIDATE_CERTS
  timeout:
    description: Seconds to wait for each answer of the API.
    type: float
    default: 30
  page_size:
    description:
      - Devices read per request, in id order; each page asks for ids above the last one seen, so
        devices added or removed meanwhile make it skip or repeat no other device.
      - The devices are counted alongside the first page (one request more, sent at the same time),
        and a page shorter than asked ends the reading only once that many devices have come.
    type: int
    default: 1000
  fleets:
    description:
      - Only devices of these fleets, given by id, slug (V(org/fleet-name)) or name (in any organization).
    type: list
    elements: raw
    default: []
  organizations:
    description: Only devices of fleets of these organizations, given by handle or id.
    type: list
    elements: raw
    default: []
  device_types:
    description: Only devices of these device types (slugs, for example V(raspberrypi4-64)).
    type: list
    elements: str
    default: []
  online_only:
    description: Only devices that are online.
    type: bool
    default: false
  overall_status:
    description: Only devices with one of these overall statuses (for example V(operational), V(updating)).
    type: list
    elements: str
    default: []
  os_versions:
    description:
      - Only devices running one of these balenaOS versions. A version selects its finer versions too
        (V(6.0) selects C(balenaOS 6.0.13)). The C(balenaOS) word may be left out.
    type: list
    elements: str
    default: []
  tags:
    description:
      - Only devices with one of these tags, each V(KEY) (any value) or V(KEY=VALUE).
    type: list
    elements: str
    default: []
  filter:
    description:
      - A raw OData C($filter) expression over C(device), combined with the other selection options with C(and).
      - For example V(startswith(device_name,'line-'\)).
    type: str
  filters:
    description:
      - Conditions over each host's variables (after the server-side selection), tried in order.
        The first that matches decides; a host that matches none is kept.
      - Each item has one key, C(include) or C(exclude), whose value is a Jinja conditional.
    type: list
    elements: dict
    default: []
  hostnames:
    description:
      - Preference list for the host name. Each item is V(device_name), V(uuid), V(short_uuid) (7 characters) or a
        template over the host variables, such as V({{ balena_fleet | split('/'\) | last }}-{{ balena_short_uuid }}).
        The first item that gives a non-empty value is used.
      - A name taken from device data never makes a device the controller or an unaddressable host. A name that
        Ansible treats as the controller itself (V(localhost), V(localhost.localdomain), V(127.0.0.1), V(::1), any
        loopback address or C(*.localhost) name), an empty name, a name starting with C(-), and a name with
        whitespace or a character a C(--limit) pattern gives a meaning to (a comma, a colon, C(!), C(&), C(*),
        C(?), C([), C(]), C(~), C(@), quotes, backslash) is replaced by the device's uuid, with a warning naming the device.
        Loopback addresses count in every form the resolver accepts (C(127.1), C(0), C(0x7f000001), C(2130706433)).
        A blank device name is replaced too (with the warning), not skipped for the next choice.
      - So is a name equal to a group name (C(all), C(ungrouped), the groups of O(group_by), groups of other
        inventory sources, groups made by C(groups) and C(keyed_groups)), and a name that looks like a device uuid
        (32 or 62 hexadecimal characters, or any device's uuid) other than the device's own.
      - Names that never change while the device exists are V(uuid) and V(short_uuid). V(device_name) and
        templates change when someone renames the device, moves it to another fleet or retags it, and AWX then
        deletes the host and creates a new one (losing its host variables, facts and job history).
    type: list
    elements: str
    default: [device_name, uuid]
  duplicate_names:
    description:
      - What to do when several devices get the same host name (device names are unique only within a fleet).
      - V(suffix) names each of them C(<name>-<short uuid>); V(warn) does the same and warns; V(error) fails.
      - When all but one of the devices sharing a name are deleted, the one left gets the plain name again
        (C(<name>) instead of C(<name>-<short uuid>)); AWX then replaces its host with a new one. Use
        O(hostnames) V(uuid) where host names must never change.
    type: str
    choices: [error, warn, suffix]
    default: suffix
  hostvars_prefix:
    description:
      - Prefix of every host variable the plugin sets from the API (C(balena_fleet), C(balena_tags), ...).
      - A prefix that would produce a name Ansible reserves (C(tags), C(name), C(environment), ...) is refused.
    type: str
    default: balena_
  python_interpreter:
    description:
      - For O(connection_mode=api), the C(ansible_python_interpreter) of every host. Unset, the plugin sets
        none, because a path of the machine that syncs the inventory (AWX runs it in another container than the
        jobs) means nothing where the play runs.
      - 'The usual setting is rather the line C(ansible_python_interpreter: "{{ ansible_playbook_python }}") in
        C(group_vars/all.yml) next to the inventory file: the Python that runs the play, wherever it runs.'
    type: str
  group_by:
    description: The native groups to build (no Jinja involved).
    type: list
    elements: str
    choices: [fleet, organization, device_type, online, overall_status, os_version, release, tag_key, tag]
    default: [fleet, organization, device_type, online, overall_status, os_version, release, tag_key, tag]
  group_prefixes:
    description:
      - Group name prefix per O(group_by) axis. Defaults are C(fleet_), C(org_), C(device_type_), none for C(online)
        and C(offline), C(status_), C(os_), C(release_) (then the first 7 characters of the commit), and C(tag_)
        for both C(tag_<key>) and C(tag_<key>_<value>).
      - Characters other than letters, digits and C(_) become C(_), so names are valid and Ansible does not warn.
      - A group name from device data (an empty prefix, or C(keyed_groups) without a leading separator) that names
        the controller (C(localhost), ...), is C(all) or C(ungrouped), or is the name of a host of another source is
        not made; a warning names the device or the group.
    default: {}
  fetch_variables:
    description:
      - Add C(<prefix>env) and C(<prefix>config), the device's effective environment and configuration variables
        (the fleet's, overridden by the device's). Read in batches, only for hosts that passed O(filters).
    type: bool
    default: false
  fetch_service_status:
    description:
      - Add C(<prefix>services), each service's install status on the device. Read in batches, only for hosts that
        passed O(filters).
    type: bool
    default: false
  fetch_concurrency:
    description: At most this many batch requests of O(fetch_variables) and O(fetch_service_status) at a time.
    type: int
    default: 4
  strict_permissions:
    description:
      - When V(false), an HTTP 401 or 403 answer while reading the details of O(fetch_variables) or
        O(fetch_service_status) is a warning, and the host variables of that detail are left empty,
        instead of failing the whole inventory. The devices themselves must always be readable.
    type: bool
    default: true
  connection_mode:
    description:
      - V(api) sets C(ansible_connection=local), for plays that manage each device through the API
        (with O(hostvars_prefix) C(balena_), pass C(device={{ balena_uuid }}) to the modules). The modules need
        the Python that has the collection's libraries; set C(ansible_python_interpreter) in C(group_vars) (see
        O(python_interpreter)).
      - V(local) connects with ssh to the host OS on port 22222 as C(root), at the device's LAN address
        (see O(local_networks)); a device that lists no usable IP address gets C(ansible_host=<uuid>.local), the
        mDNS name balenaOS announces, never its host name.
      - V(cloudlink) connects with ssh to the host OS through the balena cloud, as C(balena ssh) does, with the
        connection plugin P(balena.cloud.cloudlink#connection); host C(<uuid>.balena), port 22222, the balena
        username, and the tunnel's address. The route and the token are worked out when a connection starts,
        where the play runs; the token comes from E(BALENA_API_KEY) there (or the variable
        C(ansible_balena_api_key)), never from the inventory.
      - V(none) sets no connection variables.
    type: str
    choices: [api, local, cloudlink, none]
    default: api
  local_networks:
    description:
      - For O(connection_mode=local), networks (CIDR) whose addresses are preferred, in order. Without a match a
        private IPv4 address is preferred. Hosts with no usable address get C(ansible_host=<uuid>.local).
    type: list
    elements: str
    default: []
  cloudlink_tunnel_host:
    description:
      - For O(connection_mode=cloudlink), the tunnel host. The default is C(tunnel.<domain>) of O(api_url), or
        the host of O(api_url) itself when that is an IP address or a name without a domain (C(localhost)).
    type: str
  cloudlink_tunnel_port:
    description: For O(connection_mode=cloudlink), the tunnel port.
    type: int
    default: 443
  cloudlink_tunnel_tls:
    description: For O(connection_mode=cloudlink), whether to speak TLS to the tunnel (false only for test servers).
    type: bool
    default: true
notes:
  - With the inventory cache on, the raw API answers are cached under a key made of O(api_url), a fingerprint of
    O(api_key) and the selection options. A cache hit does not extend the cache's lifetime.
  - Hosts that end up in no group are in C(ungrouped); the plugin forces no group of its own.
  - Device data is never trusted as a template.
  - Unknown options fail the source, naming the valid ones. Fleets and organizations named in O(fleets) and
    O(organizations) that do not exist (or that the key cannot see) fail it too.
  - Set C(inventory_any_unparsed_is_failed) (E(ANSIBLE_INVENTORY_ANY_UNPARSED_IS_FAILED=true)) so that a source
    that fails (an API that cannot be reached, a refused key, a wrong option) stops the play instead of
    leaving an empty inventory behind.
  - "Host variables, with O(hostvars_prefix) V(balena_): C(balena_id) (int), C(balena_uuid) (str),
    C(balena_short_uuid) (str), C(balena_device_name) (str), C(balena_note) (str or null), C(balena_fleet) (str,
    the fleet's slug), C(balena_fleet_id) (int), C(balena_organization) (str, handle), C(balena_device_type)
    (str, slug), C(balena_is_online) (bool), C(balena_overall_status) (str), C(balena_api_heartbeat_state) (str),
    C(balena_is_connected_to_vpn) (bool), C(balena_os_version) (str or null), C(balena_os_variant) (str or
    null), C(balena_supervisor_version) (str or null), C(balena_ip_addresses) (list of str),
    C(balena_public_address) (str or null), C(balena_mac_addresses) (list of str), C(balena_release) (str or
    null, commit), C(balena_release_version) (str or null), C(balena_target_release) (str or null, commit),
    C(balena_target_release_version) (str or null), C(balena_tags) (dict of str), C(balena_env) (dict of str,
    with O(fetch_variables)), C(balena_config) (dict of str, with O(fetch_variables)), C(balena_services) (dict of
    dict, with O(fetch_service_status))."
  - "Connection variables: C(ansible_connection) (str), C(ansible_python_interpreter) (str, only with
    O(python_interpreter)), C(ansible_host) (str), C(ansible_port) (int), C(ansible_user) (str),
    C(ansible_balena_username) (str), C(ansible_balena_tunnel_host) (str), C(ansible_balena_tunnel_port) (int),
    C(ansible_balena_tunnel_tls) (bool), C(ansible_balena_tunnel_validate_certs) (bool)."
"""

EXAMPLES = r"""
# demo.balena.yml: every device the key can see, reached through the API.
plugin: balena.cloud.balena

---
# fleets.balena.yml: two fleets, online devices only, over ssh through the balena cloud.
plugin: balena.cloud.balena
api_key: "{{ vault_balena_api_key }}"
fleets: [acme/factory-gateways, acme/warehouse-scanners]
online_only: true
connection_mode: cloudlink
filters:
  - exclude: balena_tags.maintenance is defined
keyed_groups:
  - key: balena_tags.line | default('none')
    prefix: line

---
# lan.balena.yml: production devices on the office LAN, named after their uuid.
plugin: balena.cloud.balena
tags: [tier=production]
hostnames: [short_uuid]
connection_mode: local
local_networks: [192.168.0.0/16]
cache: true
cache_plugin: ansible.builtin.jsonfile
cache_connection: ~/.cache/ansible-inventory
cache_timeout: 600
"""

import json
import os
import stat

from ansible import constants as C
from ansible.errors import AnsibleParserError
from ansible.module_utils.common.text.converters import to_native
from ansible.plugins.inventory import BaseInventoryPlugin, Cacheable, Constructable
from ansible.vars.reserved import get_reserved_names

from ansible_collections.balena.cloud.plugins.module_utils.credentials import (
    api_key_problem, boolean_problem, is_blank, labelled, variable_of_origin,
)
from ansible_collections.balena.cloud.plugins.plugin_utils.inventory import cache_key as cache_keys
from ansible_collections.balena.cloud.plugins.plugin_utils.inventory import clashes
from ansible_collections.balena.cloud.plugins.plugin_utils.inventory import enrichment
from ansible_collections.balena.cloud.plugins.plugin_utils.inventory.clashes import group_name_problem, unsafe_name_warning
from ansible_collections.balena.cloud.plugins.plugin_utils.inventory.connection import (
    MDNS_SUFFIX, connection_variables, default_tunnel_host,
)
from ansible_collections.balena.cloud.plugins.plugin_utils.inventory.device_record import device_record
from ansible_collections.balena.cloud.plugins.plugin_utils.inventory.groups import GroupNamer
from ansible_collections.balena.cloud.plugins.plugin_utils.inventory.hostnames import (
    describe_duplicates, pick_name, resolve_duplicates, safe_names,
)
from ansible_collections.balena.cloud.plugins.plugin_utils.inventory.hostvars import exported_names, host_variables
from ansible_collections.balena.cloud.plugins.plugin_utils.inventory.options import (
    MINIMUMS as RANGE_CHECKED, range_problem, unknown_options, url_problem, value_problems,
)
from ansible_collections.balena.cloud.plugins.plugin_utils.inventory.selection import (
    SELECTION_OPTIONS, SelectionError, device_query,
)
from ansible_collections.balena.cloud.plugins.plugin_utils.inventory.selection_check import (
    missing_device_types, missing_selection,
)

try:
    from ansible_collections.balena.cloud.plugins.module_utils.client import connect, sdk_available
    from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import BalenaException, NotLoggedIn, RequestError
    SDK_IMPORT_ERROR = None
except ImportError as import_error:  # a library the SDK needs is missing
    SDK_IMPORT_ERROR = import_error

CACHE_FORMAT = 1
TEMPLATED_OPTIONS = ("api_url", "api_key", "fleets", "organizations", "device_types", "overall_status", "os_versions",
                     "tags", "filter", "cloudlink_tunnel_host")


def _to_cache(data):
    # One JSON string rather than a tree: cache plugins then decode a single value, which is many
    # times faster than letting them rebuild thousands of dicts through Ansible's own decoder.
    return json.dumps(data, separators=(",", ":"))


def _from_cache(entry):
    """The cached data, or None for an entry this version does not understand."""
    try:
        data = json.loads(entry) if isinstance(entry, str) else None
    except ValueError:
        return None
    return data if isinstance(data, dict) and data.get("format") == CACHE_FORMAT else None


class InventoryModule(BaseInventoryPlugin, Constructable, Cacheable):
    NAME = "balena.cloud.balena"
    _balena = None  # the SDK client, made on first use: a warm cache needs none

    def __init__(self):
        super().__init__()
        self._cache_keys = set()

    def verify_file(self, path):
        return super().verify_file(path) and path.endswith(("balena.yml", "balena.yaml"))

    def parse(self, inventory, loader, path, cache=True):
        super().parse(inventory, loader, path, cache)
        config = self._read_config_data(path)
        unknown = unknown_options(config, self._option_definitions())
        if unknown:
            raise AnsibleParserError("{0}: unknown option(s) {1}; valid options are {2}".format(
                path, ", ".join(unknown), ", ".join(sorted(self._option_definitions()))))
        problems = value_problems(config, self._option_definitions())
        problems += filter(None, (range_problem(name, self.get_option(name)) for name in RANGE_CHECKED))
        if problems:
            raise AnsibleParserError("{0}: {1}".format(path, "; ".join(problems)))
        if SDK_IMPORT_ERROR is not None or not sdk_available():
            raise AnsibleParserError("the balena inventory needs the Python library 'requests': {0}".format(
                to_native(SDK_IMPORT_ERROR or "not installed")))
        options = self._templated_options()
        problem = url_problem("api_url", options["api_url"])
        if problem:
            raise AnsibleParserError("{0}: {1}".format(path, problem))
        problem = self._credential_problem(options)
        if problem:
            raise AnsibleParserError("{0}: {1}".format(path, problem))
        selection = {name: options[name] for name in SELECTION_OPTIONS}
        mode = self.get_option("connection_mode")
        key = cache_keys.cache_key(self.get_cache_key(path), options["api_url"], options["api_key"],
                                   dict(selection, connection_mode=mode))
        use_cache = self.get_option("cache") and cache
        update_cache = self.get_option("cache") and not cache
        data = None
        if use_cache:
            try:
                data = _from_cache(self._cache[key])
            except KeyError:
                update_cache = True
            if data is None:
                update_cache = True
        if data is None:
            data = self._fetch(options, selection, mode)
        else:
            self.display.vvv("balena inventory: {0} devices from the cache".format(len(data["devices"])))
        populated = self._populate(data, options, mode)
        if populated is not data:
            update_cache = update_cache or bool(self.get_option("cache"))
        if update_cache:
            # Written only with new data: a cache hit alone leaves the entry (and its age) as it was.
            self._cache[key] = _to_cache(populated)
        if self.get_option("cache"):
            self._cache_keys.add(key)

    # -- options ---------------------------------------------------------------------------------
    def _option_definitions(self):
        return C.config.get_configuration_definitions("inventory", self._load_name) or {}

    def _templated_options(self):
        self.templar.available_variables = self._vars or {}
        options = {}
        for name in TEMPLATED_OPTIONS:
            value = self.get_option(name)
            if value is not None:
                value = self.templar.template(value)
            options[name] = value
        options["online_only"] = self.get_option("online_only")
        options["validate_certs"] = self.get_option("validate_certs")
        options["timeout"] = float(self.get_option("timeout"))
        return options

    def _credential_problem(self, options):
        """What is wrong with api_key or validate_certs, checked as the modules check them."""
        if is_blank(options["api_key"]):
            return "no balena API key: set api_key in this file, or BALENA_API_KEY in the environment"
        key_variable = variable_of_origin(self.get_option_and_origin("api_key")[1])
        problem = api_key_problem(options["api_key"])
        if problem:
            return "{0}: {1}".format(labelled("api_key", key_variable), problem)
        # Ansible reads a boolean it does not know as false: that must not turn certificate checks off.
        certs_variable = variable_of_origin(self.get_option_and_origin("validate_certs")[1])
        problem = boolean_problem(os.environ.get(certs_variable)) if certs_variable else None
        if problem:
            return "{0}: {1}".format(labelled("validate_certs", certs_variable), problem)
        return None

    # -- reading the API ---------------------------------------------------------------------------
    def _client(self, options):
        if self._balena is None:
            self._balena = connect({"api_url": options["api_url"], "api_key": options["api_key"],
                                    "validate_certs": options["validate_certs"], "timeout": options["timeout"]})
        return self._balena

    def _fetch(self, options, selection, mode):
        try:
            query = device_query(selection)
        except SelectionError as error:
            raise AnsibleParserError(to_native(error))
        balena = self._client(options)
        try:
            rows = list(balena.pine.iterate(query, int(self.get_option("page_size")), check_count=True))
        except BalenaException as error:
            raise AnsibleParserError(self._api_problem(error, "reading devices", options))
        self.display.vvv("balena inventory: {0} devices read from {1}".format(len(rows), options["api_url"]))
        username = None
        if mode == "cloudlink" or not rows:
            # An unknown key reads as a guest, who sees no device: tell that apart from an empty selection.
            username = self._username(balena, options)
        self._check_selection_exists(balena, selection, rows, options)
        return {"format": CACHE_FORMAT, "devices": rows, "username": username, "enrichment": {}}

    def _check_selection_exists(self, balena, selection, rows, options):
        try:
            missing = missing_selection(balena.pine, selection.get("fleets") or (), selection.get("organizations") or (), rows)
            missing += filter(None, [missing_device_types(balena.pine, selection.get("device_types") or (), rows)])
        except BalenaException as error:
            raise AnsibleParserError(self._api_problem(error, "checking the fleets, organizations and device types",
                                                       options))
        if missing:
            raise AnsibleParserError("the balena API at {0} has no {1} (or the API key cannot see them)".format(
                options["api_url"], " and no ".join(missing)))

    def _username(self, balena, options):
        try:
            actor = balena.auth.whoami()
        except NotLoggedIn:
            raise AnsibleParserError("the balena API at {0} did not accept the API key (HTTP 401): check api_key "
                                     "or BALENA_API_KEY".format(options["api_url"]))
        except BalenaException as error:
            raise AnsibleParserError(self._api_problem(error, "reading who the API key belongs to", options))
        return actor.get("username")

    def _api_problem(self, error, action, options):
        status = getattr(error, "status_code", None)
        if isinstance(error, RequestError) and status is None:
            return "cannot reach the balena API at {0} while {1}: {2}".format(options["api_url"], action, to_native(error))
        if status == 401:
            # A valid key that may not do this (a device's key reading devices) is answered 401 too.
            return ("the balena API at {0} refused {1} with this API key (HTTP 401): the key is unknown, or is not a "
                    "user's key (a device's key, for instance); check api_key or BALENA_API_KEY").format(
                        options["api_url"], action)
        if status == 400 and options.get("filter"):
            return "the balena API rejected the device query (HTTP 400: {0}); check the filter option: {1}".format(
                to_native(getattr(error, "body", error)), options["filter"])
        if status is not None:
            return "the balena API answered HTTP {0} while {1}: {2}".format(status, action, to_native(getattr(error, "body", error)))
        return "balena API error while {0}: {1}".format(action, to_native(error))

    def _wanted_details(self):
        """The optional per-device details asked for: ``env``, ``config``, ``services``."""
        variables = self.get_option("fetch_variables")
        services = self.get_option("fetch_service_status")
        return [name for name, on in (("env", variables), ("config", variables), ("services", services)) if on]

    def _enrich(self, data, records, options):
        """``data`` with the details of ``records`` that it lacks (a new dict when something was read)."""
        wanted = self._wanted_details()
        known = data.get("enrichment") or {}
        missing = [record for record in records if any(str(record["id"]) not in known.get(name, {}) for name in wanted)]
        if not missing:
            return data
        on_denied = None if self.get_option("strict_permissions") else self._warn_denied
        try:
            found = enrichment.fetch(self._client(options).pine, missing, variables="env" in wanted,
                                     services="services" in wanted, concurrency=self.get_option("fetch_concurrency"),
                                     on_denied=on_denied)
        except BalenaException as error:
            raise AnsibleParserError(self._api_problem(error, "reading device details", options))
        merged = {name: dict(known.get(name, {}), **found.get(name, {})) for name in set(known) | set(found)}
        return dict(data, enrichment=merged)

    def _warn_denied(self, job, error):
        owner, _sep, kind = job.partition("_")
        detail = {"env": "environment variables", "config": "configuration variables"}.get(owner, "service status")
        whose = {"device": "devices' ", "fleet": "fleets' "}.get(kind, "")
        self.display.warning("balena inventory: the API refused to show the {0}{1} (HTTP {2}); with strict_permissions "
                             "false, those host variables are left empty".format(whose, detail, error.status_code))

    # -- building the inventory ----------------------------------------------------------------------
    def _populate(self, data, options, mode):
        prefix = self.get_option("hostvars_prefix")
        records = [device_record(row) for row in data.get("devices") or ()]
        extra_keys = self._wanted_details()
        try:
            names = exported_names(list(records[0]) + extra_keys if records else extra_keys, prefix, get_reserved_names())
        except ValueError as error:
            raise AnsibleParserError(to_native(error))
        hosts = [(record, host_variables(record, names)) for record in records]
        hosts = [(record, variables) for record, variables in hosts if self._passes_filters(variables)]

        data = self._enrich(data, [record for record, _variables in hosts], options)
        for name in extra_keys:
            per_device = data["enrichment"].get(name, {})
            for record, variables in hosts:
                variables[names[name]] = per_device.get(str(record["id"]), {})

        connection = self._connection_settings(options, mode, data)
        try:
            namer = GroupNamer(self.get_option("group_by"), self.get_option("group_prefixes"))
        except ValueError as error:
            raise AnsibleParserError(to_native(error))
        groups_before = set(self.inventory.groups)
        native_groups = [self._native_groups(namer, record) for record, _variables in hosts]
        hostnames = self._hostnames(hosts, groups_before.union(*native_groups))
        local_networks = self.get_option("local_networks")
        strict = self.get_option("strict")
        constructed = any(self.get_option(name) for name in ("compose", "groups", "keyed_groups"))
        made_groups = set()
        ours = {}
        unreachable = 0
        for hostname, (record, variables), groups in zip(hostnames, hosts, native_groups):
            if hostname in self.inventory.groups:
                # A group made by compose/groups/keyed_groups for an earlier device.
                self._warn_unsafe_name(hostname, record, "it is the name of a group")
                hostname = record["uuid"]
            variables.update(connection_variables(mode, record, connection, local_networks,
                                                  self.get_option("python_interpreter")))
            if mode == "local" and variables.get("ansible_host", "").endswith(MDNS_SUFFIX):
                unreachable += 1
            self.inventory.add_host(hostname)
            ours[hostname] = record
            for name, value in variables.items():
                self.inventory.set_variable(hostname, name, value)
            for group in groups:
                if group not in made_groups:
                    self.inventory.add_group(group)
                    made_groups.add(group)
                self.inventory.add_child(group, hostname)
            if constructed:
                self._set_composite_vars(self.get_option("compose"), variables, hostname, strict=strict)
                self._add_host_to_composed_groups(self.get_option("groups"), variables, hostname, strict=strict)
                self._add_host_to_keyed_groups(self.get_option("keyed_groups"), variables, hostname, strict=strict)
        if constructed:
            clashes.settle(self.inventory, groups_before, ours, self.display.warning)
        if unreachable:
            self.display.vvv("balena inventory: {0} devices list no LAN address; they have ansible_host "
                             "<uuid>.local".format(unreachable))
        return data

    def _native_groups(self, namer, record):
        groups = []
        for group in namer.groups(record):
            reason = group_name_problem(group, self.inventory.hosts)
            if reason:
                self.display.warning("balena inventory: device {0} is not put in group {1!r}: {2}".format(
                    record["uuid"], group, reason))
            else:
                groups.append(group)
        return groups

    def _passes_filters(self, variables):
        for rule in self.get_option("filters"):
            if not isinstance(rule, dict) or len(rule) != 1 or not set(rule) <= {"include", "exclude"}:
                raise AnsibleParserError("filters: each item needs exactly one key, include or exclude; got {0!r}".format(rule))
            (kind, condition), = rule.items()
            self.templar.available_variables = self._template_variables(variables)
            try:
                matched = self.templar.evaluate_conditional(condition)
            except Exception as error:  # pylint: disable=broad-exception-caught  # any template problem is the user's
                raise AnsibleParserError("filters: cannot evaluate {0} {1!r}: {2}".format(kind, condition, to_native(error)))
            if matched:
                return kind == "include"
        return True

    def _template_variables(self, variables):
        if self.get_option("use_extra_vars") and self._vars:
            return dict(self._vars, **variables)
        return variables

    def _hostnames(self, hosts, groups):
        choices = self.get_option("hostnames")

        def render(variables):
            def evaluate(template):
                self.templar.available_variables = self._template_variables(variables)
                try:
                    return self.templar.template(template)
                except Exception as error:  # pylint: disable=broad-exception-caught
                    raise AnsibleParserError("hostnames: cannot evaluate {0!r}: {1}".format(template, to_native(error)))
            return evaluate

        try:
            named = safe_names([(pick_name(record, choices, render(variables)), record) for record, variables in hosts],
                               self._warn_unsafe_name, groups)
            policy = self.get_option("duplicate_names")
            names, duplicates = resolve_duplicates(named, policy)
        except ValueError as error:
            raise AnsibleParserError(to_native(error))
        if duplicates and policy == "warn":
            self.display.warning("balena inventory: devices share host names, each was given its short uuid as a "
                                 "suffix: " + describe_duplicates(duplicates))
        return names

    def _warn_unsafe_name(self, name, record, reason):
        self.display.warning(unsafe_name_warning(name, record, reason))

    def _connection_settings(self, options, mode, data):
        if mode != "cloudlink":
            return None
        username = data.get("username")
        if not username:
            raise AnsibleParserError("connection_mode cloudlink needs a user's API key: the key in use belongs to no user")
        return {"username": username,
                "tunnel_host": options["cloudlink_tunnel_host"] or default_tunnel_host(options["api_url"]),
                "tunnel_port": self.get_option("cloudlink_tunnel_port"),
                "tunnel_tls": self.get_option("cloudlink_tunnel_tls"),
                "validate_certs": options["validate_certs"]}

    # -- cache -------------------------------------------------------------------------------------
    def update_cache_if_changed(self):
        """Write the cache, then make the files of a file-based cache readable by their owner only
        (an entry written by an earlier version included)."""
        super().update_cache_if_changed()
        directory = getattr(getattr(self._cache, "_plugin", None), "_cache_dir", None)
        if not directory or not self._cache_keys:
            return
        for name in os.listdir(directory):
            # File names are the cache prefix and the key (possibly re-encoded), which ends with our digest.
            if any(name.endswith(key.rsplit("_", 1)[-1]) for key in self._cache_keys):
                os.chmod(os.path.join(directory, name), stat.S_IRUSR | stat.S_IWUSR)
