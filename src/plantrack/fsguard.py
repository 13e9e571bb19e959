"""Where plantrack writes: safe file names from data, targets kept inside their folder, whole files.

A workspace may come from someone else (a shared drive, a zip, a git clone), so nothing in it is
trusted to choose where a write lands:
- every file name built from data (a plan id, an agency name) goes through `safe_name`;
- every path written is checked by `ensure_inside` to stay inside the workspace (or the folder the
  user named with -o), after following symlinks: a journal, lock, reports/ or cache folder that is a
  symlink leaving the workspace is refused, never written through;
- whole files are written by `atomic_write`: a temporary file next to the target, then a rename; a
  failed write (full disk, read-only folder) leaves neither a partial target nor the temporary file.
"""

from __future__ import annotations

import errno
import itertools
import os
import re
from contextlib import suppress
from pathlib import Path

from plantrack.errors import PlantrackError, WorkspaceError

_UNSAFE = re.compile(r"[^\w\u4e00-\u9fff-]+")
_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))}
)
MAX_NAME = 80  # characters: 240 bytes of CJK in UTF-8, under every file system's 255


def safe_name(text: str, fallback: str = "plan") -> str:
    """Letters, digits, CJK and '-' only: never empty, hidden, relative, reserved or too long."""
    cleaned = _UNSAFE.sub("-", text).strip("-.")[:MAX_NAME].strip("-.")
    if not cleaned:
        return fallback
    return f"_{cleaned}" if cleaned.lower() in _RESERVED else cleaned


class StorageError(PlantrackError):
    """A file could not be written: no permission, a full disk, a path leaving the workspace (exit 2)."""

    exit_code = 2


def ensure_inside(path: Path, root: Path, where: str = "工作区") -> Path:
    """The path, if it (after every symlink) stays inside root; otherwise a StorageError."""
    real_root = root.resolve()
    real = path.resolve()
    if real == real_root or real_root in real.parents:
        return path
    through = _symlink_on(path, root)
    if through is not None:
        raise StorageError(
            f"拒绝写入 {path}：{through} 是符号链接，指向{where}以外的 {real}。为安全起见，没有写入任何内容。",
            hint=f"请检查这个{where}是否来自他人；删除该符号链接（换成普通文件或文件夹）后再试。",
        )
    raise StorageError(
        f"拒绝写入 {path}：它在{where} {root} 以外（{real}）。",
        hint="文件名来自计划或单位名称时，请检查计划文件中的 id 和单位名称。",
    )


def _symlink_on(path: Path, root: Path) -> Path | None:
    """The first symlink on the way from root to path (None when there is none)."""
    try:
        rel = path.absolute().relative_to(root.absolute())
    except ValueError:
        return None
    here = root.absolute()
    for part in rel.parts:
        here = here / part
        if here.is_symlink():
            return here
    return None


def refuse_special(path: Path) -> None:
    """A file to be replaced must be a regular file (not a symlink, device, fifo or folder)."""
    if not path.is_symlink() and (not path.exists() or path.is_file()):
        return
    kind = "符号链接" if path.is_symlink() else ("文件夹" if path.is_dir() else "特殊文件（设备、管道等）")
    raise StorageError(
        f"拒绝写入 {path}：它是{kind}，不是普通文件。",
        hint="请换一个输出文件名，或先删除它。",
    )


def make_folder(folder: Path, root: Path | None = None, where: str = "工作区") -> Path:
    """Create a folder (and its parents); with root, only inside it. A file in the way, no
    permission or a full disk is a StorageError in Chinese."""
    if root is not None:
        ensure_inside(folder, root, where)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise storage_error(e, folder) from e
    return folder


def write_file(path: Path, data: bytes, root: Path | None = None, where: str = "工作区") -> Path:
    """A whole file, the way every output of plantrack is written: with root, only inside it (after
    every symlink); only over a regular file; its folder created; atomically (nothing is left on
    failure, a planted temporary name is never used); every OSError a StorageError in Chinese."""
    if root is not None:
        ensure_inside(path, root, where)
    refuse_special(path)
    make_folder(path.parent)
    atomic_write(path, data)
    return path


