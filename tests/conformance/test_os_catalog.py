"""The seeded host-OS catalog read through the official SDK's version queries: it must look like
balenaOS's real history (2.x with `+revN`, prod and dev variants, 5.x and 6.x lines, ESR lines) and
hold supervisor releases per architecture."""
from __future__ import annotations


def _by_raw(versions: list) -> dict:
    return {version["raw_version"]: version for version in versions}


def test_default_line_has_revisions_variants_and_major_lines(balena):
    versions = _by_raw(balena.models.os.get_available_os_versions("raspberrypi3"))
    revised = versions["2.88.4+rev1.prod"]
    assert (revised["stripped_version"], revised["variant"], revised["os_type"]) == ("2.88.4+rev1", "prod", "default")
    assert versions["2.88.4+rev1.dev"]["variant"] == "dev" and "2.88.4+prod" in versions
    assert "2.115.18+rev1.prod" in versions
    majors = {int(raw.split(".")[0]) for raw, v in versions.items() if v["os_type"] == "default"}
    assert {2, 5, 6} <= majors
    recommended = [v for v in versions.values() if v.get("is_recommended") and v["os_type"] == "default"]
    assert [v["raw_version"] for v in recommended] == ["6.0.13+prod"]


def test_esr_lines_are_their_own_os_type(balena):
    versions = _by_raw(balena.models.os.get_available_os_versions("raspberrypi4-64"))
    esr = {raw: v for raw, v in versions.items() if v["os_type"] == "esr"}
    assert {v["line"] for v in esr.values()} == {"next", "current", "sunset"}
    assert esr["2024.1.3+prod"]["line"] == "current" and esr["2023.7.2+prod"]["line"] == "sunset"
    assert balena.models.os.get_max_satisfying_version("raspberrypi4-64", "recommended", "esr") == "2024.7.1+prod"
    assert balena.models.os.get_max_satisfying_version("raspberrypi4-64", "recommended", "default") == "6.0.13+prod"


def test_version_ranges_resolve_to_real_looking_versions(balena):
    query = balena.models.os.get_max_satisfying_version
    # Build metadata (`+rev1.prod`) does not order versions: any 2.115.18 release is the newest 2.x.
    assert query("raspberrypi3", "<3.0.0", "default").startswith("2.115.18+")
    assert query("raspberrypi3", "<5.3.0", "default").startswith("5.2.8+")
    assert query("raspberrypi3", ">=2024.1.0", "esr").startswith("2024.7.1+")
    assert query("raspberrypi3", "2.88.4+rev1.dev") == "2.88.4+rev1.dev"
    assert balena.models.os.is_supported_os_update("raspberrypi3", "2.88.4+rev1.prod", "6.0.13+prod") is True


def test_os_pin_to_a_revised_release(balena, admin, factory):
    fleet = factory.fleet()
    device = factory.online_device(fleet, os_version="balenaOS 2.88.4", os_variant="prod")
    balena.models.device.pin_to_os_release(device["uuid"], "2.115.18+rev1.prod")
    pinned = admin.one(f"device({device['id']})?$select=id"
                       "&$expand=should_be_operated_by__release($select=raw_version)")
    assert pinned["should_be_operated_by__release"][0]["raw_version"] == "2.115.18+rev1.prod"


def test_supervisor_releases_per_architecture(balena):
    def versions(arch: str) -> set:
        return {r["raw_version"] for r in balena.models.os.get_supervisor_releases_for_cpu_architecture(arch)}

    assert {"12.11.38", "14.11.3", "16.1.0", "17.0.3"} <= versions("aarch64")
    for arch in ("rpi", "armv7hf", "amd64", "i386", "i386-nlp"):
        assert versions(arch) == versions("aarch64"), arch
