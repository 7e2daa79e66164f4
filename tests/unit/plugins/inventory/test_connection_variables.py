from __future__ import annotations

import shlex

import pytest

from ansible_collections.balena.cloud.plugins.plugin_utils.inventory.connection import connection_variables, default_tunnel_host, lan_address, proxy_command


@pytest.mark.parametrize("addresses, networks, expected", [
    (["192.168.1.10", "10.0.0.5"], [], "192.168.1.10"),
    (["fe80::1", "2001:db8::1", "203.0.113.9"], [], "203.0.113.9"),
    (["169.254.3.3", "127.0.0.1"], [], None),
    (["192.168.1.10", "10.0.0.5"], ["10.0.0.0/8"], "10.0.0.5"),
    (["bogus", "172.17.0.2"], [], "172.17.0.2"),
    ([], [], None),
])
def test_lan_address(addresses, networks, expected):
    assert lan_address(addresses, networks) == expected


def test_default_tunnel_host():
    assert default_tunnel_host("https://api.balena-cloud.com") == "tunnel.balena-cloud.com"
    assert default_tunnel_host("https://api.balena.example.org:8443/") == "tunnel.balena.example.org"
    assert default_tunnel_host("https://balena.internal") == "tunnel.balena.internal"


def test_default_tunnel_host_of_an_api_without_a_domain_is_that_host():
    assert default_tunnel_host("http://127.0.0.1:48080") == "127.0.0.1"
    assert default_tunnel_host("http://[::1]:48080") == "::1"
    assert default_tunnel_host("http://localhost:48080/") == "localhost"


def test_proxy_command_quotes_and_keeps_the_token_out():
    command = proxy_command("python3", "/opt/my collections/cloudlink_proxy.py", "tunnel.x", 443, True, "me",
                            token_file="/home/me/.ansible/t.token")
    words = shlex.split(command)
    assert words[:2] == ["python3", "/opt/my collections/cloudlink_proxy.py"]
    assert words[-2:] == ["%h", "%p"]
    assert "--no-tls" not in words and "--insecure" not in words
    assert "--insecure" in shlex.split(proxy_command("p", "h", "t", 1, True, "me", validate_certs=False))
    assert "--no-tls" in shlex.split(proxy_command("p", "h", "t", 1, False, "me"))


def test_modes():
    record = {"uuid": "abc", "ip_addresses": ["10.1.1.1"]}
    assert connection_variables("none", record) == {}
    assert connection_variables("api", record) == {"ansible_connection": "local"}
    assert connection_variables("api", record, python_interpreter="/py") == {
        "ansible_connection": "local", "ansible_python_interpreter": "/py"}
    assert connection_variables("local", {"uuid": "abc", "ip_addresses": []}) == {
        "ansible_connection": "ssh", "ansible_host": "abc.local", "ansible_port": 22222, "ansible_user": "root"}
    cloud = connection_variables("cloudlink", record, {"username": "u", "tunnel_host": "t", "tunnel_port": 1,
                                                       "tunnel_tls": True, "validate_certs": False})
    assert cloud["ansible_connection"] == "balena.cloud.cloudlink"
    assert cloud["ansible_host"] == "abc.balena"
    assert cloud["ansible_balena_tunnel_validate_certs"] is False
    with pytest.raises(ValueError):
        connection_variables("telnet", record)
