"""Commands of this group are added by their issue; register() hooks them into the app."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """No commands yet."""
