"""Where the ``storyline`` logger's records go, for the two shells that show them.

- The CLI (``configure_cli``): Rich's ``RichHandler`` on stderr. Warnings show by default,
  ``-v`` adds debug messages, ``-q`` keeps errors only.
- ``storyline serve`` (``uvicorn_log_config``): through uvicorn's own handlers, so the
  server's log is one stream in one format.

The library itself only logs (``logging.getLogger(__name__)``); it never configures logging,
so an application embedding storyline keeps control of its own handlers.
"""

from __future__ import annotations

import copy
import logging
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

LOGGER = "storyline"


class _State:
    """The handler this module installed, and the logger level it replaced."""

    handler: logging.Handler | None = None
    saved_level: int = logging.NOTSET
    level: int = logging.WARNING


def level_for(verbose: bool = False, quiet: bool = False) -> int:
    """The threshold the ``-v``/``-q`` options ask for (``quiet`` wins over ``verbose``)."""
    if quiet:
        return logging.ERROR
    return logging.DEBUG if verbose else logging.WARNING


def current_level() -> int:
    """The threshold chosen by the last ``configure_cli`` (WARNING before any)."""
    return _State.level


def configure_cli(level: int = logging.WARNING, console: Console | None = None) -> None:
    """Show the ``storyline`` logger's records at ``level`` and above on stderr through Rich.

    Calling it again replaces the handler it installed before (never adds a second one). The
    logger's own level is only ever lowered (to let ``-v``'s debug records through), so
    records still propagate to whatever else listens (pytest's ``caplog``, for one).

    Args:
        level: the least severe level shown (``level_for`` maps ``-v``/``-q`` to it).
        console: the Rich console to print on (default: a new one on stderr).
    """
    from rich.console import Console
    from rich.logging import RichHandler

    reset()
    handler = RichHandler(
        console=console or Console(stderr=True),
        level=level,
        show_time=False,
        show_path=False,
        markup=False,
        rich_tracebacks=False,
    )
    handler.setFormatter(logging.Formatter("%(message)s"))
    logger = logging.getLogger(LOGGER)
    _State.handler, _State.saved_level, _State.level = handler, logger.level, level
    logger.addHandler(handler)
    if logger.getEffectiveLevel() > level:
        logger.setLevel(level)


def reset() -> None:
    """Remove the handler ``configure_cli`` installed and restore the logger's level."""
    logger = logging.getLogger(LOGGER)
    if _State.handler is not None:
        logger.removeHandler(_State.handler)
        logger.setLevel(_State.saved_level)
        _State.handler = None


def uvicorn_log_config(level: int | None = None) -> dict[str, Any]:
    """uvicorn's default log config, with the ``storyline`` logger on its handlers.

    Passed as ``uvicorn.run(log_config=...)``: uvicorn applies it with ``dictConfig``, which
    also takes the CLI's Rich handler off the ``storyline`` logger.

    Args:
        level: the least severe ``storyline`` record shown (default: ``current_level()``).
    """
    from uvicorn.config import LOGGING_CONFIG

    config: dict[str, Any] = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"][LOGGER] = {
        "handlers": ["default"],
        "level": logging.getLevelName(current_level() if level is None else level),
        # The root logger has no handler under serve, so nothing is printed twice; and
        # records still reach whatever listens at the root (pytest's caplog, for one).
        "propagate": True,
    }
    return config


def uvicorn_level(level: int | None = None) -> str:
    """uvicorn's ``log_level`` for a CLI threshold: ``info`` by default (its access log)."""
    level = current_level() if level is None else level
    if level <= logging.DEBUG:
        return "debug"
    return "error" if level >= logging.ERROR else "info"


__all__ = [
    "LOGGER",
    "configure_cli",
    "current_level",
    "level_for",
    "reset",
    "uvicorn_level",
    "uvicorn_log_config",
]
