# -*- coding: utf-8 -*-
from __future__ import annotations

import threading
import time

from ansible_collections.balena.cloud.plugins.module_utils.sdk.rate_limit import RateLimiter


class FakeClock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now

    def sleep(self, seconds):
        self.now += seconds


def test_at_most_n_requests_in_any_window():
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    starts = []
    for _attempt in range(5):
        limiter.acquire(2, 3.0)
        starts.append(clock.now)
    assert starts == [0.0, 0.0, 3.0, 3.0, 6.0]


def test_unlimited_never_waits():
    clock = FakeClock()
    limiter = RateLimiter(clock=clock, sleep=clock.sleep)
    for _attempt in range(100):
        assert limiter.acquire(None, 1.0) == 0.0
    assert clock.now == 0.0


def test_threads_share_the_limit():
    limiter = RateLimiter()
    times = []
    lock = threading.Lock()

    def worker():
        limiter.acquire(3, 0.3)
        with lock:
            times.append(time.monotonic())

    threads = [threading.Thread(target=worker) for _index in range(7)]
    begin = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    offsets = sorted(t - begin for t in times)
    assert len(offsets) == 7
    assert offsets[3] >= 0.29 and offsets[6] >= 0.59
