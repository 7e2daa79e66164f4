# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Whether a file can be written at ``dest``, checked before anything is fetched or downloaded."""

from __future__ import annotations

import os

from .errors import ParameterError


def check_writable_dest(dest, option="dest", create_parents=True):
    """ParameterError on ``option`` unless a file can be put at ``dest``: it is not a directory, and its
    directory exists (or, with ``create_parents``, the nearest existing ancestor is a directory) and is writable."""
    if os.path.isdir(dest):
        raise ParameterError(option, "{0} is a directory; give the path of a file".format(dest))
    directory = os.path.dirname(os.path.abspath(dest))
    existing = directory
    while not os.path.exists(existing):
        if not create_parents:
            raise ParameterError(option, "the directory of {0} does not exist".format(dest))
        existing = os.path.dirname(existing)
    if not os.path.isdir(existing):
        raise ParameterError(option, "{0} is not a directory, so {1} cannot be written".format(existing, dest))
    if not os.access(existing, os.W_OK | os.X_OK):
        raise ParameterError(option, "directory {0} is not writable, so {1} cannot be written".format(existing, dest))
    if os.path.exists(dest) and not os.access(dest, os.W_OK):
        raise ParameterError(option, "{0} is not writable".format(dest))
