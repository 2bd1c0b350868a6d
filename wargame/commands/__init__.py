"""Subcommands of the ``wargame`` command line; each module has ``register(subparsers)``."""
