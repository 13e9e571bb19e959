"""What reaches the terminal never fails: a terminal that cannot show Chinese gets escapes.

On LANG=C with PYTHONIOENCODING=latin-1 or big5, printing a Chinese line raised UnicodeEncodeError
after `record` or `undo` had written its entry, so a retry duplicated it. stdout and stderr are set
to write what they cannot encode as `\\u4e2d`-style escapes: a command whose work is done never
fails for its output. (Control characters are made visible where lines are printed, in
cli/output.py, so colour codes of our own still work.)
"""

from __future__ import annotations

import os
import sys
from typing import Any


def safe_streams() -> None:
    """stdout and stderr: UTF-8 on a Windows console; never an encoding error anywhere."""
    for name in ("stdout", "stderr"):
        stream: Any = getattr(sys, name)
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:  # replaced by a test runner or an embedding program
            continue
        if os.name == "nt":
            reconfigure(encoding="utf-8", errors="backslashreplace")
        else:
            reconfigure(errors="backslashreplace")
