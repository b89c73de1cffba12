"""The log's schema as named migrations, oldest first, kept apart from the code that
runs them (:mod:`glutemed.storage.logfile`). Step N takes a file from version N - 1
to N; ``PRAGMA user_version`` counts the steps done. Never edit a step that has
shipped: add one.
"""

from __future__ import annotations

from dataclasses import dataclass

APPLICATION_ID = 0x676C7574  # "glut"


@dataclass(frozen=True)
class Migration:
    """One named step of the schema; step N takes a file from version N - 1 to N."""

    name: str
    statements: tuple[str, ...]


#: The schema's history, oldest first: ``PRAGMA user_version`` counts the steps done.
MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "m001_self_checks",
        (
            """CREATE TABLE checks (
            id INTEGER PRIMARY KEY,
            taken TEXT NOT NULL,
            left_knee TEXT NOT NULL,
            right_knee TEXT NOT NULL,
            gait TEXT NOT NULL,
            result TEXT NOT NULL
        )""",
        ),
    ),
    Migration(
        "m002_logged_sets",
        (
            """CREATE TABLE commands (
            id INTEGER PRIMARY KEY,
            logged_at TEXT NOT NULL,
            source TEXT NOT NULL
        )""",
            """CREATE TABLE sets (
            id INTEGER PRIMARY KEY,
            command_id INTEGER NOT NULL REFERENCES commands (id),
            date TEXT NOT NULL,
            slug TEXT NOT NULL,
            set_number INTEGER NOT NULL,
            reps INTEGER NOT NULL,
            load TEXT,
            note TEXT,
            sheet_key TEXT UNIQUE
        )""",
            "CREATE INDEX sets_by_move ON sets (slug, date)",
        ),
    ),
    # The form a set was done in: NULL for the move's own (the source's) form,
    # which is what every set logged before this step was.
    Migration("m003_set_forms", ("ALTER TABLE sets ADD COLUMN form TEXT",)),
    Migration(
        "m004_programmes",
        (
            """CREATE TABLE programmes (
            id INTEGER PRIMARY KEY,
            saved_at TEXT NOT NULL,
            start TEXT NOT NULL,
            options TEXT NOT NULL
        )""",
        ),
    ),
    # Undo restores a set that a sheet or a guided session changed: its old values.
    Migration(
        "m005_replaced_sets",
        (
            """CREATE TABLE replaced (
            id INTEGER PRIMARY KEY,
            command_id INTEGER NOT NULL REFERENCES commands (id),
            set_id INTEGER NOT NULL REFERENCES sets (id),
            reps INTEGER NOT NULL,
            load TEXT,
            note TEXT,
            form TEXT
        )""",
        ),
    ),
    # The weak side's extra set (plan --weak-side) is done on one side only.
    Migration("m006_set_sides", ("ALTER TABLE sets ADD COLUMN side TEXT",)),
    # Any set put right (edit) or removed (delete), and undo restoring it exactly: an
    # edited set's old day, number and sheet key; a removed set, whole, under its id.
    Migration(
        "m007_set_edits",
        (
            "ALTER TABLE replaced ADD COLUMN date TEXT",
            "ALTER TABLE replaced ADD COLUMN set_number INTEGER",
            "ALTER TABLE replaced ADD COLUMN sheet_key TEXT",
            """CREATE TABLE removed (
            id INTEGER PRIMARY KEY,
            command_id INTEGER NOT NULL REFERENCES commands (id),
            set_id INTEGER NOT NULL,
            set_command_id INTEGER NOT NULL,
            date TEXT NOT NULL,
            slug TEXT NOT NULL,
            set_number INTEGER NOT NULL,
            reps INTEGER NOT NULL,
            load TEXT,
            note TEXT,
            sheet_key TEXT,
            form TEXT,
            side TEXT
        )""",
        ),
    ),
    # Pain, recorded: a score out of 10 for a move in a session, or for the morning
    # after (how the worked area feels), which progression listens to.
    Migration(
        "m008_pain",
        (
            """CREATE TABLE pains (
            id INTEGER PRIMARY KEY,
            command_id INTEGER NOT NULL REFERENCES commands (id),
            date TEXT NOT NULL,
            slug TEXT,
            score INTEGER NOT NULL,
            kind TEXT NOT NULL
        )""",
            "CREATE INDEX pains_by_day ON pains (date)",
        ),
    ),
)


SCHEMA_VERSION = len(MIGRATIONS)
