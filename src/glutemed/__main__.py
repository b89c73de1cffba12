"""``python -m glutemed``."""

from glutemed.cli import main

main()
