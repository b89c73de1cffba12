"""glutemed profiles: the runners a coach plans for, each with their programme and last
session."""

from typing import Annotated

from glutemed.cli import context, params, streams


def profiles(
    as_json: Annotated[bool, params.flag("--json", help="Print the profiles as JSON.")] = False,
) -> None:
    """List each runner's profile, programme and last session."""
    from glutemed.storage import paths
    from glutemed.storage.profiles import summary

    found = []
    given = paths.PROFILE
    try:
        for name in paths.profiles():
            paths.PROFILE = name
            found.append({"profile": name, **summary(context.today())})
    finally:
        paths.PROFILE = given
    if as_json:
        streams.print_json({"profiles": found})
        return
    if not found:
        streams.out(
            "No profiles yet: 'glutemed --profile NAME plan ... --save' makes one for a runner"
        )
        return
    for row in found:
        programme = (
            f"programme {row['programme_start']} to {row['programme_end']}"
            if row["programme_start"]
            else "no saved programme"
        )
        last = f"last session {row['last_session']}" if row["last_session"] else "nothing logged"
        streams.out(f"{row['profile']}: {programme}; {last}")
