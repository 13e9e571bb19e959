"""The everyday commands' own path (cli/fast.py, the plain records, the store's caches) says exactly
what the full command line and the pydantic models say, and its caches follow the files they cache."""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from plantrack.cli.app import app
from plantrack.tracking import journal, store
from plantrack.tracking.kinds import Status
from plantrack.tracking.models import Entry
from plantrack.tracking.records import EntryRecord, entry_data, entry_from_line
from plantrack.workspace import Workspace
from tests.conftest import FIXTURES

if TYPE_CHECKING:
    from plantrack.models import Plan

PLAN = "mini-2017"
AS_OF = "2017-09-30"


@pytest.fixture
def ws(workspace: Path) -> Path:
    shutil.copy(FIXTURES / "plans" / f"{PLAN}.yaml", workspace / "data" / "extracted" / f"{PLAN}.yaml")
    return workspace


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANTRACK")}
    env.update({"COLUMNS": "200", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"})
    env.update(extra)
    return env


def _console(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The console script's way in (cli/entry.py: status, show and record without typer)."""
    code = "import sys; from plantrack.cli.entry import main; sys.argv[0] = 'plantrack'; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *map(str, args)],
        capture_output=True,
        text=True,
        env=env or _env(),
        timeout=120,
    )


def _typer(*args: str | Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The full command line (cli/app.py), as before the console script read these commands."""
    code = "import sys; from plantrack.cli.app import main; sys.argv[0] = 'plantrack'; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *map(str, args)],
        capture_output=True,
        text=True,
        env=env or _env(),
        timeout=120,
    )


def _record(ws: Path, *args: str) -> None:
    """Set-up entries through the full command line, in this process (what is compared runs apart)."""
    done = CliRunner().invoke(app, ["-w", str(ws), "record", PLAN, *args], catch_exceptions=False)
    assert done.exit_code == 0, done.output


# --- the parser and the bodies ------------------------------------------------------------------


def test_the_parser_knows_the_options_typer_declares() -> None:
    """cli/fast.COMMANDS lists each command's options exactly as cli/track_cmd declares them."""
    import typer.main

    from plantrack.cli import fast
    from plantrack.cli.app import app

    group = typer.main.get_command(app)
    for name, spec in fast.COMMANDS.items():
        command = group.commands[name]  # type: ignore[attr-defined]
        declared: dict[str, str] = {}
        arguments = []
        for param in command.params:
            if param.param_type_name == "argument":
                arguments.append(param.name)
                continue
            for opt in param.opts:
                declared[opt] = param.name
        declared.pop("--help", None)
        mine = {**spec["values"], **spec["flags"], **spec["lists"]}
        renamed = {"date_text": "date"}  # everyday.record's name for typer's `date`
        assert {o: renamed.get(p, p) for o, p in mine.items()} == declared, name
        assert [*spec["arguments"], *spec["optional"]] == arguments, name


EVERYDAY = [
    ["status", "--agency", "人社局", "--as-of", AS_OF],
    ["status", "--as-of", AS_OF, "--light", "未报送"],
    ["status", "--as-of=2017-06-30", "-r", "lead", "-a", "市人社局"],
    ["status", "--plan", "mini", "--as-of", AS_OF, "--json"],
    ["show", PLAN],
    ["show", PLAN, "1.1", "--as-of", AS_OF],
    ["show", PLAN, "(一)", "--as-of", AS_OF, "--json"],
    ["show", PLAN, "9.9"],  # an error: the same message and exit code
    ["status", "--agency", "没有这个单位", "--as-of", AS_OF],
    ["status", "--as-of", "明天"],
    ["status", "--bogus"],  # typer's own usage error
    ["show"],
    ["status", "--agency"],
]


def _everyday_entries(ws: Path) -> None:
    _record(ws, "1.1", "--agency", "人社局", "--date", AS_OF, "--percent", "40", "--note", "已推进")
    _record(ws, "1.2", "--agency", "人社局", "--date", "2017-05-31", "--status", "推进中")


@pytest.mark.parametrize("argv", EVERYDAY, ids=[f"argv{i}" for i in range(len(EVERYDAY))])
def test_the_console_scripts_own_path_says_what_typer_says(
    ws: Path, argv: list[str], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """cli/entry.main and cli/app.main in this process: the same exit code, stdout and stderr (and
    cli/fast.py answered each command line it reads, without typer)."""
    import gc
    import importlib

    from plantrack.cli import fast

    _everyday_entries(ws)
    answered: list[bool] = []
    real = fast.run

    def run(args: list[str]) -> bool:
        try:
            done = real(args)
        except SystemExit:  # an error it answered itself
            answered.append(True)
            raise
        answered.append(done)
        return done

    monkeypatch.setattr(fast, "run", run)
    said = []
    for module in ("plantrack.cli.entry", "plantrack.cli.app"):
        main = importlib.import_module(module).main
        monkeypatch.setattr(sys, "argv", ["plantrack", "-w", str(ws), *argv])
        capsys.readouterr()
        code: object = 0
        try:
            main()
        except SystemExit as e:
            code = 0 if e.code is None else e.code
        finally:
            gc.enable()  # the console script's path leaves collection off: its process ends next
        out = capsys.readouterr()
        said.append((code, out.out, out.err))
    assert said[0] == said[1]
    assert said[0][1] or said[0][2]  # something was said
    assert answered == [argv not in (["status", "--bogus"], ["show"], ["status", "--agency"])]


@pytest.mark.parametrize(
    "argv",
    [pytest.param(argv, marks=[] if i == 0 else [pytest.mark.slow]) for i, argv in enumerate(EVERYDAY)],
    ids=[f"argv{i}" for i in range(len(EVERYDAY))],
)
def test_the_console_script_says_what_typer_says(ws: Path, argv: list[str]) -> None:
    """The same, each in a process of its own, as a user runs them."""
    _everyday_entries(ws)
    fast, full = _console("-w", ws, *argv), _typer("-w", ws, *argv)
    assert (fast.returncode, fast.stdout, fast.stderr) == (full.returncode, full.stdout, full.stderr)


def test_record_by_the_console_script_writes_what_typer_writes(ws: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(ws, other)
    args = [
        "record",
        PLAN,
        "1.1",
        "--agency",
        "人社局",
        "--date",
        AS_OF,
        "--actual",
        "0=4.5万",
        "--note",
        "前三季度",
    ]
    fast, full = _console("-w", ws, *args), _typer("-w", other, *args)
    assert (fast.returncode, fast.stdout, fast.stderr) == (full.returncode, full.stdout, full.stderr)
    assert fast.returncode == 0
    mine = journal.read_entries(ws / "data" / "progress" / f"{PLAN}.yaml")
    theirs = journal.read_entries(other / "data" / "progress" / f"{PLAN}.yaml")
    assert [entry_data(e) | {"recorded_at": ""} for e in mine] == [
        entry_data(e) | {"recorded_at": ""} for e in theirs
    ]


@pytest.mark.slow
def test_everyday_commands_import_neither_pydantic_nor_typer(ws: Path) -> None:
    _record(ws, "1.1", "--agency", "人社局", "--date", AS_OF, "--percent", "40")
    probe = (
        "import sys, json; from plantrack.cli.entry import main; sys.argv[0] = 'plantrack'\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)"
    )
    for argv in (["status", "--as-of", AS_OF], ["show", PLAN, "1.1"], ["record", PLAN, "1.2", "--note", "x",
                 "--agency", "人社局", "--date", AS_OF]):  # fmt: skip
        command = [sys.executable, "-c", probe, "-w", str(ws), *argv]
        subprocess.run(command, capture_output=True, env=_env())  # the first may read the files (models)
        done = subprocess.run(command, capture_output=True, text=True, env=_env())
        modules = json.loads(done.stderr.strip().splitlines()[-1])
        loaded = sorted(
            {m.split(".")[0] for m in modules} & {"pydantic", "pydantic_core", "typer", "click", "yaml"}
        )
        assert not loaded, f"{argv[0]} imports {loaded}"


# --- records and models -------------------------------------------------------------------------


def test_the_records_have_the_models_fields() -> None:
    from plantrack import models, records
    from plantrack.tracking import outputs
    from plantrack.tracking import records as trecords

    pairs = [
        (models.Agency, records.AgencyRecord), (models.Target, records.TargetRecord),
        (models.Item, records.ItemRecord), (models.Section, records.SectionRecord),
        (models.Source, records.SourceRecord), (models.Plan, records.PlanRecord), (Entry, EntryRecord),
        (outputs.TaskStatusModel, trecords.TaskStatus), (outputs.AgencyShareModel, trecords.AgencyShare),
        (outputs.TargetProgressModel, trecords.TargetProgress),
    ]  # fmt: skip
    for model, record in pairs:
        fields = [n.lstrip("_") for n in record.__slots__]
        fields = [f for f in fields if f not in ("id", "trackable") or f in model.model_fields]
        assert fields == list(model.model_fields), record.__name__


def test_a_plan_record_is_the_plan_model() -> None:
    from plantrack.planfile import load_plan, plan_record
    from plantrack.records import plan_from_json, plan_json
    from plantrack.tracking.outputs import plan_model

    for path in sorted((FIXTURES / "plans").glob("*.yaml")):
        plan = load_plan(path)
        record = plan_record(plan)
        assert plan_model(record) == plan
        again = plan_from_json(json.loads(json.dumps(plan_json(record))))
        assert again == record and [t.id for t in again.tasks] == [t.id for t in plan.tasks]
        written = store._plan_bytes(record)  # the cache as the store writes it (msgspec's encoder)
        assert json.loads(written) == json.loads(json.dumps(plan_json(record), ensure_ascii=False))
        assert store._plan_of_bytes(written) == record


def test_a_plan_cache_that_is_cut_or_of_the_wrong_type_is_read_again(ws: Path) -> None:
    wanted = _status(ws)
    cache = ws / ".plantrack-cache" / f"plan-{PLAN}.json"
    key, body = cache.read_bytes().split(b"\n", 1)
    value = json.loads(body)
    value[1] = 2017  # the plan's id as a number
    for damaged in (body[: len(body) // 2], json.dumps(value).encode(), b"[]"):
        cache.write_bytes(key + b"\n" + damaged)
        assert _status(ws) == wanted
        assert json.loads(cache.read_bytes().split(b"\n", 1)[1]) == json.loads(body)  # written again


ENTRIES = [
    dict(id=1, task="1.1", as_of=date(2017, 9, 30), recorded_at=datetime(2017, 10, 8, 9, 30), agency="市人社局"),
    dict(id=2, task="1.2", as_of=date(2017, 6, 30), recorded_at=datetime(2017, 7, 1), agency="团市委",
         status=Status.done, percent=100.0, actuals={"0": 45000.0, "1": 0.5}, note="完成 \"引号\" 与\n换行"),
    dict(id=3, task="1.1", as_of=date(2017, 9, 30), recorded_at=datetime(2017, 10, 9, 8, 0, 1), agency="市人社局",
         percent=12.5, corrects=1, moved_from="1.3"),
    dict(id=4, task="1.1", as_of=date(2017, 9, 30), recorded_at=datetime(2017, 10, 9), agency="市人社局", undoes=3),
]  # fmt: skip


@pytest.mark.parametrize("fields", ENTRIES, ids=[str(e["id"]) for e in ENTRIES])
def test_a_record_writes_and_reads_the_models_line(fields: dict[str, object]) -> None:
    model = Entry(**fields)  # type: ignore[arg-type]
    record = EntryRecord(**fields)  # type: ignore[arg-type]
    assert journal.entry_line(record) == journal.entry_line(model)
    assert entry_data(record) == model.model_dump(mode="json", exclude_none=True)
    line = journal.entry_line(model)[len(journal.PREFIX) :]
    assert entry_from_line(line, lambda _d: pytest.fail("read by the model")) == record
    assert EntryRecord.of(model) == record


@pytest.mark.parametrize(
    "line",
    [
        '{"id": 5, "task": "1.1", "as_of": "2017-09-30", "recorded_at": "2017-10-09 08:00", "agency": "x"}',
        '{"id": 5, "task": "1.1", "as_of": "2017-09-30", "recorded_at": "2017-10-09T08:00:00", "agency": "x", '
        '"percent": 60}',
        '{"id": "5", "task": "1.1", "as_of": "2017-09-30", "recorded_at": "2017-10-09T08:00:00", "agency": "x"}',
    ],
)
def test_a_line_in_another_form_is_read_by_the_model(line: str) -> None:
    asked: list[object] = []

    def slow(data: dict[str, object]) -> EntryRecord:
        asked.append(data)
        return EntryRecord.of(Entry.model_validate(data))

    assert entry_from_line(line, slow) == EntryRecord.of(Entry.model_validate_json(line))
    assert asked


# --- the caches follow their files --------------------------------------------------------------


def _status(ws: Path) -> str:
    done = _console("-w", ws, "status", "--as-of", AS_OF)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _meta(cache: Path) -> list[object]:
    """What an index or entries cache covers: [size, mtime_ns, bytes covered, digest]."""
    return json.loads(cache.read_bytes().split(b"\n")[1])  # type: ignore[no-any-return]


@pytest.mark.slow
def test_a_journal_appended_by_another_writer_is_read_from_its_tail(ws: Path) -> None:
    _record(ws, "1.1", "--agency", "人社局", "--date", AS_OF, "--percent", "20", "--note", "第一次")
    assert "第一次" in _status(ws)
    assert _typer("-w", ws, "plans").returncode == 0  # the entries' cache too
    path = ws / "data" / "progress" / f"{PLAN}.yaml"
    index = ws / ".plantrack-cache" / f"index-{PLAN}.json"
    rows = ws / ".plantrack-cache" / f"journal-{PLAN}.json"
    covered, rows_covered = _meta(index)[2], _meta(rows)[2]
    line = journal.entry_line(
        EntryRecord(2, "1.1", date(2017, 9, 30), datetime(2017, 10, 9), "市人社局", note="另一进程")
    )
    with path.open("a", encoding="utf-8") as f:  # as another program would append it
        f.write(line)
    assert "另一进程" in _status(ws)
    assert _meta(index)[2] == covered + len(line.encode("utf-8"))  # extended, not indexed again
    assert "2017-09-30" in _typer("-w", ws, "plans").stdout
    assert _meta(rows)[2] == rows_covered + len(line.encode("utf-8"))  # the entries' cache as well
    assert json.loads(rows.read_bytes().split(b"\n")[2])[0][0] == [1, 2]  # the ids' column


@pytest.mark.slow
def test_a_journal_edited_before_its_end_is_read_again(ws: Path) -> None:
    _record(ws, "1.1", "--agency", "人社局", "--date", AS_OF, "--percent", "20", "--note", "原来的说明")
    assert "原来的说明" in _status(ws)
    path = ws / "data" / "progress" / f"{PLAN}.yaml"
    text = path.read_text(encoding="utf-8").replace("原来的说明", "改过的说明")  # same length, earlier bytes
    path.write_text(text, encoding="utf-8")
    _record(ws, "1.2", "--agency", "人社局", "--date", AS_OF, "--note", "后来追加")
    shown = _status(ws)
    assert "改过的说明" in shown and "后来追加" in shown and "原来的说明" not in shown


@pytest.mark.slow
def test_an_edited_plan_is_read_again(ws: Path) -> None:
    _record(ws, "1.1", "--agency", "人社局", "--date", AS_OF, "--percent", "20")
    assert "积极推进农民工转移就业" in _status(ws)
    path = ws / "data" / "extracted" / f"{PLAN}.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("积极推进农民工转移就业", "审核后改过的任务名"),
        encoding="utf-8",
    )
    shown = _status(ws)
    assert "审核后改过的任务名" in shown and "积极推进农民工转移就业" not in shown


@pytest.mark.slow
def test_a_cache_from_another_version_is_rebuilt(ws: Path) -> None:
    _record(ws, "1.1", "--agency", "人社局", "--date", AS_OF, "--percent", "20", "--note", "本版本")
    good = _status(ws)
    for f in (ws / ".plantrack-cache").iterdir():  # as an older plantrack wrote them: another key
        head = f.read_bytes().partition(b"\n")[0]
        key = json.loads(head)
        key[0], key[1] = "0.0.1", 1
        f.write_bytes(json.dumps(key).encode() + b"\n" + b'["nonsense"]')
    assert _status(ws) == good
    keys = [json.loads(f.read_bytes().split(b"\n", 1)[0]) for f in (ws / ".plantrack-cache").iterdir()]
    assert all(k[1] == store.CACHE_FORMAT for k in keys)


def test_an_index_row_of_the_wrong_type_is_rebuilt(ws: Path) -> None:
    _record(ws, "1.1", "--agency", "人社局", "--date", AS_OF, "--percent", "20", "--note", "正确的")
    good = _status(ws)
    index = ws / ".plantrack-cache" / f"index-{PLAN}.json"
    head, _, rows = index.read_bytes().partition(b"\n")
    index.write_bytes(head + b"\n" + rows.replace(b'"2017-09-30"', b"20170930"))
    assert _status(ws) == good
    head, _, rows = index.read_bytes().partition(b"\n")
    index.write_bytes(head + b"\n" + rows.replace(b"[[", b"[[7", 1))  # an offset that leads elsewhere
    assert _status(ws) == good


def test_plantrack_and_portalocker_exclude_each_other(tmp_path: Path) -> None:
    """On POSIX the journal lock is fcntl.flock, portalocker's own primitive there: a writer of an
    older plantrack (portalocker) and this one never write at once."""
    portalocker = pytest.importorskip("portalocker")
    path = tmp_path / "j.yaml"
    held = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with path.with_name("j.yaml.lock").open("a+b") as handle:
            portalocker.lock(handle, portalocker.LockFlags.EXCLUSIVE)
            held.set()
            release.wait(5)
            portalocker.unlock(handle)

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait(5)
    start = time.monotonic()
    threading.Timer(0.3, release.set).start()
    with journal.locked(path):
        waited = time.monotonic() - start
    thread.join()
    assert waited >= 0.25


def test_the_store_reads_the_workspace_as_the_models_do(ws: Path) -> None:
    """store.load_entries (cached records) equals journal.read_entries (validated by the model)."""
    for i in range(5):
        _record(ws, "1.1", "--agency", "人社局", "--date", f"2017-0{i + 4}-28", "--percent", str(10 * i))
    w = Workspace(ws)
    path = w.journal_path(PLAN)
    assert store.load_entries(w, PLAN) == journal.read_entries(path)
    assert store.load_entries(w, PLAN) == journal.read_entries(path)  # from the cache


@pytest.mark.slow
def test_a_correction_or_an_undo_appended_is_indexed_again(ws: Path) -> None:
    _record(ws, "1.1", "--agency", "人社局", "--date", AS_OF, "--percent", "20", "--note", "原来的值")
    assert "原来的值" in _status(ws)
    _record(ws, "1.1", "--agency", "人社局", "--corrects", "1", "--percent", "30", "--note", "更正后的值")
    shown = _status(ws)
    assert "更正后的值" in shown and "原来的值" not in shown
    assert _typer("-w", ws, "undo", PLAN).returncode == 0
    shown = _status(ws)
    assert "原来的值" in shown and "更正后的值" not in shown


def test_cached_entries_read_back_and_refuse_a_wrong_type() -> None:
    from plantrack.records import CacheMismatch
    from plantrack.tracking.records import entries_columns, entries_from_columns

    records = [EntryRecord(**fields) for fields in ENTRIES]  # type: ignore[arg-type]
    columns = json.loads(json.dumps(entries_columns(records), ensure_ascii=False))
    assert entries_from_columns(columns) == records
    for field, bad in ((0, "1"), (2, 20170930), (5, "finished"), (6, 60), (7, {"0": "4.5万"}), (8, None)):
        broken = json.loads(json.dumps(columns))
        broken[field][0] = bad
        with pytest.raises(CacheMismatch):
            entries_from_columns(broken)
    assert entries_from_columns(entries_columns([])) == []


def test_report_and_export_leave_the_collector_as_they_found_it(ws: Path, invoke) -> None:  # type: ignore[no-untyped-def]
    """They run without cyclic collection (cli/context.one_shot); a program that runs them
    in-process gets it back when they end."""
    import gc

    _record(ws, "1.1", "--agency", "人社局", "--date", AS_OF, "--percent", "20")
    assert gc.isenabled()
    assert invoke("-w", ws, "report", "-q", "2017Q3", "-o", "-").exit_code == 0
    assert gc.isenabled()
    assert invoke("-w", ws, "export", "-q", "2017Q3", "--csv", "-o", "-").exit_code == 0
    assert gc.isenabled()


# --- the fast readers: yaml-rs for plans plantrack wrote, msgspec for journals -------------------

BUNDLED_PLANS = sorted(
    [*Path("data/extracted").glob("*.yaml"), *(FIXTURES / "plans").glob("*.yaml")], key=lambda p: p.name
)


def _pyyaml_plan(text: str, path: Path) -> object:
    from plantrack.planfile import parse_yaml, validate_plan

    return validate_plan(parse_yaml(text, path), text, path)


@pytest.mark.parametrize("path", BUNDLED_PLANS, ids=[p.name for p in BUNDLED_PLANS])
def test_both_plan_readers_agree_on_every_bundled_plan(path: Path) -> None:
    from plantrack.fastplans import plan_of
    from plantrack.planfile import fast_yaml, load_plan, load_record, parse_yaml, plan_record

    text = path.read_text(encoding="utf-8")
    fast = fast_yaml(text)
    assert fast is not None, "plantrack wrote this plan: yaml-rs reads it"
    assert repr(fast) == repr(parse_yaml(text, path))  # the same values of the same types
    assert load_plan(path) == _pyyaml_plan(text, path)
    assert plan_of(fast) is not None, "msgspec takes what plantrack wrote"
    assert load_record(path) == plan_record(load_plan(path))


def _model_record(data: object) -> object:
    """The record of the data as the model validates it; None when the model refuses it."""
    from pydantic import ValidationError

    from plantrack.models import Plan
    from plantrack.planfile import plan_record

    try:
        return plan_record(Plan.model_validate(data))
    except ValidationError:
        return None


_ITEM = {"path": [1, 1], "number": "(一)", "title": "稳步实施农民工文化生活", "kind": "task",
         "agencies": [{"name": "市人社局", "role": "lead"}], "targets": [{"value": 22400, "unit": "个", "op": "="}],
         "deadlines": ["2017-03-31"], "deadline_text": ["3月底前"]}  # fmt: skip
_PLAN = {"schema": 1, "id": "p", "kind": "plan", "title": "工作要点", "issued_on": "2017-04-25", "year": 2017,
         "issuer": ["吉安市农民工工作领导小组办公室"], "source": None, "sections": [{"path": [1], "title": "一"}],
         "tasks": [_ITEM]}  # fmt: skip


@pytest.mark.parametrize(
    "change",
    [
        {}, {"schema": 2}, {"schema_": 1}, {"schema": "1"}, {"schema": 1.0}, {"schema": True}, {"kind": "other"},
        {"kind": "notice"}, {"year": None}, {"year": 2017.0}, {"year": "2017"}, {"issued_on": "2017-4-25"},
        {"issued_on": "2017-02-30"}, {"issued_on": 20170425}, {"issued_on": "2017-04-25T00:00:00"},
        {"title": None}, {"title": 5}, {"issuer": "一个"}, {"colour": "red"}, {"id": None},
        {"source": {"path": "a.txt", "sha256": "x"}}, {"source": {"path": "a.txt"}},
        {"tasks": [{**_ITEM, "path": [1, True]}]}, {"tasks": [{**_ITEM, "path": [1, 1.0]}]},
        {"tasks": [{**_ITEM, "ongoing": "yes"}]}, {"tasks": [{**_ITEM, "ongoing": 1}]},
        {"tasks": [{**_ITEM, "kind": "chapter"}]}, {"tasks": [{**_ITEM, "targets": [{"value": True, "unit": "人"}]}]},
        {"tasks": [{**_ITEM, "targets": [{"value": "5", "unit": "人"}]}]},
        {"tasks": [{**_ITEM, "targets": [{"value": float("inf"), "unit": "人"}]}]},
        {"tasks": [{**_ITEM, "targets": [{"value": float("nan"), "unit": "人"}]}]},
        {"tasks": [{**_ITEM, "targets": [{"value": 2**70, "unit": "人", "parent": 0}]}]},
        {"tasks": [{**_ITEM, "targets": [{"value": 1, "unit": "人", "op": "≥"}]}]},
        {"tasks": [{**_ITEM, "agencies": [{"name": "市人社局", "role": "host"}]}]},
        {"tasks": [{**_ITEM, "agencies": [{"name": "市人社局"}]}]}, {"tasks": [{**_ITEM, "deadlines": [None]}]},
        {"tasks": [{"path": [2], "title": "只有标题"}]}, {"tasks": [{**_ITEM, "title": None}]},
    ],
)  # fmt: skip
def test_plan_data_msgspec_takes_reads_as_the_model(change: dict[str, object]) -> None:
    """msgspec makes the model's record of a plan's data, or leaves the data to the model (None)."""
    from plantrack.fastplans import plan_of

    data = {**_PLAN, **change}
    fast = plan_of(data)
    assert fast is None or fast == _model_record(data)
    if _model_record(data) is None:
        assert fast is None


def test_a_hand_edited_plan_is_read_by_pyyaml(tmp_path: Path) -> None:
    from plantrack.planfile import fast_yaml, load_plan

    text = (Path("data/extracted") / "jian-2017.yaml").read_text(encoding="utf-8")
    edited = text.replace("title: ", "title: 1e3 # 改过\n# title: ", 1)  # YAML 1.1 text, 1.2 number
    path = tmp_path / "jian-2017.yaml"
    path.write_text(edited, encoding="utf-8")
    assert fast_yaml(edited) is None
    plan = load_plan(path)
    assert plan.title == "1e3"
    assert plan == _pyyaml_plan(edited, path)


def _stamped(body: str) -> str:
    from plantrack.planfile import HEADER, STAMP, _digest

    return HEADER + STAMP + _digest(body) + "\n" + body


def test_a_plan_plantrack_seems_to_have_written_still_refuses_an_alias(tmp_path: Path) -> None:
    from plantrack.errors import DataFileError
    from plantrack.planfile import fast_yaml, load_plan

    body = "schema: 1\nid: x\ntitle: &t 标题\nnotice_title: *t\ntasks: []\n"
    path = tmp_path / "x.yaml"
    path.write_text(_stamped(body), encoding="utf-8")
    assert fast_yaml(path.read_text(encoding="utf-8")) is None
    with pytest.raises(DataFileError, match="别名"):
        load_plan(path)


_TRICKY = ["1e3", "0o17", "1_000", "yes", "on", "~", "null", ".inf", "2017-01-01", "0x1F", "1:20", "<<", "=",
           "\u2028", "\u2029", "\x85", "\ufeff", "\t", "\n", " ", "#", "- ", ": ", "'", '"', "\\", "{", "[", "&a",
           "*a", "!", "|", ">", "%", "@", "`", "市人社局", "（一）"]  # fmt: skip


_PIECES = st.lists(st.one_of(st.sampled_from(_TRICKY), st.text(max_size=6)), min_size=1, max_size=8)


@functools.cache
def _jian() -> Plan:
    from plantrack.planfile import load_plan

    return load_plan(Path("data/extracted") / "jian-2017.yaml")  # a model: copied, never changed


def _read_alike(folder: Path, pieces: list[str]) -> None:
    """A plan whose texts hold anything, written by plantrack, reads back as PyYAML reads it."""
    from plantrack.planfile import dump_plan, load_plan, load_record, plan_record

    plan = _jian()
    text = "".join(pieces)
    task = plan.tasks[0].model_copy(update={"title": text, "text": text * 3, "number": text[:4]})
    changed = plan.model_copy(update={"title": text, "doc_number": text, "tasks": [task, *plan.tasks[1:]]})
    path = folder / "p.yaml"
    path.write_text(dump_plan(changed), encoding="utf-8")
    assert load_plan(path) == _pyyaml_plan(path.read_text(encoding="utf-8"), path)
    assert load_record(path) == plan_record(_pyyaml_plan(path.read_text(encoding="utf-8"), path))  # type: ignore[arg-type]


# Each property twice: a few examples in the fast lane, many in the slow set.
@settings(max_examples=15, deadline=None)
@given(_PIECES)
def test_plans_with_any_text_read_alike(tmp_path_factory: pytest.TempPathFactory, pieces: list[str]) -> None:
    _read_alike(tmp_path_factory.mktemp("plan"), pieces)


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(_PIECES)
def test_plans_with_many_texts_read_alike(
    tmp_path_factory: pytest.TempPathFactory, pieces: list[str]
) -> None:
    _read_alike(tmp_path_factory.mktemp("plan"), pieces)


def _lines_by_model(items: list[str]) -> list[EntryRecord] | None:
    from pydantic import TypeAdapter, ValidationError

    try:
        return [
            EntryRecord.of(e) for e in TypeAdapter(list[Entry]).validate_json("[" + ",".join(items) + "]")
        ]
    except ValidationError:
        return None


def test_journal_lines_read_by_msgspec_are_the_models() -> None:
    from plantrack.tracking.fastlines import read_lines

    items = [journal.entry_line(Entry(**fields))[len(journal.PREFIX) : -1] for fields in ENTRIES]  # type: ignore[arg-type]
    assert read_lines(items) == _lines_by_model(items)
    assert read_lines([]) == []


GOOD = '{"id": 5, "task": "1.1", "as_of": "2017-09-30", "recorded_at": "2017-10-09T08:00:00", "agency": "x"'


@pytest.mark.parametrize(
    "line",
    [
        GOOD + "}",
        GOOD + ', "percent": 60}',  # an int where a float goes: the same 60.0
        GOOD + ', "percent": 100.0, "actuals": {"0": 1, "1": 2.5}, "status": "done"}',
        GOOD.replace("08:00:00", "08:00") + "}",  # another form of time: the model's
        GOOD.replace("T08", " 08") + "}",
        GOOD.replace("08:00:00", "08:00:00Z") + "}",
        GOOD.replace("08:00:00", "08:00:00.5") + "}",
        GOOD.replace("2017-09-30", "2017-02-30") + "}",  # no such day
        GOOD.replace("2017-09-30", "２０１７-09-30") + "}",  # digits of another script
        GOOD.replace("2017-09-30", "2017-W39-6") + "}",
        GOOD.replace('"id": 5', '"id": "5"') + "}",
        GOOD.replace('"id": 5', '"id": 5.0') + "}",
        GOOD.replace('"id": 5', '"id": 0') + "}",
        GOOD.replace('"id": 5', '"id": true') + "}",
        GOOD.replace('"id": 5', '"id": 123456789012345678901234567890') + "}",
        GOOD + ', "percent": 100.5}',
        GOOD + ', "percent": -0.0}',
        GOOD + ', "percent": 1e999}',
        GOOD + ', "actuals": {"0": 1e999}}',
        GOOD + ', "actuals": {"0": -1e308}}',
        GOOD + ', "actuals": {"0": "5"}}',
        GOOD + ', "status": "finished"}',
        GOOD + ', "status": null, "percent": null, "corrects": null, "moved_from": null, "undoes": null}',
        GOOD + ', "note": null}',
        GOOD + ', "note": "\\ud800"}',
        GOOD + ', "colour": "red"}',
        GOOD + ', "agency": "y"}',  # a key twice: the last wins, for both
        GOOD.replace('"task": "1.1"', '"task": 1.1') + "}",
    ],
)
def test_a_journal_line_msgspec_reads_is_the_models(line: str) -> None:
    """msgspec reads a line as the model does, or leaves it to the model (None)."""
    from plantrack.tracking.fastlines import read_lines

    items = [journal.entry_line(Entry(**ENTRIES[1]))[len(journal.PREFIX) : -1], line]  # type: ignore[arg-type]
    fast = read_lines(items)
    assert fast is None or fast == _lines_by_model(items)


_ENTRY_FIELDS = st.fixed_dictionaries(
    {"id": st.integers(1, 2**40), "task": st.text(max_size=5), "agency": st.text(max_size=5),
     "as_of": st.dates(), "recorded_at": st.datetimes().map(lambda d: d.replace(microsecond=0))},
    optional={"status": st.sampled_from(Status), "note": st.text(max_size=20),
              "percent": st.floats(0, 100), "actuals": st.dictionaries(st.text(max_size=2), st.floats(-1e300, 1e300)),
              "corrects": st.integers(1, 99), "moved_from": st.text(max_size=3), "undoes": st.integers(1, 99)},
)  # fmt: skip


def _read_as_the_model(fields: dict[str, object]) -> None:
    from plantrack.tracking.fastlines import read_lines

    items = [journal.entry_line(Entry(**fields))[len(journal.PREFIX) : -1]]  # type: ignore[arg-type]
    assert read_lines(items) == _lines_by_model(items)


@settings(max_examples=20, deadline=None)
@given(_ENTRY_FIELDS)
def test_any_entry_plantrack_writes_msgspec_reads_as_the_model(fields: dict[str, object]) -> None:
    _read_as_the_model(fields)


@pytest.mark.slow
@settings(max_examples=200, deadline=None)
@given(_ENTRY_FIELDS)
def test_many_entries_plantrack_writes_msgspec_reads_as_the_models(fields: dict[str, object]) -> None:
    _read_as_the_model(fields)


@pytest.mark.parametrize(
    "extra",
    [b"", b"\n# a comment\n\n", b"\r\n", '- {"note": "\xff"}\n'.encode("latin-1"), "\u3000\n".encode()],
    ids=["plain", "comments", "crlf", "not-utf8", "wide-space"],
)
def test_a_journal_read_with_offsets_is_the_journal_read_entries_reads(tmp_path: Path, extra: bytes) -> None:
    """read_with_offsets reads the file's bytes once with msgspec; whatever it cannot read goes to
    read_entries, which reads or refuses the journal as before."""
    from plantrack.errors import DataFileError

    path = tmp_path / "j.yaml"
    lines = [journal.entry_line(Entry(**fields)).encode("utf-8") for fields in ENTRIES]  # type: ignore[arg-type]
    path.write_bytes(journal.HEADER.format(plan_id="x").encode() + lines[0] + extra + b"".join(lines[1:]))
    try:
        expected = journal.read_entries(path)
    except DataFileError as e:
        with pytest.raises(DataFileError) as err:
            journal.read_with_offsets(path)
        assert str(err.value) == str(e)
        return
    entries, offsets, _ = journal.read_with_offsets(path)
    assert entries == expected
    data = path.read_bytes()
    assert [data[o : o + 2] for o in offsets] == [b"- "] * len(entries)


# --- the index made from msgspec's lines equals the index of the rule's effective entries ---------


def _slow_index(entries: list[EntryRecord], offsets: list[int]) -> tuple[object, object]:
    """The index as it was made before: effective_entries by (as_of, id), grouped by task and
    agency in order of their first report, each group read by judge.latest_of."""
    from plantrack.tracking.judge import latest_of
    from plantrack.tracking.status import effective_entries

    at = {id(e): o for e, o in zip(entries, offsets, strict=True)}
    groups: dict[tuple[str, str], list[EntryRecord]] = {}
    for e in sorted(effective_entries(entries), key=lambda e: (e.as_of, e.id)):
        groups.setdefault((e.task, e.agency), []).append(e)
    index: dict[str, list[object]] = {}
    history: dict[str, list[object]] = {}
    for (task, agency), group in groups.items():
        fields = [
            ["status"] * (e.status is not None) + ["percent"] * (e.percent is not None) + list(e.actuals)
            for e in group
        ]
        places = [at[id(e)] for e in group]
        ids = [e.id for e in group]
        days = [e.as_of.isoformat() for e in group]
        last = latest_of(group, group[-1].as_of, group[-1].as_of)
        picks = [[places[i], ids[i]] for i in store._picked(fields, len(group))]
        index.setdefault(task, []).append(
            [
                agency,
                days[0],
                days[-1],
                min(ids),
                last.status.value if last.status else None,
                last.percent,
                dict(last.actuals),
                picks,
            ]
        )
        history.setdefault(task, []).append([agency, days, places, ids, fields])
    return index, history


def _journal_of(entries: list[dict[str, object]], path: Path, head: str = "") -> Path:
    lines = [journal.entry_line(Entry(**fields)) for fields in entries]  # type: ignore[arg-type]
    path.write_text(journal.HEADER.format(plan_id="x") + head + "".join(lines), encoding="utf-8")
    return path


_TASKS = ["1.1", "1.2", "2.1"]
_AGENCIES = ["市人社局", "团市委", "市财政局"]


@settings(max_examples=120, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_TASKS), st.sampled_from(_AGENCIES), st.integers(1, 6),
            st.one_of(st.none(), st.sampled_from(Status)), st.one_of(st.none(), st.floats(0, 100)),
            st.dictionaries(st.sampled_from(["0", "1"]), st.floats(-1e6, 1e6), max_size=2),
            st.one_of(st.none(), st.integers(1, 40)), st.one_of(st.none(), st.integers(1, 40)),
        ),
        max_size=40,
    )
)  # fmt: skip
def test_the_index_of_msgspec_lines_is_the_index_of_the_effective_entries(
    tmp_path_factory: pytest.TempPathFactory, rows: list[tuple[object, ...]]
) -> None:
    """Random journals with corrections and undos (of earlier, later and missing ids, undos of
    undos): the index made from the lines, and from the records, equals the rule's reading."""
    entries = []
    for i, (task, agency, month, status, percent, actuals, corrects, undoes) in enumerate(rows, start=1):
        fields: dict[str, object] = {"id": i, "task": task, "agency": agency, "as_of": date(2017, month, 28),
                                     "recorded_at": datetime(2017, 10, 1, 9, 0, i % 60), "status": status,
                                     "percent": percent, "actuals": actuals}  # fmt: skip
        if undoes is not None and (undoes < i or undoes % 5 == 0):  # now and then a later or missing one
            fields["undoes"] = undoes
        elif corrects is not None:
            fields["corrects"] = corrects
        entries.append(fields)
    path = _journal_of(entries, tmp_path_factory.mktemp("j") / "j.yaml")
    lines, offsets, data = journal.read_indexable(path)
    records, record_offsets, covered = journal.read_with_offsets(path)
    assert type(lines) is not list or not lines or type(lines[0]) is not EntryRecord  # msgspec's lines
    assert (offsets, len(data)) == (record_offsets, covered)
    expected = _slow_index(records, record_offsets)
    assert store._build_index(lines, offsets) == expected
    assert store._build_index(records, record_offsets) == expected
    first_run = store._Unindexed(lines, offsets, (0, 0, 0, 0), [0, 0, 0, ""])  # task by task, as read
    assert sorted(first_run.index.tasks()) == sorted(expected[0])  # type: ignore[arg-type]
    assert {t: first_run.rows(t, False) for t in _TASKS if t in expected[0]} == expected[0]
    assert {t: first_run.rows(t, True) for t in _TASKS if t in expected[1]} == expected[1]


def test_an_index_of_a_journal_with_a_repeated_id_follows_the_rule(tmp_path: Path) -> None:
    """Two lines with one id (a hand-merged journal): the rule's own reading, not the shortcut."""
    twice = [dict(ENTRIES[1]), {**ENTRIES[1], "note": "同一编号", "percent": 50.0}, dict(ENTRIES[2])]
    path = _journal_of(twice, tmp_path / "j.yaml")
    lines, offsets, _ = journal.read_indexable(path)
    records, _, _ = journal.read_with_offsets(path)
    assert store._build_index(lines, offsets) == _slow_index(records, offsets)


@pytest.mark.parametrize(
    "head, tail",
    [
        ("", ""),
        ("# 注释\n\n", ""),
        ("", "# 中间的注释\n"),
        ("", "\n"),
        ("", "  - 缩进\n"),
        ("not a comment\n", ""),
    ],
    ids=["plain", "comments-first", "comment-among", "blank-among", "indented", "other-line"],
)
def test_a_journal_msgspec_cannot_split_is_read_line_by_line(tmp_path: Path, head: str, tail: str) -> None:
    """fastlines.split_body takes only entry lines after the comments; any other journal is read
    line by line as before, with the same entries and offsets, or the same error naming the line."""
    from plantrack.errors import DataFileError
    from plantrack.tracking.fastlines import split_body

    path = _journal_of(ENTRIES[:2], tmp_path / "j.yaml", head)
    with path.open("a", encoding="utf-8") as f:
        f.write(tail + journal.entry_line(Entry(**ENTRIES[2])))  # type: ignore[arg-type]
    data = path.read_bytes()
    if tail:
        assert split_body(data) is None
    try:
        expected = journal.read_entries(path)
    except DataFileError as e:
        with pytest.raises(DataFileError) as err:
            journal.read_indexable(path)
        assert str(err.value) == str(e)
        return
    lines, offsets, _ = journal.read_indexable(path)
    assert [data[o : o + 2] for o in offsets] == [b"- "] * len(expected)
    assert store._build_index(lines, offsets) == _slow_index(expected, offsets)


# --- a first run indexes the tasks its view reads ------------------------------------------------


def _mini_journal(ws: Path) -> None:
    for task, agency, day, extra in [
        ("1.1", "人社局", "2017-06-30", ["--percent", "30"]),
        ("1.1", "团市委", "2017-09-30", ["--status", "推进中"]),
        ("1.2", "市财政局", AS_OF, ["--percent", "55", "--note", "财政局报"]),
        ("2.3", "市安监局", AS_OF, ["--percent", "80", "--note", "安监局报"]),
        ("2.4", "人社局", AS_OF, ["--actual", "0=4.2", "--note", "人社局报"]),
    ]:
        _record(ws, task, "--agency", agency, "--date", day, *extra)


def _fresh(ws: Path, *argv: str) -> str:
    """The output of a run without any cache (the cache folder is put back after)."""
    cache = ws / ".plantrack-cache"
    kept = ws / "kept-cache"
    if cache.exists():
        cache.rename(kept)
    try:
        done = _console("-w", ws, *argv)
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        if kept.exists():
            kept.rename(cache)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _index_meta(ws: Path) -> list[object]:
    return _meta(ws / ".plantrack-cache" / f"index-{PLAN}.json")


def test_a_first_run_for_one_agency_indexes_its_tasks_and_others_see_the_whole_journal(ws: Path) -> None:
    _mini_journal(ws)
    views = [["status", "--as-of", AS_OF], ["show", PLAN, "2.3", "--as-of", AS_OF],
             ["status", "--agency", "市安监局", "--as-of", AS_OF], ["status", "--as-of", "2017-07-31"]]  # fmt: skip
    expected = {tuple(v): _fresh(ws, *v) for v in views}
    shutil.rmtree(ws / ".plantrack-cache", ignore_errors=True)
    first = _console("-w", ws, "status", "--agency", "人社局", "--as-of", AS_OF)
    assert first.returncode == 0 and "人社局报" in first.stdout
    covered = _index_meta(ws)[4]
    assert covered == ["1.1", "1.2", "2.4"]  # the tasks naming 市人社局, not 2.3 (市安监局's)
    for view in views:  # a task the first run did not index: the journal is indexed in full
        done = _console("-w", ws, *view)
        assert (done.returncode, done.stdout) == (0, expected[tuple(view)]), view
    assert _index_meta(ws)[4] is None


def test_a_first_run_lets_go_of_the_journal_once_closed_and_reads_alike_after(ws: Path) -> None:
    """A first run's journal lines are let go when its reports close (50 journals' lines would
    otherwise stay with the rows): the tasks it indexed read the same rows, any other task indexes
    the journal in full, and every entry status reads is the one a run with a full index reads."""
    _mini_journal(ws)
    shutil.rmtree(ws / ".plantrack-cache", ignore_errors=True)
    day = date.fromisoformat(AS_OF)
    reports = store.status_reports(Workspace(ws), PLAN, day)
    unindexed = reports.index.unindexed
    assert unindexed is not None and unindexed.by_task  # read, not indexed yet
    first = [list(r) for r in reports.rows("1.1")]
    assert [r[0] for r in first] == ["市人社局", "团市委"]
    reports.close()
    assert reports.index.unindexed is None and not unindexed.by_task and unindexed.at is None
    assert reports.rows("1.1") == first
    assert [r[0] for r in reports.rows("2.3")] == ["市安监局"]  # not indexed by the first run
    assert _index_meta(ws)[4] is None  # so the journal was indexed in full, and kept so
    whole = store.status_reports(Workspace(ws), PLAN, day)
    assert whole.index.unindexed is None
    assert [(e.id, e.note) for e in reports.entries()] == [(e.id, e.note) for e in whole.entries()]
    assert len(reports.entries()) == 5
    reports.close()
    whole.close()


def test_a_journal_that_grew_after_a_first_run_is_read_alike(ws: Path) -> None:
    _mini_journal(ws)
    shutil.rmtree(ws / ".plantrack-cache", ignore_errors=True)
    assert _console("-w", ws, "status", "--agency", "人社局", "--as-of", AS_OF).returncode == 0
    _record(ws, "2.4", "--agency", "人社局", "--date", AS_OF, "--note", "后来追加的")  # a task it indexed
    _record(ws, "2.3", "--agency", "市安监局", "--date", AS_OF, "--note", "未索引的任务")  # one it did not
    for view in (["status", "--agency", "人社局", "--as-of", AS_OF], ["status", "--as-of", AS_OF]):
        done = _console("-w", ws, *view)
        assert (done.returncode, done.stdout) == (0, _fresh(ws, *view)), view
    assert "后来追加的" in _status(ws) and "未索引的任务" in _status(ws)


def test_a_partial_index_naming_other_tasks_is_refused(ws: Path) -> None:
    """An index whose rows are of tasks its cover does not list (a forged or damaged cache) is not
    read: the journal is read and indexed again."""
    _mini_journal(ws)
    shutil.rmtree(ws / ".plantrack-cache", ignore_errors=True)
    view = ["status", "--agency", "人社局", "--as-of", AS_OF]
    good = _console("-w", ws, *view).stdout
    index = ws / ".plantrack-cache" / f"index-{PLAN}.json"
    key, meta, rows = index.read_bytes().split(b"\n", 2)
    forged = json.loads(meta)
    forged[4] = ["1.1"]  # rows of 1.2 and 2.4 stay
    index.write_bytes(key + b"\n" + json.dumps(forged).encode() + b"\n" + rows)
    later = ["status", "--agency", "人社局", "--as-of", "2017-10-31"]  # not the rows cached for the view
    done = _console("-w", ws, *later)
    assert (done.returncode, done.stdout) == (0, _fresh(ws, *later))
    assert _index_meta(ws)[4] == ["1.1", "1.2", "2.4"]  # made again from the journal
    assert _console("-w", ws, *view).stdout == good


# --- plantrack.toml read without pydantic --------------------------------------------------------


@pytest.mark.parametrize(
    "extra",
    [
        "", "[status]\ntolerance = 5\nserious = 20.5\nexpected = \"days\"\n", "[status]\ntolerance = 40\n",
        "[status]\ntolerance = 30\nserious = 30\n", "[status]\ntolerance = \"10\"\n", "[status]\nserious = 101\n",
        "[status]\nexpected = \"weeks\"\n", "[status]\ncolour = 1\n", "[agencies]\n\"人社局\" = \"市人力资源和社会保障局\"\n",
        "[agencies]\n\"人社局\" = 5\n", "[ledger]\ncolors = {done = \"00FF00\"}\n", "[ledger.colors]\nbehind = 1\n",
        "[docx]\ntitle_font = [\"黑体\"]\nissuer = \"办公室\"\n", "[docx]\ntitle_font = \"黑体\"\n",
        "[remind]\nworking_days = 0\n", "[remind]\nworking_days = 7\n", "[plan]\ndefault_year = 2018\n",
        "[plan]\ndefault_year = 2018.0\n", "[plan]\ninherit_recipients = 1\n", "[report]\noffice = 2017-01-01\n",
        "[other]\nx = 1\n", "not toml [",
    ],
)  # fmt: skip
def test_settings_msgspec_takes_are_the_models(tmp_path: Path, extra: str) -> None:
    """fastconfig reads plantrack.toml as config.Settings does, or leaves it to config (None)."""
    from plantrack.config import DEFAULT_TOML
    from plantrack.errors import DataFileError
    from plantrack.fastconfig import tracking_settings
    from plantrack.records import StatusRules, TrackingSettings

    text = extra or DEFAULT_TOML  # the file init writes, or one section of another
    path = tmp_path / "plantrack.toml"
    path.write_text(text, encoding="utf-8")
    fast = tracking_settings(path)
    try:
        s = Workspace(tmp_path).settings
    except DataFileError:
        assert fast is None
        return
    model = TrackingSettings(
        StatusRules(float(s.status.tolerance), float(s.status.serious), s.status.expected),
        dict(s.agencies),
        dict(s.ledger.colors),
    )
    assert fast is None or fast == model
    lax = ("[plan]\ndefault_year = 2018.0", "[plan]\ninherit_recipients = 1", '[status]\ntolerance = "10"')
    assert extra.startswith(lax) or fast is not None  # what only the model's lax reading takes


def test_a_first_status_imports_no_pydantic(ws: Path) -> None:
    """Without a cache too: the plans plantrack wrote, the journal and plantrack.toml are read by
    yaml-rs and msgspec (pydantic only for a file they do not take)."""
    _record(ws, "1.1", "--agency", "人社局", "--date", AS_OF, "--percent", "40")
    shutil.rmtree(ws / ".plantrack-cache", ignore_errors=True)
    probe = (
        "import sys, json; from plantrack.cli.entry import main; sys.argv[0] = 'plantrack'\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, "-w", str(ws), "status", "--agency", "人社局", "--as-of", AS_OF],
        capture_output=True, text=True, env=_env(),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    modules = {m.split(".")[0] for m in json.loads(done.stderr.strip().splitlines()[-1])}
    assert not modules & {"pydantic", "pydantic_core", "typer", "yaml"}


def test_the_settings_mirror_has_the_models_defaults() -> None:
    """What tracking reads of a plantrack.toml without those sections: config.Settings' defaults."""
    from plantrack.config import Settings
    from plantrack.fastconfig import LEDGER_COLORS, StatusSettings

    model = Settings()
    mirror = StatusSettings()
    assert (mirror.tolerance, mirror.serious, mirror.expected) == (
        model.status.tolerance,
        model.status.serious,
        model.status.expected,
    )
    assert model.ledger.colors == LEDGER_COLORS and model.agencies == {}
