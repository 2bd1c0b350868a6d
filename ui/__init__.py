"""Qt user interface for Layered Deterrence."""
