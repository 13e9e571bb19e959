"""Fuzz inputs and targets for extract, the plan loader and the journal loader.

Each generator takes a `random.Random`, so the hypothesis tests (`st.randoms()`, bounded examples,
shrinkable) and the long run in bench/reliability_run.py (10,000 inputs) draw from the same inputs: real
notices, plans and journals cut, spliced, bit-flipped and salted with hostile pieces.
Each target returns normally or raises a PlantrackError; anything else is a bug.
"""

from __future__ import annotations

import contextlib
import random
import tempfile
from collections.abc import Callable
from pathlib import Path

from plantrack.errors import PlantrackError

ROOT = Path(__file__).resolve().parents[2]
NOTICES = [ROOT / "data" / "sources" / "jian-2017.txt", ROOT / "data" / "sources" / "ningxia-2023.txt"]
PLAN_FILE = ROOT / "tests" / "fixtures" / "plans" / "mini-2017.yaml"

PIECES = [
    "一、", "（一）", "(二)", "1.", "（1）", "①", "第一条", "关于", "的通知", "工作要点", "实施方案",
    "市人社局牵头", "（市发改委、市财政局配合）", "分别负责", "会同", "完成", "4.36万人", "不低于95%",
    "9月底前", "年底前", "2017年", "〔2017〕1号", "\x1b]52;c;aGk=\x07", "\u202e", "\ufffd", "\x00",
    "《", "》", "（", "）", "\n", "\r\n", "\t", "  ", "<p>", "</td><td>", "&nbsp;", "…" * 50, "9" * 400,
]  # fmt: skip
YAML_PIECES = [
    "&a [1]", "*a", "<<: *a", "!!python/object:os.system", ".nan", ".inf", "-.inf", "2017-02-30",
    "9" * 5000, "{", "}", "[", "]", ": ", "- ", "'", '"', "\t", "tasks: []", "id: ../x", "year: -1",
    "~", "null", "1e999", "? ", "|", ">", "#", "\\u0000", "\x1b",
]  # fmt: skip
JOURNAL_PIECES = [
    '"percent": NaN', '"percent": 1e999', '"percent": -5', '"id": 0', '"id": 1e3', '"as_of": "2017-02-30"',
    '"actuals": {"0": Infinity}', '"undoes": 1', '"corrects": 99', "{", "}", '"', "\\", "\n", "\r", "- ",
    "# 注释", "\ufeff", "\x00",
]  # fmt: skip
JOURNAL_LINE = (
    '- {"id": %d, "task": "1.%d", "as_of": "2017-0%d-30", "recorded_at": "2017-10-09T09:12:00", '
    '"agency": "市人社局", "percent": %d, "actuals": {"0": %d}, "note": "进展%d"}\n'
)


def _mutate(data: bytes, rng: random.Random, pieces: list[str], rounds: int) -> bytes:
    out = bytearray(data)
    for _ in range(rounds):
        op = rng.randrange(6)
        at = rng.randrange(len(out) + 1)
        if op == 0 and out:  # flip a bit
            i = rng.randrange(len(out))
            out[i] ^= 1 << rng.randrange(8)
        elif op == 1:  # insert a piece
            out[at:at] = rng.choice(pieces).encode("utf-8")
        elif op == 2 and out:  # delete a span
            out[at : at + rng.randrange(1, 200)] = b""
        elif op == 3 and out:  # duplicate a span
            out[at:at] = out[rng.randrange(len(out)) :][: rng.randrange(1, 400)]
        elif op == 4:  # random bytes
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 8)))
        elif out:  # cut the end
            del out[rng.randrange(len(out)) :]
    return bytes(out)


def notice_input(rng: random.Random) -> bytes:
    """A notice: a real one mutated, or one built from notice pieces, in UTF-8 or GB18030."""
    if rng.random() < 0.5:
        base = rng.choice(NOTICES).read_bytes()
        start = rng.randrange(len(base) // 2)
        data = base[start : start + rng.randrange(200, 20000)]
        data = _mutate(data, rng, PIECES, rng.randrange(0, 20))
    else:
        data = "".join(rng.choice(PIECES) for _ in range(rng.randrange(1, 300))).encode("utf-8")
    if rng.random() < 0.2:
        data = data.decode("utf-8", errors="replace").encode("gb18030", errors="replace")
    return data


def plan_input(rng: random.Random) -> bytes:
    return _mutate(PLAN_FILE.read_bytes(), rng, YAML_PIECES, rng.randrange(1, 12))


def journal_input(rng: random.Random) -> bytes:
    lines = "".join(
        JOURNAL_LINE % (i, i % 5 + 1, i % 9 + 1, i % 101, i * 100, i) for i in range(1, rng.randrange(2, 40))
    )
    return _mutate(lines.encode("utf-8"), rng, JOURNAL_PIECES, rng.randrange(1, 10))


def extract_target(data: bytes) -> None:
    from plantrack.extract.pipeline import extract_text
    from plantrack.sources import read_bytes

    with contextlib.suppress(PlantrackError):
        extract_text(read_bytes(data, "通知.txt").text)


def plan_target(data: bytes) -> None:
    from plantrack.planfile import load_plan

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mini-2017.yaml"
        path.write_bytes(data)
        with contextlib.suppress(PlantrackError):
            load_plan(path)


def journal_target(data: bytes) -> None:
    from plantrack.tracking import journal

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mini-2017.yaml"
        path.write_bytes(data)
        journal.scan_journal(path)
        with contextlib.suppress(PlantrackError):
            journal.read_entries(path)
        journal.last_id(path)


TARGETS: dict[str, tuple[Callable[[random.Random], bytes], Callable[[bytes], None]]] = {
    "extract": (notice_input, extract_target),
    "plan": (plan_input, plan_target),
    "journal": (journal_input, journal_target),
}
