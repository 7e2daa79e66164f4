"""A local, stateful emulator of the balena v7 API, for tests and offline playbook runs."""
