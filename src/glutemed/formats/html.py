"""Pages to print: the plan as one self-contained HTML file, and one move's card.

Pure: a plan (or a move) in, HTML text out, the same every time. Inline CSS and
SVG only: no script, nothing fetched from the network. Every text from a
catalogue, a note or a title is HTML-escaped. Made for A4 and US Letter
paper (the content is 180 mm wide, inside both): the guidance and the credit
once at the start, then a page per week. A week's page shows each form it
uses once, with its figure (drawn about 57 mm wide, so the "start" and "end"
labels print at about 8 pt) and its first two cues; then each session as a
block that is never cut across pages, each move with its prescription and a
row per set with a tick box and blank cells for the reps and the load. Below
600 px of screen (a phone) everything stands in one column.
"""

from __future__ import annotations

from html import escape as _escape

from glutemed.core.about import BEFORE, BEFORE_TITLE, CAUTION, CREDIT, GUIDANCE, GUIDANCE_TITLE
from glutemed.core.catalogue import Catalogue, Exercise
from glutemed.core.plan import RUN_TEXT, Plan, PlannedExercise
from glutemed.core.text import plural, without_controls
from glutemed.formats.figures import Drawings, figure, inline


def escape(text: str) -> str:
    """Text made safe for an HTML text node (every text here goes in one, none in an
    attribute): ``<``, ``>`` and ``&`` escaped, quotes left as they read."""
    return _escape(text, quote=False)


STYLE = """
@page { margin: 14mm; }
* { box-sizing: border-box; }
body { font: 10.5pt/1.35 system-ui, sans-serif; color: #24292f; margin: 0 auto;
       max-width: 180mm; padding: 4mm 0; }
h1 { font-size: 17pt; margin: 0 0 3mm; }
h2 { font-size: 13pt; margin: 0 0 3mm; }
h3 { font-size: 11pt; margin: 0 0 2mm; }
ul { margin: 0 0 3mm; padding-left: 5mm; }
p { margin: 0 0 2.5mm; }
.note { color: #57606a; }
.small { font-size: 8.5pt; color: #57606a; }
.week { break-before: page; page-break-before: always; }
.session { break-inside: avoid; page-break-inside: avoid; border: 0.4mm solid #d0d7de;
           border-radius: 2mm; padding: 2mm 3mm; margin: 0 0 2.5mm; }
.session h3 { font-size: 10pt; margin: 0 0 1.5mm; }
.how, .moves { display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 1.5mm 4mm; }
.how { margin: 0 0 3mm; break-inside: avoid; page-break-inside: avoid; }
.form { font-size: 9pt; }
.form svg { display: block; width: 100%; max-width: 60mm; height: auto; }
.cues { margin: 0.5mm 0 0; padding-left: 4mm; }
.move { break-inside: avoid; font-size: 9pt; }
.move .name, .form .name { font-weight: 600; }
@media screen and (max-width: 600px) {
  body { padding: 3mm; }
  .how, .moves { grid-template-columns: minmax(0, 1fr); }
  .form svg { max-width: 90mm; }
}
table.sets { border-collapse: collapse; width: 100%; margin-top: 0.5mm; }
table.sets td { border-bottom: 0.3mm solid #d0d7de; padding: 0.4mm 1mm; height: 4.8mm;
                color: #57606a; }
.tick { display: inline-block; width: 3.5mm; height: 3.5mm; border: 0.35mm solid #24292f;
        border-radius: 0.6mm; vertical-align: middle; }
.run { color: #d9480f; font-weight: 500; }
""".strip()


def _page(title: str, body: str) -> str:
    return without_controls(
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{STYLE}</style></head>\n"
        f"<body>\n{body}\n</body></html>\n"
    )


def _guidance() -> str:
    """Before you start, and the session guidance, as the first page carries them."""
    points = "".join(f"<li>{escape(point)}</li>" for point in GUIDANCE)
    before = "".join(f"<li>{escape(point)}</li>" for point in BEFORE)
    return (
        f"<h2>{escape(BEFORE_TITLE)}</h2><ul>{before}</ul>"
        f'<h2>{escape(GUIDANCE_TITLE)}</h2><ul>{points}</ul><p class="note">{escape(CAUTION)}</p>'
    )


