"""Figures, the printable plan and move card, tested as files and in a real headless browser."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import xml.dom.minidom
from pathlib import Path

import pytest

from glutemed.cli.context import drawings
from glutemed.cli.context import read_catalogue as load_catalogue
from glutemed.formats.figures import figure
from glutemed.storage.paths import figures_folder as folder

from ..conftest import Invoke, move, write_catalogue  # noqa: F401

BROWSERS = ("chromium", "chromium-browser", "google-chrome")


def _browser() -> str:
    """The headless browser, or skip (a failure where CI requires one)."""
    for name in BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("GLUTEMED_REQUIRE_BROWSER"):
        pytest.fail("no chromium found, and GLUTEMED_REQUIRE_BROWSER is set")
    pytest.skip("no headless browser: 'apt-get install chromium' runs these tests")


def _run_browser(*args: str) -> subprocess.CompletedProcess[str]:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]
    return subprocess.run(
        [_browser(), *flags, *args], capture_output=True, text=True, timeout=120, check=True
    )


def _pages(html: Path, tmp_path: Path) -> int:
    pdf = tmp_path / f"{html.stem}.pdf"
    _run_browser("--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri())
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))


MEASURE = """
<script>
const width = document.documentElement.clientWidth;
const wide = [...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > width + 1).length;
const pictures = [...document.querySelectorAll('.form svg')]
  .filter(e => { const r = e.getBoundingClientRect(); return r.width > 20 && r.height > 10; })
  .length;
// The smallest figure label in points: its font size in figure units, scaled to
// the figure's drawn size (CSS px, 96 to the inch as in print: 1 px = 0.75 pt).
const labels = [...document.querySelectorAll('.form svg text')]
  .map(t => t.getScreenCTM().a * parseFloat(getComputedStyle(t).fontSize) * 0.75);
