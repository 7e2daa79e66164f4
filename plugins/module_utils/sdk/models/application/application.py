# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""``balena.models.application``: fleets."""

from __future__ import annotations

from ..base import Model
from .actions import ApplicationActions
from .invite import ApplicationInvite
from .membership import ApplicationMembership
from .queries import ApplicationQueries
from .releases import ApplicationReleases
from .variables import ApplicationConfigVariable, ApplicationEnvVariable, ApplicationTag, BuildEnvVariable
from .writes import ApplicationWrites


class Application(ApplicationQueries, ApplicationWrites, ApplicationReleases, ApplicationActions, Model):
    def __init__(self, ctx):
        super(Application, self).__init__(ctx)
        self.tags = ApplicationTag(ctx)
        self.config_var = ApplicationConfigVariable(ctx)
        self.env_var = ApplicationEnvVariable(ctx)
        self.build_var = BuildEnvVariable(ctx)
        self.membership = ApplicationMembership(ctx)
        self.invite = ApplicationInvite(ctx)
