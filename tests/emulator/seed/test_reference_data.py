"""Device types, aliases and CPU architectures as the shipped data file has them."""
import pytest

from emulator.seed.reference import load_device_types


def test_every_shipped_device_type_and_architecture_is_seeded(query):
    data = load_device_types()
    assert query("SELECT count(*) AS n FROM device_type")[0]["n"] == len(data["device_types"])
    assert {row["slug"] for row in query("SELECT slug FROM cpu_architecture")} == set(data["cpu_architectures"])


@pytest.mark.parametrize("slug, arch", [
    ("raspberry-pi", "rpi"), ("raspberrypi3", "armv7hf"), ("raspberrypi4-64", "aarch64"),
    ("intel-nuc", "amd64"), ("generic-amd64", "amd64"), ("raspberry-pi2", "armv7hf"),
])
def test_the_common_device_types_have_their_architecture(query, slug, arch):
    rows = query("SELECT c.slug FROM device_type d JOIN cpu_architecture c ON c.id = d.is_of__cpu_architecture"
                 " WHERE d.slug = ?", (slug,))
    assert rows == [{"slug": arch}]


@pytest.mark.parametrize("alias, slug", [
    ("raspberry-pi2", "raspberry-pi2"), ("raspberrypi2", "raspberry-pi2"), ("nuc", "intel-nuc"),
    ("raspberrypi4-64", "raspberrypi4-64"),
])
def test_aliases_lead_to_their_device_type(query, alias, slug):
    rows = query("SELECT d.slug FROM device_type_alias a JOIN device_type d ON d.id = a.device_type"
                 " WHERE a.is_referenced_by__alias = ?", (alias,))
    assert rows == [{"slug": slug}]


def test_every_device_type_is_its_own_alias(query):
    missing = query("SELECT slug FROM device_type d WHERE NOT EXISTS (SELECT 1 FROM device_type_alias a"
                    " WHERE a.device_type = d.id AND a.is_referenced_by__alias = d.slug)")
    assert missing == []


def test_roles_and_the_default_application_type_exist(query):
    assert {r["name"] for r in query("SELECT name FROM organization_membership_role")} >= {"administrator", "member"}
    assert {r["name"] for r in query("SELECT name FROM application_membership_role")} >= {
        "developer", "operator", "observer"}
    assert query("SELECT slug FROM application_type") == [{"slug": "default"}]