def plan_html(plan: Plan, catalogue: Catalogue, drawings: Drawings) -> str:
    """The plan as a page to print: a cover with the guidance, then a page per week."""
    moves = {move.slug: move for move in catalogue}
    head = [
        "<header>",
        f"<h1>Gluteus medius plan: {plural(plan.days, 'day')} a week, "
        f"{plural(plan.weeks, 'week')}</h1>",
        "<ul>",
        f"<li>From {escape(plan.start.isoformat())}, on {escape(', '.join(plan.weekdays))}</li>",
        f"<li>Equipment: {escape(', '.join(plan.equipment) or 'none (bodyweight)')}</li>",
        f"<li>Routine, in every session: {escape(', '.join(plan.routine))}</li>",
        "</ul>",
        *(f'<p class="note">{escape(note)}</p>' for note in plan.notes),
        "<h2>First session of each move, from your log</h2><ul>",
        *(f"<li>{escape(name)}: {escape(advice)}</li>" for name, advice in plan.first_advice()),
        "</ul>",
        _guidance(),
        f'<p class="small">{escape(CREDIT)}</p>',
        "</header>",
    ]
    weeks: dict[int, list[str]] = {}
    forms: dict[int, dict[str, str]] = {}
    for session in plan.sessions:
        run = f' <span class="run">· {escape(RUN_TEXT[session.run])}</span>' if session.run else ""
        kind = f" · {escape(session.kind)}" if session.kind != "regular" else ""
        blocks = []
        for exercise in session.exercises:
            week_forms = forms.setdefault(session.week, {})
            if exercise.form_name not in week_forms:
                week_forms[exercise.form_name] = _how(exercise, moves, drawings, session.week)
            rows = "".join(
                f'<tr class="set"><td><span class="tick"></span> Set {number}'
                f"{f' ({side} only)' if side else ''}</td>"
                "<td>reps</td><td>load</td></tr>"
                for number, side in exercise.set_rows
            )
            blocks.append(
                f'<div class="move"><div class="name">{escape(exercise.form_name)}</div>'
                f"<div>{escape(exercise.prescription + exercise.aim_words)}"
                " · pain __/10</div>"
                f'<table class="sets">{rows}</table></div>'
            )
        weeks.setdefault(session.week, []).append(
            '<section class="session">'
            f"<h3>{escape(session.weekday)} {escape(session.date.isoformat())}{run}{kind}"
            f" · about {session.minutes} min</h3>"
            f'<div class="moves">{"".join(blocks)}</div></section>'
        )
    body = ["\n".join(head)]
    for week, sessions in weeks.items():
        how = f'<div class="how">{"".join(forms[week].values())}</div>'
        body.append(f'<section class="week"><h2>Week {week}</h2>{how}{"".join(sessions)}</section>')
    return _page("glutemed plan", "\n".join(body))


def _how(
    exercise: PlannedExercise, moves: dict[str, Exercise], drawings: Drawings, week: int
) -> str:
    """A form as a week's page shows it once: its figure and its first two cues (the
    figure is otherwise the sheet's only instruction). Where glutemed has no figure
    of the form itself, the move's figure is shown and the page says so."""
    move = moves.get(exercise.slug)
    form = next((v for v in move.variants if v.name == exercise.variant), None) if move else None
    drawing = figure(drawings, move, form) if move else None
    picture = inline(drawing, f"w{week}-{exercise.slug}") if drawing else ""
    standard = (
        '<div class="small">The figure shows the standard move.</div>'
        if drawing and form is not None and not form.figure
        else ""
    )
    cues = (form.cues if form is not None else move.cues if move else [])[:2]
    points = "".join(f"<li>{escape(cue)}</li>" for cue in cues)
    return (
        f'<div class="form">{picture}<div class="name">{escape(exercise.form_name)}</div>'
        f'{standard}<ul class="cues">{points}</ul></div>'
    )


def card_html(move: Exercise, number: int, drawings: Drawings) -> str:
    """One move on a page: its figure, steps, cues, other forms (each with its own
    figure where glutemed has one) and the guidance."""
    drawing = figure(drawings, move)
    parts = [
        f"<h1>{number}. {escape(move.name)}</h1>",
        f'<p class="note">{escape(move.slug)} · {escape(str(move.reps))} reps '
        f"{escape(move.sides)} · {escape(move.equipment_text)}</p>",
        inline(drawing, move.slug) if drawing else "",
        "<h2>Steps</h2><ol>",
        *(f"<li>{escape(step)}</li>" for step in move.steps),
        "</ol>",
    ]
    if move.cues:
        parts += ["<h2>Cues</h2><ul>", *(f"<li>{escape(cue)}</li>" for cue in move.cues), "</ul>"]
    if move.variants:
        parts.append("<h2>Other forms (glutemed's additions, not the source's)</h2>")
    for form in move.variants:
        kit = ", ".join(form.equipment) or "none"
        own = figure(drawings, move, form) if form.figure else None
        parts += [
            f"<h3>{escape(form.name)} ({escape(form.level)}; equipment: {escape(kit)})</h3>",
            inline(own, f"{move.slug}-{form.level}") if own else "",
            "<ol>",
            *(f"<li>{escape(step)}</li>" for step in form.steps),
            "</ol>",
        ]
    parts += [_guidance(), f'<p class="small">{escape(CREDIT)}</p>']
    return _page(f"glutemed: {move.name}", "\n".join(parts))
