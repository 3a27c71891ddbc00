"""``python -m paldocs`` — the same as the ``paldocs`` command."""

from paldocs.cli import main

main()
