"""The whole corpus of broken maps (tests/maps/bad/) is refused cleanly, and reading a map
never expands entities or opens files other than the map's own tilesets.

For every bad map, `python -m game.sim MAP` exits with status 2 and prints exactly one line on
stderr, naming the file and the problem, and no traceback. The wall time of each run (interpreter
start included) is printed, not asserted: run with `-s` to see the table.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from conftest import ROOT, TEST_MAPS, fast_first, run_module
from game.errors import MapError
from game.world.level import load_level
from game.world.tmx import MAX_FILE_BYTES

BAD = TEST_MAPS / "bad"

# map -> (what the line must say, the file it must name)
CASES = {
    # the first corpus (tests/test_bad_input.py checks these too)
    "missing.tmx": ("file not found", "missing.tmx"),
    "malformed.tmx": ("malformed XML", "malformed.tmx"),
    "missing_tileset.tmx": ("no_such_tileset.tsx", "missing_tileset.tmx"),
    "missing_image.tmx": ("no_such_image.png", "no_image.tsx"),
    "unknown_kind.tmx": ("unknown kind 'Gaurd'", "unknown_kind.tmx"),
    "route_missing.tmx": ("object 99", "route_missing.tmx"),
    "tile_out_of_range.tmx": ("tile id 999", "tile_out_of_range.tmx"),
    "short_data.tmx": ("layer data has", "short_data.tmx"),
    "wrong_property_type.tmx": ("property 'wait'", "wrong_property_type.tmx"),
    "entity_bomb.tmx": ("entities are not allowed", "entity_bomb.tmx"),
    "external_entity.tmx": ("entities are not allowed", "external_entity.tmx"),
    "no_spawn.tmx": ("PlayerSpawn", "no_spawn.tmx"),
    # wrong tilesets
    "tileset_not_xml.tmx": ("malformed XML", "not_xml.tsx"),  # a .tsx that is a text file
    "tileset_wrong_root.tmx": ("expected a <tileset> document, found <map>", "wrong_root.tsx"),
    "tileset_16px.tmx": ("16x16", "tiles16.tsx"),  # the game's tiles are 32x32
    "tileset_with_entity.tmx": ("entities are not allowed", "entity.tsx"),
    "tileset_outside.tmx": ("tileset", "tileset_outside.tmx"),  # source="../../(...)/etc/passwd"
    # layer data and size
    "tile_out_of_range_zlib.tmx": ("tile id 999", "tile_out_of_range_zlib.tmx"),  # base64 + zlib layer
    "huge.tmx": ("100000x100000", "huge.tmx"),
    # entities in other forms
    "entity_bomb_parameter.tmx": ("entities are not allowed", "entity_bomb_parameter.tmx"),
    "external_entity_after_comment.tmx": ("entities are not allowed", "external_entity_after_comment.tmx"),
    "entity_bomb_utf16.tmx": ("entities are not allowed", "entity_bomb_utf16.tmx"),  # the bomb, in UTF-16
    # not XML at all
    "garbage.tmx": ("malformed XML", "garbage.tmx"),
    # objects
    "route_as_string.tmx": ("property 'route' is a string", "route_as_string.tmx"),
    "route_one_point.tmx": ("at least two points", "route_one_point.tmx"),
}
NAMES_OBJECT = {"unknown_kind.tmx": "object 3", "route_missing.tmx": "object 3", "wrong_property_type.tmx": "object 1",
                "route_as_string.tmx": "object 3", "route_one_point.tmx": "object 1"}
TIMES: dict[str, float] = {}


def test_every_map_of_the_corpus_has_a_case():
    assert sorted(p.name for p in BAD.glob("*.tmx")) == sorted(set(CASES) - {"missing.tmx"})


@pytest.mark.parametrize("name", fast_first(sorted(CASES), sorted(CASES)))
def test_sim_refuses_a_bad_map_with_one_line_and_status_2(name):
    expected, names_file = CASES[name]
    started = time.perf_counter()
    result = run_module("game.sim", str(BAD / name), "--seconds", "1", timeout=60)
    TIMES[name] = time.perf_counter() - started
    print(f"\n{name}: status {result.returncode} after {TIMES[name]:.2f} s (interpreter start included): "
          f"{result.stderr.strip() or result.stdout.strip()}")
    assert result.returncode == 2, f"status {result.returncode}: {result.stdout}{result.stderr}"
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected in lines[0]
    assert names_file in lines[0]
    if name in NAMES_OBJECT:
        assert NAMES_OBJECT[name] in lines[0]
    assert result.stdout == ""


def test_a_tileset_outside_the_project_is_refused_without_printing_it():
    """source="../../(...)/etc/passwd": the line is about the map's tileset, nothing of the file shows."""
    result = run_module("game.sim", str(BAD / "tileset_outside.tmx"), "--seconds", "1", timeout=60)
    assert result.returncode == 2
    out = result.stdout + result.stderr
    passwd = Path("/etc/passwd")
    lines = [line.strip() for line in passwd.read_text(errors="replace").splitlines() if line.strip()] if passwd.is_file() else []
    assert "root:" not in out and not any(line in out for line in lines), out
    assert "not a tileset" in out or "tileset file" in out, out


