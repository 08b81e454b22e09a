"""HTML parsing in a child process, so that a page's parse time and memory are bounded.

lxml's C parser (under trafilatura) cannot be interrupted from Python: a page that
passes the pre-scan (:mod:`newsfuse.reading.limits`) but still parses for minutes
would stall the run. So each process parses its pages in one long-lived child,
``python -m newsfuse.reading.worker``, under an address-space limit
(``RLIMIT_AS``). A page that takes longer than the time limit gets the child killed
(a new one starts for the next page); one that runs out of memory gets a
``MemoryError`` there. Either way the page is skipped with a one-line reason and
the run goes on. Log records of the child (trafilatura's, htmldate's) are sent back
and logged in this process, so they go through newsfuse's logging as before.

The protocol is a length-prefixed pickle each way on the child's stdin and stdout:
only this module talks to its own child.
"""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import pickle
import selectors
import struct
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Any

from newsfuse.errors import InputError
from newsfuse.reading.page import ExtractedPage, parse_page

log = logging.getLogger(__name__)

# Loggers whose records the child sends back (the libraries under extract_html).
FORWARDED_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "lxml", "newsfuse")

# Seconds the child may take to start (interpreter, trafilatura and lxml imports), not
# counted in any page's limit: 0.4 s idle, several seconds on the loaded 2-core machine.
STARTUP_GRACE_SECONDS = 60.0

# The child's address space is capped at this multiple of the memory limit: room for
# the page that goes over the limit to finish (and be reported), while still a bound.
AS_CAP_FACTOR = 2

_HEADER = struct.Struct("!Q")
_READY, _PAGE, _INPUT_ERROR = "ready", "page", "input-error"
_MEMORY, _FAILED = "memory", "failed"


class ParseWorker:
    """One child process that parses HTML pages for this process, one page at a time."""

    def __init__(self, memory_mb: int | None) -> None:
        self.memory_mb = memory_mb
        self._process: subprocess.Popen[bytes] | None = None
        self._owner = os.getpid()
        self._lock = threading.Lock()

    def parse(self, html: str, origin: str, url: str | None, seconds: float) -> ExtractedPage:
        """The :class:`~newsfuse.reading.page.ExtractedPage` of ``html``, parsed in the
        child within ``seconds``; :class:`InputError` if it has no text, took longer, ran
        out of memory or stopped the child."""
        with self._lock:
            process = self._process
            # A child that died while idle (killed from outside) is replaced, not blamed.
            started = process is None or self._owner != os.getpid() or process.poll() is not None
            if started:
                self._stop()
                process = self._start(origin)
            assert process is not None and process.stdin is not None
            levels = {
                name: logging.getLogger(name).getEffectiveLevel() for name in FORWARDED_LOGGERS
            }
            try:
                _send(process.stdin, (html, origin, url, levels))
                reply = _receive(process, seconds)
            except TimeoutError:
                self._stop()
                raise InputError(
                    origin, f"HTML page took longer than {seconds:g} s to parse; skipped"
                ) from None
            except (OSError, EOFError, pickle.UnpicklingError) as error:
                code = process.poll()
                self._stop()
                raise InputError(
                    origin,
                    f"the HTML parser stopped on this page ({_describe_exit(code, error)}); "
                    "skipped",
                ) from None
        kind, payload, records = reply
        for name, level, message in records:
            logging.getLogger(name).log(level, "%s", message)
        if kind == _PAGE:
            assert isinstance(payload, ExtractedPage)
            return payload
        if kind == _MEMORY:
            with self._lock:
                self._stop()  # the child may be in a bad state after a MemoryError
            raise InputError(
                origin, f"HTML page needed more than {self.memory_mb} MB to parse; skipped"
            )
        if kind == _FAILED:
            raise InputError(origin, f"the HTML parser failed on this page ({payload}); skipped")
        raise InputError(origin, str(payload))

    def close(self) -> None:
        """Stop the child (it also stops by itself when this process exits)."""
        with self._lock:
            self._stop()

    def _start(self, origin: str) -> subprocess.Popen[bytes]:
        """Start the child and wait until it has imported the parser."""
        package_root = str(Path(__file__).resolve().parents[2])
        path = os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH")) if p)
        command = [sys.executable, "-m", "newsfuse.reading.worker"]
        if self.memory_mb:
            command.append(str(self.memory_mb))
        self._process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": path},
        )
        self._owner = os.getpid()
        try:
            _receive(self._process, STARTUP_GRACE_SECONDS)
        except (TimeoutError, OSError, EOFError, pickle.UnpicklingError) as error:
            code = self._process.poll()
            self._stop()
            raise InputError(
                origin,
                f"the HTML parser did not start ({_describe_exit(code, error)}); "
                f"skipped (is {sys.executable} able to import newsfuse?)",
            ) from None
        return self._process

    def _stop(self) -> None:
        process, self._process = self._process, None
        if process is None or self._owner != os.getpid():
            return
        if process.poll() is None:
            process.kill()
        process.wait()
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()


