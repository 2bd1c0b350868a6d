"""Running :func:`wargame.simulate.simulate` off the UI thread.

:class:`SimulationRunner` plays a what-if run in a :class:`QThread` (which itself may start a
``spawn`` process pool when ``workers > 1``), so the dialog stays responsive. The engine calls
its ``progress(done, total)`` callback in that thread; the callback only emits a signal, which
reaches the dialog through a queued connection. Cancelling sets a :class:`threading.Event` that
the engine checks between games (or chunks): the games under way finish and the partial result
arrives through ``finished`` like a full one, with ``result.cancelled`` set.
"""
from __future__ import annotations

import threading
import time
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal

from wargame.forced import Forced, compare_forced
from wargame.simulate import SimulationResult, simulate

_STRAGGLERS: set[QThread] = set()
"""Threads of closed dialogs that were still finishing their last games (kept alive until done)."""


class _SimulationThread(QThread):
    """The thread that calls ``simulate`` (its signals are emitted from that thread)."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)

    def __init__(self, target: Any, kwargs: dict[str, Any], cancel: threading.Event,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.target = target
        self.kwargs = kwargs
        self.cancel = cancel

    def run(self) -> None:
        """Play the run; report the result or the error as a signal (never raise)."""
        try:
            kwargs = dict(self.kwargs)
            force = kwargs.pop("force", None)
            if force is not None:  # with and without the decision, on the same seeds
                result = compare_forced(self.target, force, progress=self._progress, cancel=self.cancel, **kwargs)
            else:
                result = simulate(self.target, progress=self._progress, cancel=self.cancel, **kwargs)
        except Exception as err:  # noqa: BLE001 (any failure must reach the dialog, not kill the thread)
            self.failed.emit(str(err) or type(err).__name__)
            return
        self.succeeded.emit(result)

    def _progress(self, done: int, total: int) -> None:
        self.progressed.emit(done, total)


class SimulationRunner(QObject):
    """Starts, tracks and cancels one what-if run at a time.

    Signals (delivered in the thread the runner lives in, i.e. the UI thread):
        progressed(int, int): games done, games requested.
        finished(object): the :class:`~wargame.simulate.SimulationResult` (possibly partial), or
            a :class:`~wargame.forced.ForcedComparison` for a run with a forced decision.
        failed(str): the run could not start or broke (a sentence for the player).
    """

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: _SimulationThread | None = None
        self._cancel = threading.Event()
        self.started_at = 0.0
        self.result: SimulationResult | None = None
        self._stale = False

    @property
    def running(self) -> bool:
        """Whether a run is under way."""
        return self._thread is not None

    @property
    def cancelling(self) -> bool:
        """Whether Cancel was asked for the run under way."""
        return self.running and self._cancel.is_set()

    def start(self, target: Any, games: int, seed: int, workers: int = 1,
              styles: dict[str, str] | None = None, force: Forced | None = None) -> None:
        """Start a run of ``games`` continuations of ``target`` (a Scenario or a private Game copy).

        With ``force`` (``target`` must be a Game), the run is
        :func:`wargame.forced.compare_forced`: ``games`` continuations without and ``games`` with
        the decision, and ``finished`` carries a :class:`~wargame.forced.ForcedComparison`.
        ``target`` is read from the worker thread: never pass the live game.
        """
        if self.running:
            raise RuntimeError("a what-if run is already under way")
        self.result = None
        self._stale = False
        self._cancel = threading.Event()
        kwargs: dict[str, Any] = {"games": games, "seed": seed, "workers": workers, "styles": dict(styles or {})}
        if force is not None:
            kwargs["force"] = force
        thread = _SimulationThread(target, kwargs, self._cancel)
        queued = Qt.ConnectionType.QueuedConnection
        thread.progressed.connect(self._on_progressed, queued)
        thread.succeeded.connect(self._on_succeeded, queued)
        thread.failed.connect(self._on_failed, queued)
        self._thread = thread
        self.started_at = time.perf_counter()
        thread.start()

    def cancel(self) -> None:
        """Ask the run to stop: no new game starts, the games under way finish."""
        self._cancel.set()

    def wait(self, msecs: int = 60_000) -> bool:
        """Block until the worker thread has ended (True) or ``msecs`` passed (False)."""
        thread = self._thread
        return True if thread is None else bool(thread.wait(msecs))

    def shutdown(self, msecs: int = 60_000) -> None:
        """Cancel any run, wait for its thread and drop its result (before the owner goes away).

        A thread still busy after ``msecs`` is kept alive until it ends (never destroyed running).
        """
        thread, self._thread = self._thread, None
        if thread is None:
            return
        self._cancel.set()
        self._stale = True
        if thread.wait(msecs):
            thread.deleteLater()
        else:
            _STRAGGLERS.add(thread)
            thread.finished.connect(lambda t=thread: _STRAGGLERS.discard(t))

    def _release(self) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.wait()  # run() has returned once its last signal was emitted
            thread.deleteLater()

    def _on_progressed(self, done: int, total: int) -> None:
        if not self._stale:
            self.progressed.emit(done, total)

    def _on_succeeded(self, result: SimulationResult) -> None:
        if self._stale:
            return
        self._release()
        self.result = result
        self.finished.emit(result)

    def _on_failed(self, message: str) -> None:
        if self._stale:
            return
        self._release()
        self.failed.emit(message)
