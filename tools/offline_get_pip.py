"""Offline stand-in for the get-pip.py bootstrap script that ansible-test downloads.

ansible-test runs this file inside each new virtual environment with the arguments it would give
get-pip.py (pip options, package pins, and get-pip's own --no-setuptools/--no-wheel). Instead of
an embedded pip, it uses the interpreter's bundled pip (ensurepip) and then installs the
requested pins with the machine's normal pip configuration (index, proxy, certificates).
"""
import ensurepip
import importlib.util
import os
import subprocess
import sys

GET_PIP_ONLY_OPTIONS = {"--no-setuptools", "--no-wheel"}


def pip(*arguments):
    return subprocess.call([sys.executable, "-m", "pip"] + list(arguments))


def main():
    environment = dict(os.environ)
    had_setuptools = importlib.util.find_spec("setuptools") is not None
    ensurepip.bootstrap(upgrade=True)
    # ensurepip drops every PIP_* variable and points PIP_CONFIG_FILE at os.devnull, which
    # would hide the machine's pip settings from the install below.
    os.environ.clear()
    os.environ.update(environment)
    if os.environ.get("PIP_CONFIG_FILE") == os.devnull:
        del os.environ["PIP_CONFIG_FILE"]

    # Older ensurepip versions also install setuptools, which get-pip leaves out when asked to.
    if "--no-setuptools" in sys.argv and not had_setuptools and importlib.util.find_spec("setuptools"):
        status = pip("uninstall", "--yes", "--quiet", "setuptools")
        if status:
            return status

    arguments = [argument for argument in sys.argv[1:] if argument not in GET_PIP_ONLY_OPTIONS]
    return pip("install", "--quiet", *arguments)


if __name__ == "__main__":
    sys.exit(main())
