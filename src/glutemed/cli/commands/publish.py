"""glutemed publish: keep a CalDAV calendar in step with your programme."""

from collections.abc import Mapping
from typing import TYPE_CHECKING, Annotated, Any

import typer

from glutemed.cli import context, params, planning, streams

if TYPE_CHECKING:
    from glutemed.core.catalogue import Catalogue
    from glutemed.core.plan import Plan
    from glutemed.core.publish import Change
    from glutemed.storage.caldav import Server


@planning.week_options
def publish(
    ctx: typer.Context,
    url: Annotated[
        str | None,
        typer.Argument(
            metavar="[URL]",
            help="The calendar's address (https). [default: url in the config's [publish]]",
            show_default=False,
        ),
    ] = None,
    week: Mapping[str, Any] = planning.NO_WEEK,
    name: params.Name = "glutemed",
    at: params.At = None,
    remind: params.Remind = None,
) -> None:
    """Keep a CalDAV calendar in step with your programme."""
    from glutemed.core.publish import Existing, changes
    from glutemed.errors import PublishError, UsageError
    from glutemed.formats import caldav_xml as xml
    from glutemed.formats.plan_out import event_files, programme_mark, same_event, uid_in
    from glutemed.storage import paths
    from glutemed.storage.caldav import Server

    resolved = context.settings(ctx)
    plan = _plan(ctx, week, context.load_catalogue(resolved))
    address = url or resolved.publish
    if not address:
        raise UsageError("give the calendar's URL, or url in the config file's [publish] table")
    server = Server(address)  # refuses plain http before any connection
    profile = paths.profile()
    wanted = event_files(plan, at, name=name, remind=remind, profile=profile)
    found = server.request(
        "PROPFIND", server.url, xml.PROPFIND, {"Depth": "0", "Content-Type": "application/xml"}
    )
    if found.status == 404:
        raise PublishError(f"no calendar at {server.url}")
    if found.status != 207 or not xml.is_calendar(found.body):
        raise PublishError(f"{server.url} is not a calendar (an address book, or a plain folder?)")
    listed = server.request(
        "REPORT", server.url, xml.REPORT, {"Depth": "1", "Content-Type": "application/xml"}
    )
    if listed.status != 207:
        raise PublishError(f"the server would not list the calendar's events ({listed.status})")
    existing = [
        Existing(uid, server.address(item.href), item.etag, item.data)
        for item in xml.resources(listed.body)
        if (uid := uid_in(item.data))
    ]
    todo, unchanged = changes(
        wanted, existing, programme_mark(name, profile), context.today(), same_event
    )
    done = {"create": 0, "update": 0, "remove": 0}
    try:
        for change in todo:
            _apply(server, change)
            done[change.kind] += 1
    finally:
        summary = (
            f"created {done['create']}, updated {done['update']}, removed {done['remove']}, "
            f"unchanged {unchanged}"
        )
        if sum(done.values()) < len(todo):
            streams.note(f"{summary} before the failure below; run publish again to finish")
    if not todo:
        streams.done(f"Nothing to change: {summary}")
    else:
        streams.done(summary[:1].upper() + summary[1:])


def _plan(ctx: typer.Context, week: Mapping[str, Any], catalogue: "Catalogue") -> "Plan":
    """The saved programme from today to its end, or the plan the options describe."""
    from glutemed.core.planner import make_plan

    day = context.today()
    options, notes = planning.options_for(ctx, day, catalogue, **week)
    for note in notes:
        streams.note(note)
    history = planning.history(catalogue, day, before=True)
    plan = make_plan(catalogue, options, history, pains=planning.pains(day))
    return plan.from_day(day)


def _apply(server: "Server", change: "Change") -> None:
    """One change on the server; PublishError when it does not take."""
    from glutemed.errors import PublishError

    calendar = {"Content-Type": "text/calendar; charset=utf-8"}
    if change.kind == "create":
        where = server.new_address(change.uid)
        answer = server.request(
            "PUT", where, change.data or b"", {**calendar, "If-None-Match": "*"}
        )
    elif change.kind == "update":
        match = {"If-Match": change.etag} if change.etag else {}
        answer = server.request("PUT", change.href or "", change.data or b"", {**calendar, **match})
    else:
        match = {"If-Match": change.etag} if change.etag else {}
        answer = server.request("DELETE", change.href or "", b"", match)
        if answer.status == 404:
            return  # gone already
    if answer.status == 412:
        raise PublishError(
            f"the event {change.uid} changed on the server meanwhile; run publish again"
        )
    if not 200 <= answer.status < 300:
        raise PublishError(f"the server refused to {change.kind} {change.uid} ({answer.status})")
