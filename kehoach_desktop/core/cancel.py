"""Cancelling long work: a token the window hands to a job (ui/jobs.py).

No Qt here: the readers and writers below the window take the token as a
plain argument, check it between their steps (``check()``) and register
what stops an outside program at once (``on_cancel``: LibreOffice is
killed, formats/libreoffice.py)."""
from __future__ import annotations

import threading
from collections.abc import Callable


class CancelledError(Exception):
    """The clerk cancelled the job; nothing it would have made is kept."""


class CancelToken:
    """Set once, from any thread; read by the job between its steps."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._cancelled = False
        self._callbacks: list[Callable[[], None]] = []

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def cancel(self) -> None:
        """Ask the job to stop; the callbacks registered run now, once."""
        with self._lock:
            if self._cancelled:
                return
            self._cancelled = True
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            callback()

    def check(self) -> None:
        """Raise CancelledError when cancellation was asked: call between steps."""
        if self._cancelled:
            raise CancelledError

    def on_cancel(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Run ``callback`` on cancel (at once when cancelled already);
        returns the function that unregisters it."""
        with self._lock:
            if not self._cancelled:
                self._callbacks.append(callback)
                return lambda: self._forget(callback)
        callback()
        return lambda: None

    def _forget(self, callback: Callable[[], None]) -> None:
        with self._lock:
            if callback in self._callbacks:
                self._callbacks.remove(callback)


def check(token: CancelToken | None) -> None:
    """``token.check()`` for the functions whose token is optional."""
    if token is not None:
        token.check()
