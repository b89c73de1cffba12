"""A screenshot of the printable plan (a 3-day week), and its printed page count.

Needs glutemed installed and Debian's ``chromium`` (or google-chrome) on PATH:

    python docs/screenshots.py

writes ``docs/plan-screen.png``, the page as a browser shows it (the README
shows it), and prints how many pages the same page takes printed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars"]


def main() -> int:
    names = ("chromium", "chromium-browser", "google-chrome")
    browser = next((found for name in names if (found := shutil.which(name))), None)
    if browser is None:
        print("no chromium on PATH: apt-get install chromium", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "config.toml"
        config.write_text("")
        env = {**os.environ, "GLUTEMED_HOME": folder, "GLUTEMED_CONFIG": str(config)}
        page = Path(folder) / "plan.html"
        plan = ["plan", "--days", "3", "--start", "2026-11-30", "-o", str(page)]
        subprocess.run([sys.executable, "-m", "glutemed", *plan], env=env, check=True)
        shot = f"--screenshot={HERE / 'plan-screen.png'}"
        subprocess.run(
            [
                browser,
                *FLAGS,
                "--window-size=760,1060",
                "--force-device-scale-factor=0.7",
                shot,
                page.as_uri(),
            ],
            check=True,
            capture_output=True,
        )
        pdf = Path(folder) / "plan.pdf"
        subprocess.run(
            [browser, *FLAGS, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri()],
            check=True,
            capture_output=True,
        )
        pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf.read_bytes()))
    print(f"wrote docs/plan-screen.png; printed, the plan takes {pages} pages (first: guidance)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
