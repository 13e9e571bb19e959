"""jieba's dictionary and HMM tables, read without importing jieba or loading the dictionary.

jieba keeps its dictionary (``dict.txt``, 350,000 words) in memory and loads it in half a second.
plantrack cuts only a few short phrases per notice, so the dictionary is written once into an
SQLite file in plantrack's cache folder (``PLANTRACK_CACHE_DIR``, else ``$XDG_CACHE_HOME/plantrack``,
else ``~/.cache/plantrack``) and looked up word by word. Where that folder cannot be written the
file is built in memory for the process. jieba's own cache in the system temp folder is never used.
The HMM tables for words the dictionary lacks are jieba's ``finalseg`` modules, loaded from their
files (and bytecode cache) under private names: importing the ``jieba`` package costs more than
the whole rest of an extraction.
"""

from __future__ import annotations

import importlib.util
import os
import sqlite3
import threading
from collections.abc import Iterable
from contextlib import suppress
from functools import cache
from pathlib import Path
from typing import Any

LEXICON_FORMAT = 1  # bump when the layout of the SQLite file changes
_BATCH = 500  # words per look-up query (SQLite allows 999 parameters)


class Lexicon:
    """jieba's dictionary with every prefix of every word at frequency 0, as jieba builds it."""

    def __init__(self, connection: sqlite3.Connection, total: int) -> None:
        self._db = connection
        self.total = total
        self._memo: dict[str, int | None] = {}
        self._lock = threading.Lock()

    def get(self, word: str) -> int | None:
        """The word's frequency; 0 for a prefix of a word only; None for neither."""
        if word in self._memo:
            return self._memo[word]
        with self._lock:
            row = self._db.execute("SELECT f FROM words WHERE w = ?", (word,)).fetchone()
        found = None if row is None else int(row[0])
        self._memo[word] = found
        return found

    def prefetch(self, words: Iterable[str]) -> None:
        """Look many words up in a few queries (the terms added to every tokenizer)."""
        wanted = sorted({w for w in words if w not in self._memo})
        for i in range(0, len(wanted), _BATCH):
            chunk = wanted[i : i + _BATCH]
            marks = ",".join("?" * len(chunk))
            with self._lock:
                rows = self._db.execute(f"SELECT w, f FROM words WHERE w IN ({marks})", chunk).fetchall()
            self._memo.update(dict.fromkeys(chunk))
            self._memo.update((w, int(f)) for w, f in rows)


def jieba_dir() -> Path:
    spec = importlib.util.find_spec("jieba")  # finds the package without running its __init__
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("jieba")
    return Path(next(iter(spec.submodule_search_locations)))


@cache
def lexicon() -> Lexicon:
    """The shared, read-only dictionary of this process."""
    dictionary = jieba_dir() / "dict.txt"
    stat = dictionary.stat()
    folder = cache_dir()
    if folder is None:  # no home folder to keep it in: this process's copy only
        connection = _build_in_memory(*_read_dictionary(dictionary))
    else:
        path = folder / f"words-{LEXICON_FORMAT}-{stat.st_size}-{stat.st_mtime_ns}.sqlite"
        connection = (_connect(path) if path.is_file() else None) or _build(dictionary, path)
    total = connection.execute("SELECT total FROM meta").fetchone()[0]
    return Lexicon(connection, int(total))


@cache
def hmm_tables() -> tuple[dict[str, float], dict[str, dict[str, float]], dict[str, dict[str, float]]]:
    """jieba's start, transition and emission log-probabilities of the B/M/E/S states."""
    start, trans, emit = (_module(f"prob_{name}").P for name in ("start", "trans", "emit"))
    return start, trans, emit


def _module(name: str) -> Any:
    path = jieba_dir() / "finalseg" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"_plantrack_jieba_{name}", path)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(str(path))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cache_dir() -> Path | None:
    """plantrack's cache folder; None when there is none to use (no HOME and no passwd entry: a
    service account, a container running under a bare uid)."""
    explicit = os.environ.get("PLANTRACK_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "plantrack"
    try:
        return Path.home() / ".cache" / "plantrack"
    except (RuntimeError, KeyError, OSError):
        return None


def _connect(path: Path) -> sqlite3.Connection | None:
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
        connection.execute("SELECT total FROM meta").fetchone()
    except sqlite3.Error:
        return None
    return connection


def _build(dictionary: Path, path: Path) -> sqlite3.Connection:
    """Write the file beside its final name and move it in place (another process building it at
    the same time is harmless); in memory when the cache folder cannot be written."""
    freq, total = _read_dictionary(dictionary)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(tmp)
        _fill(connection, freq, total)
        connection.close()
        os.replace(tmp, path)
    except (OSError, sqlite3.Error):
        with suppress(OSError):
            tmp.unlink(missing_ok=True)
        return _build_in_memory(freq, total)
    return _connect(path) or _build_in_memory(freq, total)


def _build_in_memory(freq: dict[str, int], total: int) -> sqlite3.Connection:
    connection = sqlite3.connect(":memory:", check_same_thread=False)
    _fill(connection, freq, total)
    return connection


def _fill(connection: sqlite3.Connection, freq: dict[str, int], total: int) -> None:
    connection.execute("CREATE TABLE words (w TEXT PRIMARY KEY, f INTEGER) WITHOUT ROWID")
    connection.execute("CREATE TABLE meta (total INTEGER)")
    connection.executemany("INSERT INTO words VALUES (?, ?)", sorted(freq.items()))
    connection.execute("INSERT INTO meta VALUES (?)", (total,))
    connection.commit()


def _read_dictionary(dictionary: Path) -> tuple[dict[str, int], int]:
    """What jieba's gen_pfdict builds: each word's frequency, each prefix at 0, and the total."""
    freq: dict[str, int] = {}
    total = 0
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        parts = line.strip().split(" ")
        if len(parts) < 2:
            continue
        word, count = parts[0], int(parts[1])
        freq[word] = count
        total += count
        for end in range(1, len(word)):
            freq.setdefault(word[:end], 0)
    return freq, total
