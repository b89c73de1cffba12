"""The exercise catalogue as glutemed's values: pydantic models (``extra="forbid"``,
strict types) for the moves, their rep ranges and their other forms. Reading a
catalogue from YAML is :mod:`glutemed.formats.catalogue_yaml`'s.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    model_validator,
)

from glutemed.core.rules import EQUIPMENT, SLUG_PATTERN
from glutemed.core.text import CONTROLS, clip, quoted
from glutemed.errors import NotFoundError

#: Equipment that is never required: a move that lists it can be done without.
OPTIONAL_EQUIPMENT: frozenset[str] = frozenset({"mat"})

Equipment = Literal["dumbbells", "band", "box", "mat"]
Level = Literal["easier", "harder"]
#: Which form to try first at each level (``rules.LEVELS``, ``--level``): glutemed's rule.
FORM_ORDER: dict[str, tuple[str, ...]] = {
    "standard": ("standard", "easier", "harder"),
    "easier": ("easier", "standard", "harder"),
    "harder": ("harder", "standard", "easier"),
}
Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]


def _printable(text: str) -> str:
    """Refuse control characters: a catalogue's words reach terminals and files."""
    found = CONTROLS.search(text)
    if found:
        raise ValueError(
            f"holds a control character ({repr(found.group())[1:-1]}); "
            "glutemed takes plain text only"
        )
    return text


Name = Annotated[str, StringConstraints(min_length=1, max_length=120), AfterValidator(_printable)]
Text = Annotated[str, StringConstraints(min_length=1, max_length=1000), AfterValidator(_printable)]


class _Model(BaseModel):
    # Built when first validating: a catalogue from the cache is never validated again.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, defer_build=True)


class Reps(_Model):
    """A rep range, inclusive at both ends."""

    min: int = Field(ge=1, le=1000)
    max: int = Field(ge=1, le=1000)

    @model_validator(mode="after")
    def _min_not_above_max(self) -> Reps:
        if self.min > self.max:
            raise ValueError(f"min ({self.min}) is above max ({self.max})")
        return self

    def __str__(self) -> str:
        return str(self.min) if self.min == self.max else f"{self.min}-{self.max}"


class FitCode(_Model):
    """A move's exercise in the FIT profile, for a watch's strength workout: a category
    older watches know (numbered below 33) and a name in it (65535: FIT's generic
    name for the category)."""

    category: int = Field(ge=0, le=32)
    name: int = Field(ge=0, le=65535)


class Variant(_Model):
    """An easier or a harder form of a move: glutemed's addition, not the source's.

    A form keeps its move's slug, reps, sides and lateral flag; it has its own
    name, equipment, steps and cues.
    """

    name: Name
    level: Level
    equipment: list[Equipment] = Field([], max_length=len(EQUIPMENT))
    steps: list[Text] = Field([], max_length=100)
    cues: list[Text] = Field([], max_length=100)
    #: The name of this form's figure in data/figures, where its movement differs.
    figure: Slug | None = None
    #: The form's FIT exercise (default: its move's).
    fit: FitCode | None = None

    @model_validator(mode="after")
    def _equipment_once(self) -> Variant:
        if len(set(self.equipment)) != len(self.equipment):
            raise ValueError("equipment lists an item twice")
        return self

    @property
    def needs(self) -> frozenset[str]:
        """The equipment this form cannot be done without."""
        return frozenset(self.equipment) - OPTIONAL_EQUIPMENT


