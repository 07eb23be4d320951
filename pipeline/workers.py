"""Where chunks of articles are processed: in this process, or in worker processes that each hold
one full ``Pipeline`` (extraction, attribution and the classifier, loaded once per process).

Measured on 2 cores (benchmarks/README.md): whole-pipeline worker processes with one torch thread
each beat both a single process with two torch threads (OpenMP threads stall as soon as another
process takes a core) and extraction workers feeding a classifying parent (the parent's encoder
work is ~8x the extraction work, so the extraction workers sit idle).

Chunks go out in order and come back in order, with at most ``window`` chunks in flight, so a
corpus of any size is never held in memory (``multiprocessing.Pool.imap`` would queue the whole
input).
"""
from __future__ import annotations

import multiprocessing as mp
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from pipeline.annotate import Pipeline
from pipeline.config import Config
from pipeline.schema import Article

_PIPELINE: Pipeline | None = None
_INIT_ERROR: BaseException | None = None


class WorkerError(RuntimeError):
    """A worker process died (killed, out of memory); the partial output stays resumable."""


def torch_threads_per_worker(config: Config, workers: int) -> int:
    """``classify.threads`` if set, else the cores shared out between the workers."""
    return config.classify.threads or max(1, (os.cpu_count() or 1) // max(1, workers))


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs; a killed process that its parent has not reaped yet is a zombie,
    which ``os.kill(pid, 0)`` still reports as alive."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except FileNotFoundError:
        return False
    except OSError:  # no /proc (not Linux)
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            pass
        return True


def _exit_with_parent(main_pid: int, every: float = 0.5) -> None:
    """Exit once the main process is gone: a SIGKILLed run must not leave workers behind (they
    hold both ends of their task queue and would wait for work forever, keeping the fork
    server and any pipe on stderr open)."""
    while _alive(main_pid):
        time.sleep(every)
    os._exit(1)


def _init_worker(config: Config, threads: int, main_pid: int) -> None:
    global _PIPELINE, _INIT_ERROR
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    threading.Thread(target=_exit_with_parent, args=(main_pid,), daemon=True).start()
    try:
        if config.classify.enabled:
            import torch

            torch.set_num_threads(threads)
        _PIPELINE = Pipeline(config)
        _ = _PIPELINE.classifier  # load now, once; a bad model directory fails the first chunk
    except Exception as exc:  # re-raised from the first task so the parent sees the real error
        _INIT_ERROR = exc


def _process_chunk(chunk: list[Article]) -> list[Article]:
    if _INIT_ERROR is not None:
        raise _INIT_ERROR
    assert _PIPELINE is not None
    return _PIPELINE.process(chunk)


def set_kernel_cache(config: Config) -> None:
    """oneDNN's primitive cache per ``classify.kernel_cache``, unless the user set it in the
    environment; call before torch first runs a kernel (workers inherit the environment)."""
    if not config.classify.kernel_cache:
        os.environ.setdefault("ONEDNN_PRIMITIVE_CACHE_CAPACITY", "0")


class ChunkRunner:
    """Maps ``Pipeline.process`` over chunks in input order, in-process or in ``workers`` processes.

    Use as a context manager; ``workers`` <= 1 or an injected ``pipeline`` runs in-process.
    """

    def __init__(self, config: Config, workers: int, pipeline: Pipeline | None = None,
                 window: int | None = None) -> None:
        self.config = config
        self.workers = 1 if pipeline is not None else max(1, workers)
        self.window = window or 2 * self.workers  # keeps every worker busy while one chunk returns
        self._pipeline = pipeline
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> "ChunkRunner":
        if self.config.classify.enabled:
            set_kernel_cache(self.config)
        if self.workers > 1:
            ctx = mp.get_context("forkserver")
            # a clean server process (never ran OpenMP) forks the workers; preloading the heavy
            # imports there makes each worker start in a fraction of a second
            preload = ["pipeline.annotate", "pipeline.extract", "pipeline.attribute"]
            if self.config.classify.enabled:
                preload += ["torch", "pipeline.classify"]
            ctx.set_forkserver_preload(preload)
            self._executor = ProcessPoolExecutor(
                self.workers, mp_context=ctx, initializer=_init_worker,
                initargs=(self.config, torch_threads_per_worker(self.config, self.workers),
                          os.getpid()))
        elif self._pipeline is None:
            self._pipeline = Pipeline(self.config)
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        self.close(kill=exc_type is not None)

    def close(self, kill: bool = False) -> None:
        """Stop the workers; ``kill`` does not wait for the chunks they are working on."""
        ex, self._executor = self._executor, None
        if ex is None:
            return
        if kill:
            for p in list(getattr(ex, "_processes", {}).values()):
                p.terminate()
        ex.shutdown(wait=True, cancel_futures=True)

    @property
    def pipeline(self) -> Pipeline | None:
        """The in-process pipeline (None when worker processes do the work)."""
        return self._pipeline

    def map(self, chunks: Iterable[list[Article]]) -> Iterator[list[Article]]:
        """Processed chunks in input order."""
        if self._executor is None:
            assert self._pipeline is not None, "use ChunkRunner as a context manager"
            for chunk in chunks:
                yield self._pipeline.process(chunk)
            return
        pending: deque[Future] = deque()
        try:
            for chunk in chunks:
                pending.append(self._executor.submit(_process_chunk, chunk))
                if len(pending) >= self.window:
                    yield pending.popleft().result()
            while pending:
                yield pending.popleft().result()
        except BrokenProcessPool as exc:
            raise WorkerError(f"a worker process died ({exc}); run the same command again to "
                              f"resume, or use fewer workers (batch.workers)") from None
