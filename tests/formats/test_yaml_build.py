"""glutemed builds YAML data from parser events itself (never recursing): it must
agree with PyYAML's safe loader on everything a catalogue can hold."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from glutemed.formats.catalogue_yaml import read_yaml
from glutemed.storage.paths import builtin_catalogue as builtin_path

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 1, 1)),
    st.sampled_from(["yes", "no", "on", "off", "~", "null", "0x1F", "1e3", ".inf", "<<", "="]),
)
documents = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(st.text(max_size=8) | st.integers(0, 9), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(data=documents, flow=st.sampled_from([None, True, False]))
def test_same_data_as_the_safe_loader(
    tmp_path_factory: pytest.TempPathFactory, data: object, flow: bool | None
) -> None:
    text = yaml.safe_dump({"doc": data}, default_flow_style=flow, allow_unicode=True)
    path = tmp_path_factory.mktemp("y") / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    assert read_yaml(path.read_bytes(), path) == yaml.safe_load(text)


def test_same_data_for_the_builtin_catalogue_and_anchors(tmp_path: Path) -> None:
    text = builtin_path().read_text()
    assert read_yaml(builtin_path().read_bytes(), builtin_path()) == yaml.safe_load(text)
    shared = "a: &x {k: [1, 2]}\nb: *x\nc: !!str 5\nd: !!int '7'\ne: 'quoted: yes'\n"
    path = tmp_path / "anchors.yaml"
    path.write_text(shared)
    built = read_yaml(path.read_bytes(), path)
    assert built == yaml.safe_load(shared)
    assert built["a"] is built["b"]  # aliases are shared, as in PyYAML
