# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The checks of the credential options (``api_key``, ``validate_certs``) that the modules, the
inventory plugin and the cloudlink connection share, whether a value came from the task, the
inventory file or an environment variable (as AWX injects them).

A message names the option and, when the value came from one, the environment variable, and never
shows an API key. A key with white space around it is refused rather than trimmed: a secret
altered in silence would hide a credential stored wrongly."""

from __future__ import annotations

import os

from ansible.module_utils.basic import AnsibleFallbackNotFound
from ansible.module_utils.parsing.convert_bool import BOOLEANS_FALSE, BOOLEANS_TRUE

MISSING_KEY = ("no API key given: set the api_key option, or the BALENA_API_KEY (or BALENA_API_TOKEN) environment "
               "variable where the module runs")
KEY_WITH_WHITE_SPACE = ("starts or ends with white space (a line break or a space stored along with the key); remove it "
                        "where the key is kept")
BAD_KEY_CHARACTERS = ("contains characters not allowed in an API key (only printable ASCII characters without spaces "
                      "are)")

# Where a module's option came from when the task did not give it: {option: environment variable}.
ENVIRONMENT_ORIGINS = {}


def is_blank(value):
    """Unset, empty or white space only: a key that is not there (and not a secret to mask in the output)."""
    return value is None or not str(value).strip()


def api_key_problem(value):
    """What is wrong with a given API key, or None; the key itself is never part of the answer."""
    if is_blank(value):
        return MISSING_KEY
    if value != value.strip():
        return KEY_WITH_WHITE_SPACE
    if any(not "!" <= character <= "~" for character in value):
        return BAD_KEY_CHARACTERS
    return None


def boolean_problem(value):
    """What is wrong with a boolean given as text (an environment variable), or None."""
    if isinstance(value, bool) or value is None:
        return None
    if str(value).strip().lower() in BOOLEANS_TRUE | BOOLEANS_FALSE or value in BOOLEANS_TRUE | BOOLEANS_FALSE:
        return None
    return "{0!r} is not a boolean; use true or false (yes/no, on/off and 1/0 work too)".format(str(value))


def labelled(option, variable=None):
    """``api_key``, or ``api_key (from BALENA_API_KEY)`` for a value read from that variable."""
    return "{0} (from {1})".format(option, variable) if variable else option


def variable_of_origin(origin):
    """The environment variable of an Ansible configuration origin (``env: BALENA_API_KEY``), or None."""
    if isinstance(origin, str) and origin.startswith("env:"):
        return origin.split(":", 1)[1].strip()
    return None


def recording_env_fallback(option, boolean=False):
    """An ``env_fallback`` for ``option`` that remembers in ``ENVIRONMENT_ORIGINS`` which variable
    gave it. With ``boolean``, a variable that holds no boolean leaves the default in place here;
    ``environment_problems`` then reports it, naming the variable."""
    def fallback(*variables):
        for variable in variables:
            if variable in os.environ:
                ENVIRONMENT_ORIGINS[option] = variable
                value = os.environ[variable]
                if boolean and boolean_problem(value):
                    raise AnsibleFallbackNotFound
                return value
        raise AnsibleFallbackNotFound
    return fallback


def environment_problems(boolean_options):
    """Messages for the options of ``boolean_options`` whose environment variable holds no boolean."""
    problems = []
    for option in boolean_options:
        variable = ENVIRONMENT_ORIGINS.get(option)
        problem = boolean_problem(os.environ.get(variable)) if variable else None
        if problem:
            problems.append("{0}: {1}".format(labelled(option, variable), problem))
    return problems
