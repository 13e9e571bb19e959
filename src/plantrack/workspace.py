"""Finding and creating workspaces: a folder with plantrack.toml and data/{sources,extracted,progress}."""

from __future__ import annotations

import os
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from plantrack.errors import WorkspaceError
from plantrack.fsguard import current_folder

if TYPE_CHECKING:  # config is pydantic: imported when the settings are read, not to find a folder
    from plantrack.config import Settings

MARKER = "plantrack.toml"
ENV_VAR = "PLANTRACK_WORKSPACE"


class Workspace:
    """A workspace folder (a plain frozen value: no dataclasses import on the paths that only find
    a folder, such as a Tab press)."""

    __slots__ = ("__dict__", "root")  # __dict__ holds the cached settings

    root: Path

    def __init__(self, root: Path) -> None:
        object.__setattr__(self, "root", root)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Workspace is frozen: cannot set {name}")

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Workspace) and other.root == self.root

    def __hash__(self) -> int:
        return hash(self.root)

    def __repr__(self) -> str:
        return f"Workspace(root={self.root!r})"

    @property
    def settings_path(self) -> Path:
        return self.root / MARKER

    @property
    def sources(self) -> Path:
        return self.root / "data" / "sources"

    @property
    def extracted(self) -> Path:
        return self.root / "data" / "extracted"

    @property
    def progress(self) -> Path:
        return self.root / "data" / "progress"

    @property
    def templates(self) -> Path:
        return self.root / "templates"

    @cached_property
    def settings(self) -> Settings:
        from plantrack.config import load_settings

        return load_settings(self.settings_path)

    def plan_path(self, plan_id: str) -> Path:
        return self.extracted / f"{plan_id}.yaml"

    def journal_path(self, plan_id: str) -> Path:
        return self.progress / f"{plan_id}.yaml"


def init_workspace(directory: Path) -> Workspace:
    """Create the folders and a default plantrack.toml; an existing workspace is left as it is."""
    directory = directory.resolve()
    if directory.exists() and not directory.is_dir():
        raise WorkspaceError(f"{directory} 不是文件夹。", hint="请换一个文件夹路径。")
    ws = Workspace(directory)
    for d in (ws.sources, ws.extracted, ws.progress):
        d.mkdir(parents=True, exist_ok=True)
    if not ws.settings_path.exists():
        from plantrack.config import DEFAULT_TOML

        ws.settings_path.write_text(DEFAULT_TOML, encoding="utf-8")
    return ws


def find_workspace(explicit: Path | None = None, cwd: Path | None = None) -> Workspace:
    """--workspace, then $PLANTRACK_WORKSPACE, then the nearest parent folder with plantrack.toml."""
    for given, origin in ((explicit, "--workspace"), (_env_path(), ENV_VAR)):
        if given is not None:
            if not (given / MARKER).is_file():
                raise WorkspaceError(
                    f"{origin} 指定的 {given} 不是 plantrack 工作区（没有 {MARKER}）。",
                    hint=f"请先运行 plantrack init {given}，或改正路径。",
                )
            return Workspace(given.resolve())
    here = (cwd or current_folder()).resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file():
            return Workspace(folder)
    raise WorkspaceError(
        f"当前文件夹 {here} 及其上级都不是 plantrack 工作区。",
        hint="请先运行 plantrack init 创建工作区，或用 -w/--workspace 指定工作区路径。",
    )


def _env_path() -> Path | None:
    value = os.environ.get(ENV_VAR, "").strip()
    return Path(value) if value else None
