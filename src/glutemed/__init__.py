"""glutemed: a gluteus medius workout planner for runners."""


def version_text() -> str:
    """``glutemed X.Y.Z``, read from the installed package's metadata."""
    from importlib.metadata import version

    return f"glutemed {version('glutemed')}"
