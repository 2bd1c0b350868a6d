"""Running a what-if sweep on a Ray cluster (the optional ``ray`` extra).

``simulate(..., ray="auto")`` connects to the running cluster (``ray start --head`` on the head
node, or ``RAY_ADDRESS``), ``ray="local"`` starts a local instance with ``workers`` CPUs, and any
other value is passed to ``ray.init(address=...)`` (e.g. ``ray://head:10001``). If Ray is already
initialised in this process, that instance is used as it is. Chunks of games run as Ray tasks;
the starting position is put in the object store once. Each game depends only on ``(seed,
index)``, so the result is the same as on one machine. The cluster's nodes need this package
installed (same version), as for any Ray task.
"""
from __future__ import annotations

import importlib
from typing import Any, Callable

from wargame.simulate import SimulationError, Start, play_chunk

INSTALL_HINT = "pip install 'layered-deterrence[ray]'"


def require_ray() -> Any:
    """Import Ray or raise :class:`SimulationError` saying how to install it."""
    try:
        return importlib.import_module("ray")
    except ImportError as err:
        raise SimulationError(
            f"running on a Ray cluster needs Ray, which is not installed ({err}); "
            f"install it with: {INSTALL_HINT}") from None


def _init(ray: Any, address: str, workers: int) -> bool:
    """Connect unless already connected; returns whether this call started the connection."""
    if ray.is_initialized():
        return False
    try:
        if address == "local":
            ray.init(num_cpus=max(1, workers), include_dashboard=False, log_to_driver=False)
        else:
            ray.init(address=address, log_to_driver=False)
    except (ConnectionError, TimeoutError, ValueError, RuntimeError) as err:
        first = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise SimulationError(
            f"cannot reach a Ray cluster at {address!r} ({first}); start one with 'ray start --head' "
            "(or set RAY_ADDRESS), or run on this machine with --ray local or --workers N") from None
    return True


def run_on_ray(start: Start, chunks: list[list[int]], seed: int, address: str, workers: int,
               progress: Callable[[int, int], None] | None, cancel: Any,
               total: int) -> tuple[dict[int, dict[str, Any]], bool]:
    """Play the chunks as Ray tasks; returns the records by game index and whether it was cancelled."""
    ray = require_ray()
    started = _init(ray, address, workers)
    try:
        task = ray.remote(_ray_chunk)
        start_ref = ray.put(start)
        in_flight_max = max(2, int(ray.available_resources().get("CPU", workers)) * 2)
        pending = list(reversed(chunks))
        running: list[Any] = []
        records: dict[int, dict[str, Any]] = {}
        cancelled = False
        while pending or running:
            if cancel is not None and cancel.is_set():
                cancelled = True
                break
            while pending and len(running) < in_flight_max:
                running.append(task.remote(start_ref, pending.pop(), seed))
            ready, running = ray.wait(running, num_returns=1, timeout=0.2)
            for ref in ready:
                for rec in ray.get(ref):
                    records[rec["index"]] = rec
            if ready and progress is not None:
                progress(len(records), total)
        if cancelled:
            for ref in running:
                ray.cancel(ref, force=False)
            for ref in running:
                try:
                    for rec in ray.get(ref, timeout=30):
                        records[rec["index"]] = rec
                except Exception:  # cancelled or lost: those games are simply not in the result
                    pass
        return records, cancelled and len(records) < total
    finally:
        if started:
            ray.shutdown()


def _ray_chunk(start: Start, indices: list[int], seed: int) -> list[dict[str, Any]]:
    return play_chunk(start, indices, seed)
