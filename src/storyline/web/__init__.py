"""The web UI and HTTP API: a FastAPI shell over ``storyline.Engine`` (``create_app``)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from storyline.web.app import create_app


def __getattr__(name: str) -> Any:
    # Lazy: importing storyline.web must not pull in FastAPI until an app is built.
    if name == "create_app":
        from storyline.web.app import create_app

        return create_app
    raise AttributeError(f"module 'storyline.web' has no attribute {name!r}")


__all__ = ["create_app"]