# ------------------------------------------------------------------------- cost of refusing
def _peak_bytes_while_loading(path: Path) -> int:
    tracemalloc.start()
    try:
        with pytest.raises(MapError):
            load_level(path)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_huge_map_is_refused_from_its_header_without_allocating():
    assert _peak_bytes_while_loading(BAD / "huge.tmx") < 1_000_000


def test_an_oversized_tileset_is_refused_without_being_read(tmp_path):
    """A tileset source that is a 64 MB file: refused, with no more than the limit read."""
    big = tmp_path / "big.tsx"
    with open(big, "wb") as f:  # sparse: costs no disk
        f.write(b'<?xml version="1.0"?>\n<tileset ')
        f.truncate(64 * 1024 * 1024)
    text = (BAD / "tileset_not_xml.tmx").read_text().replace('source="not_xml.tsx"', f'source="{big.as_posix()}"')
    (tmp_path / "map.tmx").write_text(text)
    assert _peak_bytes_while_loading(tmp_path / "map.tmx") < MAX_FILE_BYTES + 4_000_000


# ---------------------------------------------------------- no entities, no other files read
MARKER = "MARKER-7f3a9c1e-never-read"


def _with_doctype(map_text: str, doctype: str, value: str) -> str:
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    assert map_text.startswith(head)
    return (head + doctype + "\n" + map_text[len(head):]).replace(
        '<property name="ambient"', f'<property name="x" value="{value}"/>\n  <property name="ambient"')


def _sneaky_maps(folder: Path) -> list[Path]:
    """Maps (and a tileset) that try to pull the marker file in, in every way XML allows."""
    secret = folder / "secret.txt"
    secret.write_text(MARKER + "\n")
    (folder / "secret.dtd").write_text(f'<!ENTITY leak "{MARKER}">\n')
    uri = secret.as_uri()
    dtd = (folder / "secret.dtd").as_uri()
    base = (BAD / "route_missing.tmx").read_text().replace('value="99"', 'value="1"').replace(
        "../../../maps/tilesets/garage.tsx", (ROOT / "maps" / "tilesets" / "garage.tsx").as_posix())
    variants = {
        "attribute": (f'<!DOCTYPE map [<!ENTITY leak SYSTEM "{uri}">]>', "&leak;"),
        "parameter": (f'<!DOCTYPE map [<!ENTITY % p SYSTEM "{uri}"> %p;]>', "x"),
        "external_dtd": (f'<!DOCTYPE map SYSTEM "{dtd}">', "&leak;"),
        "after_comment": (f'<!-- a comment first -->\n<!DOCTYPE map [<!ENTITY leak SYSTEM "{uri}">]>', "&leak;"),
    }
    paths = []
    for name, (doctype, value) in variants.items():
        text = _with_doctype(base, doctype, value)
        paths.append(folder / f"{name}.tmx")
        paths[-1].write_text(text)
        paths.append(folder / f"{name}_utf16.tmx")
        paths[-1].write_bytes(text.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))
    content = base.replace('<property name="ambient"', '<property name="x">&leak;</property>\n  <property name="ambient"')
    content = content.replace("<map ", f'<!DOCTYPE map [<!ENTITY leak SYSTEM "{uri}">]>\n<map ', 1)
    paths.append(folder / "content.tmx")
    paths[-1].write_text(content)
    xinclude = base.replace("<map ", '<map xmlns:xi="http://www.w3.org/2001/XInclude" ', 1).replace(
        "<properties>", f'<properties>\n  <xi:include href="{uri}" parse="text"/>', 1)
    paths.append(folder / "xinclude.tmx")
    paths[-1].write_text(xinclude)
    tsx = (ROOT / "maps" / "tilesets" / "garage.tsx").read_text().replace(
        "<tileset ", f'<!DOCTYPE tileset [<!ENTITY leak SYSTEM "{uri}">]>\n<tileset ', 1).replace(
        'name="garage"', 'name="&leak;"').replace('source="garage.png"', f'source="{(ROOT / "maps/tilesets/garage.png").as_posix()}"')
    (folder / "sneaky.tsx").write_text(tsx)
    paths.append(folder / "tileset_entity.tmx")
    paths[-1].write_text(base.replace((ROOT / "maps" / "tilesets" / "garage.tsx").as_posix(), "sneaky.tsx"))
    return paths


