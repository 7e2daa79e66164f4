"""Services of a fleet, their labels and variables."""
from __future__ import annotations

from ..declare import Resource, Reverse
from . import access
from .keyed_values import label, variable
from .shorthand import link, string

SERVICE = Resource(
    name="service",
    fields=(
        link("application", "application", required=True),
        string("service_name", required=True, max_length=63),
    ),
    aliases=("application__has__service_name",),
    unique=(("application", "service_name"),),
    reverse=(
        Reverse("service_label", "service_label", "service"),
        Reverse("service_environment_variable", "service_environment_variable", "service"),
        Reverse("service_install", "service_install", "installs__service"),
        Reverse("is_built_by__image", "image", "is_a_build_of__service"),
    ),
    nav_aliases={
        "image": "is_built_by__image",
        "device__installs__application__has__service_name": "service_install",
        "service__has__label_name": "service_label",
        "service__has__env_var_name": "service_environment_variable",
    },
    grants=(
        access.public_fleet("application"),
        *access.fleet_member("application"),
        access.device_sees_fleet("application"),
    ),
)

_SERVICE_CHILD_GRANTS = (
    *access.fleet_member("service/application"),
    access.device_sees_fleet("service/application"),
)

SERVICE_LABEL = label("service_label", "service", "service", grants=_SERVICE_CHILD_GRANTS)
SERVICE_ENVIRONMENT_VARIABLE = variable("service_environment_variable", "service", "service",
                                        grants=_SERVICE_CHILD_GRANTS)

RESOURCES = (SERVICE, SERVICE_LABEL, SERVICE_ENVIRONMENT_VARIABLE)
