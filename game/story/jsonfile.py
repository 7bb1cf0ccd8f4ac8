"""One JSON file of the player's that must survive crashes, full disks and bad edits.

Shared by the save and the settings. A write goes to `NAME.tmp`, is fsynced and only then
replaces `NAME` (`os.replace` is atomic), so a crash or power cut leaves either the old file
or the new one, never half of each. Before that replace the current file, if it is valid,
becomes `NAME.bak` (also through a tmp file), so a file that is damaged later (a bad disk,
a hand edit) still has the previous save behind it.

A file we cannot use is never deleted or overwritten: it is renamed to `NAME.corrupt`
(`.corrupt.1`, ... if that is taken) so a bug report can include it. Nothing here raises for
file content or an OSError; problems come back as short notice lines for the player, each
given once per `JsonFile`, because a notice repeated every autosave is noise.

Reading goes through `game.bounded` with a byte cap (`limit`): a `NAME` that is a named pipe,
a link to a device such as /dev/zero, or a folder is not a file at all. It is neither read (a
pipe would block, a device never ends) nor renamed (it is not the player's data, and not ours
to move): it is left where it is, said once, and the game goes on from the backup or afresh;
nor is it written over while it is there. A regular file past the cap is damaged, like any
other file that is not a save.
"""

from __future__ import annotations

import errno
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Generic, TypeVar

from .. import bounded

T = TypeVar("T")
MiB = bounded.MiB

# parse(decoded JSON) -> (value, notices); raises ValueError when the document is unusable.
Parse = Callable[[object], "tuple[T, list[str]]"]


@dataclass(frozen=True)
class Wording:
    """The player-facing words for one kind of file ("Your save was", "starting a new game")."""

    subject: str  # "Your save was" / "Your settings were"
    fresh: str  # what we do when nothing can be used: "starting a new game"
    write_failed: str  # "Could not save your progress"


def decode(raw: bytes) -> object:
    """The JSON document in `raw`; ValueError with a short reason when there is none."""
    if not raw.strip():
        raise ValueError("the file is empty")
    try:
        return json.loads(raw)
    except UnicodeDecodeError:
        raise ValueError("not text") from None
    except json.JSONDecodeError as exc:
        cut = exc.pos >= len(raw.rstrip()) or exc.msg.startswith("Unterminated")
        raise ValueError("cut short" if cut else "not valid JSON") from None
    except ValueError:  # e.g. an integer too long to convert
        raise ValueError("not valid JSON") from None
    except RecursionError:
        raise ValueError("nested too deeply") from None


class NotAFile(OSError):
    """The path holds something that is not a regular file (a pipe, a device, a folder), or a
    file the system will not let us read; `strerror` says which, naming it."""


def os_reason(exc: OSError) -> str:
    """A few words a player can act on, rather than an errno."""
    if isinstance(exc, NotAFile):
        return exc.strerror
    if exc.errno == errno.ENOSPC or exc.errno == getattr(errno, "EDQUOT", None):
        return "the disk is full"
    if exc.errno == errno.EROFS:
        return "the disk is read-only"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if isinstance(exc, (FileExistsError, NotADirectoryError)):
        return "a file is in the way"
    return (exc.strerror or type(exc).__name__).lower()


def fsync_dir(folder: Path) -> None:
    """Make a rename in `folder` durable; silently skipped where directories cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path, raw: bytes) -> None:
    """Replace `path` by `raw` all at once; on OSError the old file is untouched and no tmp is left."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "wb") as f:
            f.write(raw)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError:
        _remove_quietly(tmp)
        raise


def _remove_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


