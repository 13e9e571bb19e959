"""Finding and creating workspaces: a folder with plantrack.toml and data/{sources,extracted,progress}."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from plantrack.config import DEFAULT_TOML, Settings, load_settings
from plantrack.errors import WorkspaceError
from plantrack.fsguard import current_folder

MARKER = "plantrack.toml"
ENV_VAR = "PLANTRACK_WORKSPACE"


@dataclass(frozen=True)
class Workspace:
    root: Path

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
