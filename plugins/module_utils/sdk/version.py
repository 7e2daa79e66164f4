# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The version of this SDK (not of the official one it mirrors)."""

from __future__ import annotations

__version__ = "1.0.0"
