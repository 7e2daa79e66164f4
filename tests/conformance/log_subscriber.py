"""Run `balena.logs.subscribe` in its own process (Twisted's reactor cannot restart) and print
what arrives as one JSON list on stdout. Arguments: API URL, token, device uuid, wanted count."""
from __future__ import annotations

import json
import sys
import threading

from balena import Balena


def main(url: str, token: str, uuid: str, wanted: int) -> None:
    client = Balena({"data_directory": False})
    client.settings.set("api_endpoint", url + "/")
    client.pine.api_prefix = url + "/v7/"
    client.auth.login_with_token(token)
    received, errors, done = [], [], threading.Event()

    def on_log(log):
        received.append(log)
        if len(received) >= wanted:
            done.set()

    def on_error(error):
        errors.append(repr(error))
        done.set()

    client.logs.subscribe(uuid, on_log, on_error, count=wanted)
    done.wait(timeout=20)
    client.logs.unsubscribe(uuid)
    print(json.dumps({"logs": received, "errors": errors}), flush=True)
    client.logs.stop()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))