document.title = JSON.stringify({
  wide, pictures, forms: document.querySelectorAll('.form').length,
  label_pt: labels.length ? Math.min(...labels) : 0,
  moves: document.querySelectorAll('.move').length,
  rows: document.querySelectorAll('tr.set').length,
  scroll: document.documentElement.scrollWidth <= width,
});
</script>
"""


def _measure(html: Path, tmp_path: Path, size: str = "794,1123") -> dict[str, object]:
    """What a person would see at ``size`` (A4's width, 794 px, unless told), measured
    in the browser."""
    probe = tmp_path / f"probe-{html.name}"
    probe.write_text(html.read_text().replace("</body>", MEASURE + "</body>"))
    out = _run_browser(
        f"--window-size={size}", "--virtual-time-budget=5000", "--dump-dom", probe.as_uri()
    ).stdout
    title = re.search(r"<title>(.*?)</title>", out, re.S)
    assert title, out[:500]
    return json.loads(title.group(1).replace("&quot;", '"'))  # type: ignore[no-any-return]


def test_every_move_has_a_well_formed_self_contained_figure() -> None:
    for exercise in load_catalogue():
        drawing = figure(drawings(), exercise)
        assert drawing is not None, exercise.slug
        document = xml.dom.minidom.parseString(drawing)
        titles = document.getElementsByTagName("title")
        assert titles and titles[0].firstChild is not None  # for screen readers
        assert exercise.name in titles[0].firstChild.nodeValue  # type: ignore[operator]
        assert "href" not in drawing and "url(" not in drawing  # nothing outside itself
    named = {m.slug for m in load_catalogue()}
    for exercise in load_catalogue():
        for form in exercise.variants:
            if form.figure:
                named.add(form.figure)
                drawing = figure(drawings(), exercise, form)
                assert drawing is not None and form.name in drawing  # its own title
    assert sorted(p.stem for p in folder().glob("*.svg")) == sorted(named)


def test_every_built_in_form_is_drawn_as_itself() -> None:
    # Every easier and harder form differs from its move in equipment or position,
    # so each has its own figure, titled with its own name.
    for exercise in load_catalogue():
        for form in exercise.variants:
            assert form.figure and form.figure != exercise.slug, form.name
            drawing = figure(drawings(), exercise, form)
            assert drawing is not None and f'<title id="t">{form.name}:' in drawing


def test_the_plan_page_is_self_contained_and_escapes_every_text(
    invoke: Invoke,
    tmp_path: Path,
    write_catalogue,  # noqa: F811
) -> None:
    path = write_catalogue(
        {
            "exercises": [
                move("a", name="<script>alert(1)</script>", lateral=True),
                move("b", name="B & <b>bold</b>"),
            ]
        }
    )
    page = invoke("--catalogue", str(path), "plan", "--format", "html").stdout
    assert "<script" not in page and "&lt;script&gt;" in page and "&amp; &lt;b&gt;" in page
    assert not re.search(r"(src|href)=", page)
    assert re.findall(r"https?://[^\"' ]+", page) in ([], ["http://www.w3.org/2000/svg"]) or all(
        url == "http://www.w3.org/2000/svg" for url in re.findall(r"https?://[^\"' ]+", page)
    )


def test_the_plan_page_has_a_row_per_set_and_each_weeks_forms_drawn_with_cues(
    invoke: Invoke,
) -> None:
    page = invoke("plan", "--weeks", "2", "--level", "easier", "--format", "html").stdout
    data = json.loads(invoke("plan", "--weeks", "2", "--level", "easier", "--json").stdout)
    planned = [e for s in data["sessions"] for e in s["exercises"]]
    assert page.count('<tr class="set">') == sum(e["sets"] for e in planned)
    assert page.count('<div class="move">') == len(planned)
    week_forms = {
        (s["week"], e["variant"] or e["name"]) for s in data["sessions"] for e in s["exercises"]
    }
    assert page.count('<div class="form"><svg') == len(week_forms) == 2 * len(data["routine"])
    # Each form is drawn as itself (its own title), with its first two cues.
    catalogue = {m.slug: m for m in load_catalogue()}
    for exercise in data["sessions"][0]["exercises"]:
        form = next(
            v for v in catalogue[exercise["slug"]].variants if v.name == exercise["variant"]
        )
        assert f"{form.name}:" in page
        for cue in form.cues[:2]:
            assert html.escape(cue, quote=False) in page
        assert html.escape(form.cues[2], quote=False) not in page.split('class="week"')[1]
    assert page.count('class="week"') == 2 and "glutemed's general guidance" in page


def test_a_form_without_its_own_figure_says_the_figure_is_the_standard_move(
    invoke: Invoke,
    tmp_path: Path,
    write_catalogue,  # noqa: F811
) -> None:
    easy = {"name": "Easy A", "level": "easier", "cues": ["Go slow."]}
    plain = move("split-squat", variants=[easy])
    path = write_catalogue({"exercises": [plain, move("b")]})
    page = invoke("--catalogue", str(path), "plan", "--level", "easier", "--format", "html")
    assert "Easy A" in page.stdout and "Go slow." in page.stdout
    assert page.stdout.count("The figure shows the standard move.") == 1


def test_pdf_needs_the_extra_and_says_how(invoke: Invoke, tmp_path: Path) -> None:
    try:
        import weasyprint  # type: ignore[import-not-found]  # noqa: F401
    except ImportError:
        result = invoke("plan", "-o", str(tmp_path / "plan.pdf"))
        assert result.exit_code == 1 and "pip install 'glutemed[pdf]'" in result.stderr
        assert not (tmp_path / "plan.pdf").exists()
    else:
        assert invoke("plan", "-o", str(tmp_path / "plan.pdf")).exit_code == 0
    assert invoke("plan", "--format", "pdf").exit_code == 2  # a PDF goes to a file


@pytest.mark.slow
@pytest.mark.parametrize(("weeks", "pages"), [(1, 3), (12, 14)])
def test_printed_a_week_is_a_page(invoke: Invoke, tmp_path: Path, weeks: int, pages: int) -> None:
    html = tmp_path / f"plan{weeks}.html"
    # The fullest week there is: 3 sessions of 3 moves, up to 4 sets each.
    args = ["plan", "--weeks", str(weeks), "--days", "3", "--size", "3", "-o", str(html)]
    assert invoke(*args).exit_code == 0
    # Two pages of notes, before-you-start and guidance, then a page a week.
    assert _pages(html, tmp_path) == pages


@pytest.mark.slow
def test_on_screen_every_picture_shows_and_nothing_is_wider_than_the_page(
    invoke: Invoke, tmp_path: Path
) -> None:
    html = tmp_path / "plan.html"
    invoke("plan", "--weeks", "4", "--days", "3", "--size", "3", "-o", str(html))
    seen = _measure(html, tmp_path)
    assert seen["wide"] == 0 and seen["scroll"] is True
    assert seen["pictures"] == seen["forms"] == 12 and seen["moves"] == 36
    assert seen["label_pt"] >= 7  # "start" and "end" readable at the printed size
    data = json.loads(invoke("plan", "--weeks", "4", "--days", "3", "--size", "3", "--json").stdout)
    assert seen["rows"] == sum(e["sets"] for s in data["sessions"] for e in s["exercises"])


@pytest.mark.slow
@pytest.mark.parametrize("size", ["360,800", "1280,800"])
@pytest.mark.parametrize("page", ["plan", "card"])
def test_on_a_phone_and_a_desktop_everything_fits_the_screen(
    invoke: Invoke, tmp_path: Path, page: str, size: str
) -> None:
    html = tmp_path / f"{page}.html"
    if page == "plan":
        invoke("plan", "--weeks", "2", "--days", "3", "--size", "3", "-o", str(html))
    else:
        invoke("show", "staggered-stance-romanian-deadlift", "-o", str(html))
    seen = _measure(html, tmp_path, size=size)
    assert seen["wide"] == 0 and seen["scroll"] is True  # the page is as wide as the screen
