# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(__file__))

from fake_api import make_context  # noqa: E402  pylint: disable=wrong-import-position


@pytest.fixture
def ctx():
    return make_context()


@pytest.fixture
def api(ctx):
    return ctx.transport


@pytest.fixture
def models(ctx):
    from ansible_collections.balena.cloud.plugins.module_utils.sdk.models import Models
    return Models(ctx)
