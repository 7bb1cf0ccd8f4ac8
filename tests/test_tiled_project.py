"""The Tiled project declares exactly the kinds and properties the game knows."""

import json
import xml.etree.ElementTree as ET

from conftest import ROOT, run_module
from game.world.kinds import KINDS


def test_generated_project_files_are_up_to_date():
    result = run_module("tools.tiled_project", "--check")
    assert result.returncode == 0, result.stderr


def test_object_types_for_tiled_18_match_the_kinds_table():
    root = ET.parse(ROOT / "maps" / "objecttypes.xml").getroot()
    declared = {t.get("name"): {p.get("name"): p.get("type") for p in t.findall("property")}
                for t in root.findall("objecttype")}
    assert declared == {name: {p: prop.type for p, prop in kind.props.items()} for name, kind in KINDS.items()}


def test_project_classes_for_newer_tiled_match_and_point_18_at_the_types_file():
    project = json.loads((ROOT / "maps" / "redemption.tiled-project").read_text())
    assert project["objectTypesFile"] == "objecttypes.xml"
    what = "type"  # Tiled's word for what a custom type is (class or enum), not a game event
    classes = {t["name"]: {m["name"]: m["type"] for m in t["members"]} for t in project["propertyTypes"]
               if t[what] == "class"}
    assert classes == {name: {p: prop.type for p, prop in kind.props.items()} for name, kind in KINDS.items()}
    assert all(t["useAs"] == ["object"] for t in project["propertyTypes"] if t[what] == "class")
    # Every property with a fixed set of words is a drop-down: an enum of exactly those words, in order.
    enums = {t["name"]: t["values"] for t in project["propertyTypes"] if t[what] == "enum"}
    for t in project["propertyTypes"]:
        for m in t.get("members", ()):
            choices = KINDS[t["name"]].props[m["name"]].choices
            assert (m.get("propertyType") is not None) == bool(choices)
            if choices:
                assert enums[m["propertyType"]] == list(choices)


def test_readme_documents_every_kind_and_property():
    readme = (ROOT / "maps" / "README.md").read_text()
    for name, kind in KINDS.items():
        assert f"`{name}`" in readme
        for prop in kind.props:
            assert f"`{prop}`" in readme
