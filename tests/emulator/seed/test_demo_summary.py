"""`make demo`'s first step, examples/demo_summary.py, against a running emulator with the demo data:
it lists the demo user's own fleets, not the public host-OS fleets every account can read."""
import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[3] / "examples" / "demo_summary.py"


def section(output, title):
    """The first column of the table under the line starting with title."""
    lines = output.splitlines()
    start = next(index for index, line in enumerate(lines) if line.startswith(title))
    table = []
    for line in lines[start + 3:]:
        if not line.strip():
            break
        table.append(line.split()[0])
    return lines[start], table


def test_the_summary_lists_the_users_own_fleets_only(suite_emulator, tmp_path):
    emulator = suite_emulator("demo_summary")
    credentials = tmp_path / "credentials.json"
    credentials.write_text(json.dumps(emulator.credentials), encoding="utf-8")
    run = subprocess.run([sys.executable, str(SCRIPT), str(credentials)], capture_output=True, text=True,
                         timeout=120, check=True)
    heading, fleets = section(run.stdout, "Your fleets")
    assert fleets == sorted(emulator.credentials["fleets"])
    assert heading == "Your fleets (%d)" % len(fleets)
    assert not [fleet for fleet in fleets if fleet.startswith("balena_os/")]
    _, devices = section(run.stdout, "Devices")
    assert emulator.credentials["device"]["name"] in devices
