"""Simulated devices: devices that poll their target state and follow it, as a supervisor would."""
