# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""``balena.models.device.history``: past states of devices."""

from __future__ import annotations

import datetime

from ...exceptions import InvalidParameter
from ...identifiers import application_navigation_filter, is_full_uuid, is_id
from ...pine import merge
from ..base import Model

HISTORY_WINDOW = datetime.timedelta(days=7)


class SevenDaysAgo:
    """Default ``from_date``: seven days before the call (not before the import)."""

    def __repr__(self):
        return "<7 days ago>"


SEVEN_DAYS_AGO = SevenDaysAgo()


def time_range_filter(from_date, to_date):
    if from_date is SEVEN_DAYS_AGO:
        from_date = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None) - HISTORY_WINDOW
    bounds = {}
    for name, value, operator in (("from_date", from_date, "$ge"), ("to_date", to_date, "$le")):
        if value is None:
            continue
        if not isinstance(value, datetime.datetime):
            raise InvalidParameter(name, value)
        bounds[operator] = value
    return {"created_at": bounds} if bounds else {}


class DeviceHistory(Model):
    def get_all_by_device(self, uuid_or_id, from_date=SEVEN_DAYS_AGO, to_date=None, options={}):  # pylint: disable=dangerous-default-value
        history_filter = time_range_filter(from_date, to_date)
        if is_id(uuid_or_id):
            history_filter["tracks__device"] = uuid_or_id
        elif is_full_uuid(uuid_or_id):
            history_filter["uuid"] = uuid_or_id
        else:
            raise InvalidParameter("uuid_or_id", uuid_or_id)
        return self.pine.get({"resource": "device_history", "options": merge({"$filter": history_filter}, options)})

    def get_all_by_application(self, slug_or_uuid_or_id, from_date=SEVEN_DAYS_AGO, to_date=None, options={}):  # pylint: disable=dangerous-default-value
        history_filter = time_range_filter(from_date, to_date)
        history_filter.update(application_navigation_filter("belongs_to__application", slug_or_uuid_or_id))
        rows = self.pine.get({"resource": "device_history", "options": merge({"$filter": history_filter}, options)})
        if not rows:
            self.resolve.application(slug_or_uuid_or_id, {"$select": "id"})
        return rows