def atomic_write(path: Path, data: bytes, durable: bool = True) -> None:
    """Write a whole file through a temporary sibling and a rename; nothing is left on failure.

    durable: fsync before the rename (not needed for a cache that can be rebuilt).
    The sibling is named by pid and a counter and made with O_CREAT|O_EXCL (another
    name is tried if one exists), without tempfile's import and random names (about 10 ms
    over the 201 cache files of a large workspace's first run: bench/README.md finding 30)."""
    try:
        mode: int | None = path.stat().st_mode & 0o777
    except OSError:
        mode = None  # a new file: created with 0o666 less the umask, as open() would
    fd, tmp = _temp_sibling(path, 0o600 if mode is not None else 0o666)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            if durable:
                os.fsync(f.fileno())
        if mode is not None:
            os.chmod(tmp, mode)  # the mode the replaced file had
        os.replace(tmp, path)
    except BaseException as e:
        with suppress(OSError):
            os.unlink(tmp)
        if isinstance(e, OSError):
            raise storage_error(e, path) from e
        raise


_temp_counter = itertools.count()
_TEMP_FLAGS = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)


def _temp_sibling(path: Path, mode: int) -> tuple[int, str]:
    """A new file next to path, open for writing, with a name no other writer uses."""
    pid = os.getpid()
    while True:
        tmp = os.path.join(path.parent, f".{path.name}.{pid}.{next(_temp_counter)}.tmp")
        try:
            return os.open(tmp, _TEMP_FLAGS, mode), tmp
        except FileExistsError:
            continue
        except OSError as e:
            raise storage_error(e, path) from e


_NO_SPACE = {errno.ENOSPC, errno.EFBIG, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NO_WRITE = {errno.EROFS, errno.EACCES, errno.EPERM}


def storage_error(e: OSError, path: Path | str | None = None) -> StorageError:
    """The Chinese message for an OSError of a read or write (full disk, read-only, missing folder)."""
    where = str(path or e.filename or "文件")
    if e.errno in _NO_SPACE:
        return StorageError(
            f"无法写入 {where}：磁盘空间不足（或超过了文件大小限制）。已写入的内容没有改动。",
            hint="请清理磁盘空间后重试。",
        )
    if e.errno in _NO_WRITE:
        return StorageError(
            f"无法写入 {where}：没有写入权限（文件夹或磁盘可能是只读的）。",
            hint="请把工作区复制到可写的位置，或请管理员开放写入权限后重试。",
        )
    if e.errno == errno.ENOENT:
        return StorageError(f"找不到 {where}（可能已被删除或移动）。", hint="请检查路径后重试。")
    if e.errno in (errno.EEXIST, errno.ENOTDIR):
        return StorageError(
            f"无法写入 {where}：路径中有一个同名的文件（或设备），不是文件夹。",
            hint="请换一个文件夹，或先把那个文件改名。",
        )
    if e.errno == errno.EISDIR:
        return StorageError(f"无法写入 {where}：它是文件夹，不是文件。", hint="请换一个文件名。")
    if e.errno == errno.ENAMETOOLONG:
        return StorageError(f"无法写入 {where}：文件名太长。", hint="请换一个短一些的文件名或文件夹。")
    if e.errno == errno.ELOOP:
        return StorageError(
            f"无法写入 {where}：路径中的符号链接循环指向自身。", hint="请检查该路径中的符号链接。"
        )
    return StorageError(f"无法读写 {where}：{e.strerror or e}。", hint="请检查该文件和磁盘后重试。")


def current_folder() -> Path:
    """The current folder; a clear message when it was deleted under a running shell."""
    try:
        return Path.cwd()
    except FileNotFoundError as e:
        raise WorkspaceError(
            "当前文件夹已不存在（可能已被删除或移动）。",
            hint="请 cd 到一个存在的文件夹，或用 -w/--workspace 指定工作区。",
        ) from e