SNEAKY = [f"{v}{enc}.tmx" for v in ("attribute", "parameter", "external_dtd", "after_comment") for enc in ("", "_utf16")] + [
    "content.tmx", "xinclude.tmx", "tileset_entity.tmx"]


@pytest.fixture(scope="module")
def sneaky(tmp_path_factory) -> dict[str, Path]:
    paths = {p.name: p for p in _sneaky_maps(tmp_path_factory.mktemp("sneaky"))}
    assert sorted(paths) == sorted(SNEAKY)
    return paths


@pytest.mark.parametrize("name", fast_first(SNEAKY, SNEAKY))
def test_the_marker_never_appears_in_the_output(sneaky, name):
    result = run_module("game.sim", str(sneaky[name]), "--seconds", "1", "--json", timeout=60)
    out = result.stdout + result.stderr
    assert MARKER not in out, out
    assert "Traceback" not in result.stderr, result.stderr
    if name != "xinclude.tmx":  # XInclude is not processed at all: that map is fine as it is
        # A document type declaration is refused before parsing, whatever the encoding.
        assert result.returncode == 2, f"not refused: {out[:300]}"
        assert len(result.stderr.strip().splitlines()) == 1
        assert "entities are not allowed" in result.stderr


_OPENED: list[str] | None = None


def _audit(event: str, args) -> None:
    if _OPENED is not None and event == "open" and isinstance(args[0], (str, bytes, Path)):
        path = Path(args[0] if not isinstance(args[0], bytes) else args[0].decode())
        if path.suffix not in (".py", ".pyc", ".so", ".pyd"):  # a lazy import is not reading a map
            _OPENED.append(str(path.resolve()))


sys.addaudithook(_audit)  # audit hooks cannot be removed: it records only while _OPENED is a list


def _files_opened_loading(path: Path) -> tuple[set[str], object]:
    global _OPENED
    _OPENED = []
    try:
        try:
            outcome = load_level(path)
        except MapError as exc:
            outcome = exc
        return set(_OPENED), outcome
    finally:
        _OPENED = None


def _tileset_sources(path: Path) -> set[str]:
    import re

    data = path.read_bytes()
    text = data.decode("utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8", "replace")
    sources = {(path.parent / s).resolve() for s in re.findall(r'<tileset[^>]*source="([^"]+)"', text)}
    images = set()  # the tilesets' own images: their headers are read (the size, before decoding)
    for tsx in sources:
        if tsx.is_file():
            images |= {str((tsx.parent / s).resolve())
                       for s in re.findall(r'<image[^>]*source="([^"]+)"', tsx.read_text(errors="replace"))}
    return {str(s) for s in sources} | images


def test_loading_opens_only_the_map_and_its_tilesets(sneaky):
    maps = list(sneaky.values()) + sorted(BAD.glob("*.tmx")) + sorted((ROOT / "maps").glob("*.tmx")) + sorted(TEST_MAPS.glob("*.tmx"))
    for path in maps:
        opened, outcome = _files_opened_loading(path)
        allowed = {str(path.resolve())} | _tileset_sources(path)
        assert opened <= allowed, f"{path.name} opened {sorted(opened - allowed)}"
        assert not any(name.endswith(("secret.txt", "secret.dtd")) for name in opened)
        if not isinstance(outcome, MapError):
            assert MARKER not in repr(outcome.properties) and all(MARKER not in repr(o.props) for o in outcome.objects)


def teardown_module(module):
    if TIMES:
        slowest = max(TIMES, key=TIMES.get)
        print(f"\nbad maps: {len(TIMES)} runs, {sum(TIMES.values()):.1f} s in all, "
              f"{min(TIMES.values()):.2f}-{max(TIMES.values()):.2f} s each (slowest {slowest})")
