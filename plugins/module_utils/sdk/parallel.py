# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Requests of one SDK call that do not depend on each other, sent at the same time.

A call such as ``device.move`` needs the fleet and the devices; removing a fleet's tag by slug
needs to know the fleet exists while the DELETE can already name it by slug. Sending such
requests together costs one round trip instead of two. Only requests whose outcome does not
depend on the order they reach the server are ever sent together.

Each call but the first gets a thread of its own that ends with it: no thread outlives the
call, so nothing lingers in a process that forks afterwards (as Ansible does).
"""

from __future__ import annotations

import threading


class ParallelCalls:
    def run(self, *calls):
        """The results of ``calls`` in order, after every one has finished.

        The first call runs on the caller's thread. When calls raise, the error of the first
        one (in argument order) is raised, so a lookup listed first decides the exception.
        """
        if len(calls) < 2:
            return [call() for call in calls]
        # A call stopped by something that is not an Exception leaves its slot as it was: an error.
        outcomes = [(None, RuntimeError("a concurrent request did not finish"))] * len(calls)

        def settle(index):
            outcomes[index] = _outcome(calls[index])

        threads = [threading.Thread(target=settle, args=(index,), name="balena-sdk-call", daemon=True)
                   for index in range(1, len(calls))]
        for thread in threads:
            thread.start()
        settle(0)
        for thread in threads:
            thread.join()
        for _value, error in outcomes:
            if error is not None:
                raise error
        return [value for value, _error in outcomes]


def _outcome(call):
    try:
        return call(), None
    except Exception as error:  # pylint: disable=broad-exception-caught
        return None, error
