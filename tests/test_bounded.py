"""The one bounded way in for files we are handed: no pipe, device or folder, a byte cap that does
not trust the reported size, a cap on what decompression gives, an image's size before decoding."""

import os
import resource
import struct
import zlib

import pytest

from game.bounded import MiB, Unreadable, image_size, inflate, read_bytes


def test_a_regular_file_within_its_cap_is_read(tmp_path):
    (tmp_path / "a").write_bytes(b"x" * 100)
    assert read_bytes(tmp_path / "a", 100) == b"x" * 100
    with pytest.raises(Unreadable, match="more than the 99"):
        read_bytes(tmp_path / "a", 99)


@pytest.mark.parametrize("make, why", [
    (lambda p: os.mkfifo(p), "named pipe"),
    (lambda p: os.symlink("/dev/zero", p), "device"),
    (lambda p: os.mkdir(p), "folder"),
])
def test_pipes_devices_and_folders_are_refused_at_once(tmp_path, make, why):
    target = tmp_path / "thing"
    make(target)
    with pytest.raises(Unreadable, match=why):
        read_bytes(target, MiB)  # a pipe would block forever; /dev/zero would fill the memory


def test_a_missing_file_says_so(tmp_path):
    with pytest.raises(Unreadable, match="not found"):
        read_bytes(tmp_path / "nope", 10)


def test_a_zlib_bomb_is_refused_without_inflating_it():
    bomb = zlib.compress(b"\0" * (256 * MiB), 9)  # 256 KB of input
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(Unreadable, match="more than the 4096"):
        inflate(bomb, "zlib", 4096)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert after - before < 64 * 1024  # KiB: nothing near the 256 MiB it would inflate to
    assert inflate(zlib.compress(b"abc"), "zlib", 3) == b"abc"
    with pytest.raises(Unreadable, match="cut short"):
        inflate(zlib.compress(b"abcdef")[:-4], "zlib", 100)
    with pytest.raises(Unreadable, match="corrupt"):
        inflate(b"not zlib at all", "gzip", 100)


def test_an_image_says_its_size_before_it_is_decoded():
    header = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">II", 20000, 30000)
    assert image_size(header + b"\0" * 9) == (20000, 30000)
    with pytest.raises(Unreadable, match="not a PNG"):
        image_size(b"GIF89a...")