class Exercise(_Model):
    """One move of the catalogue."""

    slug: Slug
    name: Name
    reps: Reps
    per_side: bool = False
    # Plain defaults, not default_factory: pydantic copies them per instance, and
    # inspecting a factory's signature costs milliseconds at every start.
    equipment: list[Equipment] = Field([], max_length=len(EQUIPMENT))
    lateral: bool = False
    steps: list[Text] = Field([], max_length=100)
    cues: list[Text] = Field([], max_length=100)
    variants: list[Variant] = Field([], max_length=10)
    #: The name of the move's figure in data/figures (default: its slug).
    figure: Slug | None = None
    #: The move's FIT exercise, for workouts on a watch (None: a generic one).
    fit: FitCode | None = None

    @model_validator(mode="after")
    def _equipment_once(self) -> Exercise:
        if len(set(self.equipment)) != len(self.equipment):
            raise ValueError("equipment lists an item twice")
        names = [self.name.casefold()] + [form.name.casefold() for form in self.variants]
        if len(set(names)) != len(names):
            raise ValueError("two forms of this move have the same name")
        return self

    def fits(self, available: frozenset[str]) -> bool:
        """Whether some form of this move can be done with this equipment."""
        return self.needs <= available or any(f.needs <= available for f in self.variants)

    def form(self, level: str, available: frozenset[str]) -> Variant | None:
        """The form to plan at ``level`` for a move that :meth:`fits`: a variant, or
        None for the source's standard form.

        glutemed's rule: the form asked for where the equipment allows it, else
        the standard form, else the other level's form.
        """
        for wanted in FORM_ORDER[level]:
            if wanted == "standard" and self.needs <= available:
                return None
            for variant in self.variants:
                if variant.level == wanted and variant.needs <= available:
                    return variant
        return None

    @property
    def needs(self) -> frozenset[str]:
        """The equipment this move cannot be done without."""
        return frozenset(self.equipment) - OPTIONAL_EQUIPMENT

    def variant_named(self, name: str) -> Variant | None:
        """The form called ``name`` (any case), or ``easier``, ``standard`` or ``harder``
        for the move's only form at that level; None is the move's own form.
        ValueError naming the forms there are."""
        wanted = " ".join(name.split()).casefold()
        if wanted in ("standard", self.name.casefold()):
            return None
        for variant in self.variants:
            if variant.name.casefold() == wanted:
                return variant
        at_level = [variant for variant in self.variants if variant.level == wanted]
        if len(at_level) == 1:
            return at_level[0]
        names = [self.name, *(variant.name for variant in self.variants)]
        forms = "; ".join(quoted(n) for n in names)
        raise ValueError(f"takes a form of {self.slug}: {forms}; not {quoted(name)}")

    @property
    def sides(self) -> str:
        return "each side" if self.per_side else "both legs"

    @property
    def equipment_text(self) -> str:
        return ", ".join(self.equipment) if self.equipment else "none"


class Catalogue(_Model):
    """The whole catalogue: a non-empty list of moves with unique slugs."""

    exercises: list[Exercise] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_slugs(self) -> Catalogue:
        first: dict[str, int] = {}
        for number, exercise in enumerate(self.exercises, start=1):
            if exercise.slug in first:
                raise ValueError(
                    f"entry {number}, field 'slug': {exercise.slug!r} "
                    f"is already the slug of entry {first[exercise.slug]}"
                )
            first[exercise.slug] = number
        return self

    @classmethod
    def trusted(cls, data: dict[str, Any]) -> Catalogue:
        """A catalogue from data this code validated before (a cache): no checks again."""

        def code(found: dict[str, Any] | None) -> FitCode | None:
            return None if found is None else FitCode.model_construct(**found)

        moves = [
            Exercise.model_construct(
                **{
                    **move,
                    "reps": Reps.model_construct(**move["reps"]),
                    "fit": code(move.get("fit")),
                    "variants": [
                        Variant.model_construct(**{**form, "fit": code(form.get("fit"))})
                        for form in move["variants"]
                    ],
                }
            )
            for move in data["exercises"]
        ]
        return cls.model_construct(exercises=moves)

    def __iter__(self) -> Iterator[Exercise]:  # type: ignore[override]
        return iter(self.exercises)

    def __len__(self) -> int:
        return len(self.exercises)

    def find(self, query: str) -> Exercise:
        """A move by slug, by name (any case) or by its 1-based number."""
        wanted = query.strip()
        folded = wanted.casefold()
        for exercise in self.exercises:
            if exercise.slug == wanted:
                return exercise
        for exercise in self.exercises:
            if exercise.name.casefold() == folded:
                return exercise
        if wanted.isdecimal() and len(wanted) < 8 and 1 <= int(wanted) <= len(self.exercises):
            return self.exercises[int(wanted) - 1]
        raise NotFoundError(self._not_found_message(wanted))

    def _not_found_message(self, wanted: str) -> str:
        slugs = [exercise.slug for exercise in self.exercises]
        shown = clip(wanted)
        folded = wanted.casefold()[:80]
        close = [slug for slug in slugs if folded and folded in slug]
        close += difflib.get_close_matches(folded, slugs, n=3, cutoff=0.5)
        close = list(dict.fromkeys(close))[:3]
        if not close:
            by_name = {e.name.casefold(): e.slug for e in self.exercises}
            names = difflib.get_close_matches(folded, by_name, n=3, cutoff=0.5)
            close = [by_name[name] for name in names]
        if close:
            return f"no move {shown!r} in the catalogue; did you mean {_or_list(close)}?"
        return (
            f"no move {shown!r} in the catalogue; give a slug, a name or a number "
            f"from 1 to {len(slugs)} (see 'glutemed list')"
        )


def _or_list(items: list[str]) -> str:
    quoted = [repr(item) for item in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]
