"""A re-entrant lock granted in the order callers asked for it.

The store's lock is held for a whole transaction. With a plain lock, a thread releasing it and asking
again a moment later (the next request on a busy connection) often gets it back before a thread that
has been waiting; handed over in order, a waiting caller waits for at most the transactions queued
before it.
"""
from __future__ import annotations

import threading
from collections import deque


class FairLock:
    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._owner: int | None = None
        self._holds = 0
        self._queue: deque = deque()   # (thread id, event) of the waiting threads, oldest first

    def acquire(self) -> bool:
        me = threading.get_ident()
        with self._guard:
            if self._owner == me:
                self._holds += 1
                return True
            if self._owner is None and not self._queue:
                self._owner, self._holds = me, 1
                return True
            turn = threading.Event()
            self._queue.append((me, turn))
        turn.wait()   # release() made this thread the owner before setting the event
        return True

    def release(self) -> None:
        with self._guard:
            if self._owner != threading.get_ident():
                raise RuntimeError("release of a lock this thread does not hold")
            self._holds -= 1
            if self._holds:
                return
            if not self._queue:
                self._owner = None
                return
            self._owner, turn = self._queue.popleft()
            self._holds = 1
        turn.set()

    def __enter__(self) -> "FairLock":
        self.acquire()
        return self

    def __exit__(self, *_exc) -> None:
        self.release()
