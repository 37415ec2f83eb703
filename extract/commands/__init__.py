"""CLI commands: one module each, with ``register(subparsers)`` setting ``func``."""