def _describe_exit(code: int | None, error: BaseException) -> str:
    if code is not None and code < 0:
        return f"killed by signal {-code}"
    if code is not None:
        return f"exit status {code}"
    return type(error).__name__


def _send(stream: IO[bytes], message: object) -> None:
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(_HEADER.pack(len(data)) + data)
    stream.flush()


def _receive(process: subprocess.Popen[bytes], seconds: float) -> Any:
    """The child's next message, or :class:`TimeoutError` after ``seconds``."""
    assert process.stdout is not None
    fd = process.stdout.fileno()
    deadline = time.monotonic() + seconds
    buffer = bytearray()
    needed = _HEADER.size
    header_read = False
    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        while len(buffer) < needed:
            left = deadline - time.monotonic()
            if left <= 0 or not selector.select(left):
                raise TimeoutError
            chunk = os.read(fd, max(needed - len(buffer), 65536))
            if not chunk:
                raise EOFError("the parser process closed its output")
            buffer += chunk
            if not header_read and len(buffer) >= _HEADER.size:
                (size,) = _HEADER.unpack_from(buffer)
                needed = _HEADER.size + size
                header_read = True
    return pickle.loads(bytes(buffer[_HEADER.size : needed]))


_shared: dict[int | None, ParseWorker] = {}
_shared_lock = threading.Lock()


def shared_worker(memory_mb: int | None) -> ParseWorker:
    """This process's worker for the memory limit ``memory_mb`` (started on first use)."""
    with _shared_lock:
        worker = _shared.get(memory_mb)
        if worker is None:
            worker = _shared[memory_mb] = ParseWorker(memory_mb)
        return worker


@atexit.register
def _close_shared() -> None:
    for worker in list(_shared.values()):
        worker.close()


# -- the child ---------------------------------------------------------------------------


class _Collector(logging.Handler):
    """Keeps the child's log records of one page, to be sent back with its reply."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        # A record that cannot be formatted is dropped, as logging's own handlers do.
        with contextlib.suppress(Exception):
            self.records.append((record.name, record.levelno, record.getMessage()))


def _read_exactly(stream: IO[bytes], size: int) -> bytes:
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return data


def serve(memory_mb: int | None) -> None:
    """The child's loop: read a page, parse it, answer; until its input closes.

    With ``memory_mb``, a page after which the child's peak resident memory is over it
    is answered "memory" (and the child exits, so the next starts afresh); the address
    space is capped at twice that, so a page cannot take more even before the check
    (libraries catch their own ``MemoryError``, so the cap alone would pass unseen)."""
    if memory_mb and sys.platform != "win32":
        import resource

        cap = AS_CAP_FACTOR * memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    requests, replies = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing a library prints may corrupt the replies
    import trafilatura  # noqa: F401  (loaded before "ready": no page's time pays for it)

    collector = _Collector()
    logging.getLogger().addHandler(collector)
    _send(replies, (_READY, None, []))
    while True:
        try:
            (size,) = _HEADER.unpack(_read_exactly(requests, _HEADER.size))
            html, origin, url, levels = pickle.loads(_read_exactly(requests, size))
        except EOFError:
            return
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)
        collector.records = []
        try:
            reply: tuple[str, Any] = (_PAGE, parse_page(html, origin, url=url))
        except InputError as error:
            reply = (_INPUT_ERROR, error.reason)
        except MemoryError:
            reply = (_MEMORY, "")
        except Exception as error:  # a library bug on odd markup: this page only
            reply = (_FAILED, f"{type(error).__name__}: {error}"[:200])
        if memory_mb and peak_memory_mb() > memory_mb:
            reply = (_MEMORY, "")
        _send(replies, (*reply, collector.records))
        if reply[0] == _MEMORY:
            return


def peak_memory_mb() -> float:
    """This process's peak resident memory so far, in MB (0 where it is not known).

    On Linux from ``VmHWM``, which starts afresh at ``exec``: ``ru_maxrss`` keeps the
    peak of the process before it, here the forked copy of a parent that may be
    hundreds of MB (a server with its models), which would fail every page."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    if sys.platform == "win32":
        return 0.0
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports kilobytes, macOS bytes.
    return peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


if __name__ == "__main__":
    serve(int(sys.argv[1]) if len(sys.argv) > 1 else None)
