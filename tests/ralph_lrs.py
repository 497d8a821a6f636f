"""A real LRS for the tests: Ralph 5 (``ralph-malph[lrs]``, in the ``test`` extra) on
127.0.0.1, a free port, its FileSystem backend in a temporary folder, and one user with
HTTP Basic credentials. The fixture ``ralph_lrs`` (tests/conftest.py) starts it once per test
session and only when a test asks for it.

What ``ralph runserver -b fs`` does, without its ``--reload`` watcher process (and with the
FileSystem backend appending, see ``_SERVE``): uvicorn serves ``ralph.api:app``, configured
by environment variables (RALPH_RUNSERVER_BACKEND,
RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH, RALPH_AUTH_FILE). The auth file is what
``ralph auth --username … --password … --scope all -M mailto:… -w`` writes (Ralph's
``ServerUsersCredentials``; importing it here would start Ralph's app in the test process);
the bcrypt hash is made with the fewest rounds so that checking it takes no time.
"""

from __future__ import annotations

import importlib.util
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from simulator.xapi.lrs import Credentials

#: what the LRS needs beyond the game's own dependencies (Ralph 5.1's ``lrs`` extra, and
#: ``requests``, which its auth module imports though that extra does not name it)
NEEDED = ("uvicorn", "fastapi", "bcrypt", "cachetools", "jose", "requests")
START_SECONDS = 60.0


def missing_modules() -> list[str]:
    """The modules the LRS needs that are not installed."""
    return [name for name in NEEDED if importlib.util.find_spec(name) is None]


class RalphLrs:
    """One Ralph LRS process; :meth:`stop` and :meth:`start` again keep its port and data."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.credentials = Credentials("pelatih", "sandi-pelatih-123")
        self.port = _free_port()
        self._process: subprocess.Popen[bytes] | None = None
        (folder / "statements").mkdir(parents=True, exist_ok=True)
        self._auth_file = folder / "auth.json"
        self._auth_file.write_text(json.dumps(self._users()), encoding="utf-8")

    @property
    def url(self) -> str:
        """The xAPI endpoint, as a trainer gives it to ``export --lrs``."""
        return f"http://127.0.0.1:{self.port}/xAPI"

    def start(self) -> None:
        environment = {
            **os.environ,
            "RALPH_RUNSERVER_BACKEND": "fs",
            "RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH": str(self.folder / "statements"),
            "RALPH_AUTH_FILE": str(self._auth_file),
            "RALPH_APP_DIR": str(self.folder / "app"),
        }
        log = (self.folder / "server.log").open("ab")
        self._process = subprocess.Popen(
            [sys.executable, "-c", _SERVE, str(self.port)],
            env=environment, stdout=log, stderr=subprocess.STDOUT, cwd=self.folder,
        )
        log.close()
        self._wait_until_it_answers()

    def stop(self) -> None:
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(10)
        self._process = None

    def log_tail(self) -> str:
        path = self.folder / "server.log"
        return path.read_text("utf-8", errors="replace")[-3000:] if path.exists() else ""

    def _users(self) -> list[dict[str, object]]:
        import bcrypt

        hashed = bcrypt.hashpw(self.credentials.password.encode(), bcrypt.gensalt(rounds=4))
        users = [{
            "agent": {"mbox": "mailto:pelatih@kab.example", "objectType": "Agent"},
            "scopes": ["all"],
            "hash": hashed.decode(),
            "username": self.credentials.user,
        }]
        return users

    def _wait_until_it_answers(self) -> None:
        deadline = time.monotonic() + START_SECONDS
        while time.monotonic() < deadline:
            assert self._process is not None
            if self._process.poll() is not None:
                raise RuntimeError(f"Ralph stopped at start:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{self.port}/__heartbeat__", timeout=1
                ) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"Ralph did not answer within {START_SECONDS:.0f} s:\n"
                           f"{self.log_tail()}")


#: uvicorn serving Ralph's app, with one change to Ralph 5.1's FileSystem backend: it writes
#: every POST to one file with the operation "create", so every POST after the first fails with
#: a 500 ("fs_lrs.jsonl already exists and overwrite is not allowed"); appending is what an LRS
#: of one file must do. Only the backend's storage changes: the answers (ids, 204, 409, 401,
#: paging) are Ralph's own code, as a district's ClickHouse or Elasticsearch LRS gives them.
_SERVE = """
import sys
import uvicorn
from ralph.backends.data.base import BaseOperationType
from ralph.backends.lrs.fs import FSLRSBackend
FSLRSBackend.default_operation_type = BaseOperationType.APPEND
uvicorn.run("ralph.api:app", host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