class JsonFile(Generic[T]):
    """`folder/name`, its `.bak`, and the notices already given about them."""

    def __init__(self, folder: Path, name: str, parse: Parse, wording: Wording, limit: int = 4 * MiB):
        self.limit = limit  # bytes: a file past it is not one of ours
        self.folder = Path(folder)
        self.path = self.folder / name
        self.backup = self.folder / (name + ".bak")
        self.parse = parse
        self.wording = wording
        self._given: set[str] = set()

    # -- reading ------------------------------------------------------------------------

    def _raw(self, path: Path) -> bytes:
        """The bytes of `path`: FileNotFoundError if there is nothing there, `NotAFile` if it is
        not a regular file we can read, ValueError if it is a regular file too big to be ours."""
        try:
            return bounded.read_bytes(path, self.limit)
        except bounded.Unreadable as exc:
            try:
                info = os.stat(path)
            except (FileNotFoundError, NotADirectoryError):
                raise FileNotFoundError(errno.ENOENT, "no such file", str(path)) from None
            except OSError:
                info = None
            if info is not None and stat.S_ISREG(info.st_mode) and info.st_size > self.limit:
                raise ValueError(f"it is {info.st_size} bytes, more than the {self.limit} allowed") from None
            reason = str(exc)
            named = f"{path.name} {reason[3:]}" if reason.startswith("it ") else f"{path.name}: {reason}"
            raise NotAFile(errno.EINVAL, named) from None

    def _read(self, path: Path) -> tuple[bytes, T, list[str]]:
        """Raw bytes, value and notices; FileNotFoundError/OSError, or ValueError if unusable."""
        raw = self._raw(path)
        try:
            value, notices = self.parse(decode(raw))
        except (TypeError, KeyError, RecursionError, OverflowError) as exc:  # a parser bug must not lose a save
            raise ValueError(f"unreadable ({type(exc).__name__})") from None
        return raw, value, notices

    def _read_backup(self) -> tuple[bytes, T, list[str]] | None:
        try:
            return self._read(self.backup)
        except (OSError, ValueError):
            return None

    def load(self, fresh: Callable[[], T]) -> tuple[T, list[str]]:
        """The file's value (or the backup's, or `fresh()`) and the notices for the player."""
        try:
            _, value, notices = self._read(self.path)
            return value, self._once(notices)
        except (FileNotFoundError, NotADirectoryError):  # the latter: the folder is a file (ensure_dir says so)
            backup = self._read_backup()
            if backup is None:
                return fresh(), []
            # Only reachable if the file was deleted by hand or an earlier restore failed:
            # the backup is the player's progress, so keep it rather than start over.
            self._restore(backup[0])
            line = f"{self.wording.subject} missing; restored the backup from before the last save."
            return backup[1], self._once([line, *backup[2]])
        except OSError as exc:
            # Unreadable is not damaged: leave the file where it is (the save will not overwrite
            # it either, since it cannot back it up) and play from the backup meanwhile.
            problem = f"{self.wording.subject} unreadable ({os_reason(exc)})"
            moved = None
        except ValueError as exc:
            problem = f"{self.wording.subject} damaged ({exc})"
            moved = self._quarantine()
        kept = self._kept(moved)
        backup = self._read_backup()
        if backup is None:
            line = f"{problem} and there is no usable backup; {self.wording.fresh}{kept}."
            return fresh(), self._once([line])
        if moved is not None:
            self._restore(backup[0])
        line = f"{problem}; restored the backup from before the last save{kept}."
        return backup[1], self._once([line, *backup[2]])

    def _quarantine(self) -> Path | OSError:
        """Rename the bad file to the first free `.corrupt` name; the OSError if it cannot be."""
        n = 0
        while True:
            suffix = ".corrupt" if n == 0 else f".corrupt.{n}"
            target = self.path.with_name(self.path.name + suffix)
            if not os.path.lexists(target):
                break
            n += 1
        try:
            os.rename(self.path, target)
        except OSError as exc:
            return exc
        return target

    @staticmethod
    def _kept(moved: Path | OSError | None) -> str:
        if moved is None:
            return ""
        if isinstance(moved, OSError):
            return f" (could not move the damaged file aside: {os_reason(moved)})"
        return f" (the damaged file is kept as {moved.name})"

    def _restore(self, raw: bytes) -> None:
        """Put the backup back as the main file so the next start finds it; best effort."""
        try:
            write_atomic(self.path, raw)
            fsync_dir(self.folder)
        except OSError:
            pass

    # -- writing ------------------------------------------------------------------------

    def save(self, document: object) -> list[str]:
        """Write `document` safely; one notice (and the old files untouched) on OSError."""
        raw = (json.dumps(document, indent=2, sort_keys=True, allow_nan=False) + "\n").encode("utf-8")
        tmp = self.path.with_name(self.path.name + ".tmp")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with open(tmp, "wb") as f:
                f.write(raw)
                f.flush()
                os.fsync(f.fileno())
            current = self._current_if_valid()
            if current is not None:
                write_atomic(self.backup, current)
            os.replace(tmp, self.path)
        except OSError as exc:
            _remove_quietly(tmp)
            return self._once([f"{self.wording.write_failed} ({os_reason(exc)}); the game goes on."])
        fsync_dir(self.folder)
        return []

    def _current_if_valid(self) -> bytes | None:
        """The current file's bytes if worth backing up; None if absent or damaged.

        A damaged file never replaces a good backup. An unreadable one raises, so the save is
        abandoned rather than writing over a file we could not look at."""
        try:
            raw = self._raw(self.path)
        except (FileNotFoundError, ValueError):  # nothing there, or too big to be ours
            return None
        try:
            self.parse(decode(raw))
        except (ValueError, TypeError, KeyError, RecursionError, OverflowError):
            return None
        return raw

    def _once(self, lines: list[str]) -> list[str]:
        fresh = [line for line in dict.fromkeys(lines) if line not in self._given]
        self._given.update(fresh)
        return fresh
