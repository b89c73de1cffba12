"""One module a command, as typer's "one file per command" layout has it: each
module holds its command's signature (typer annotations) and body. ``cli.py``
registers them. Heavy imports (pydantic models, yaml, rich, sqlite3) stay
inside the bodies, so building the command line costs typer and the standard
library only. What several commands share is in :mod:`glutemed.cli.options`.
"""
