"""A client of an xAPI 1.0.3 Learning Record Store: send statements, read them back.

Only the standard library (``urllib.request``): the game needs no server and no HTTP package;
an LRS is a district's (Ralph, or any other that speaks xAPI 1.0.3).

What an LRS may answer, and what it means here:

- POST ``statements`` with a batch → 200 and the ids it stored. Ralph leaves out the ids it
  already held (and answers 204 when it held them all); either way the whole batch is there.
- 409 Conflict: the LRS already holds a *different* statement under one of the ids (a profile
  renamed since it was sent). The statement ids are stable, so that is the same result sent
  before; Ralph then stores none of the batch, so it is sent again one statement at a time,
  and a 409 to one counts as held. An LRS keeps the first version; nothing is duplicated.
- 401/403: the user name or password is wrong (or lacks the right to write/read).
- 5xx, no answer (refused, timeout, name not found, TLS), or an answer that is not what the
  xAPI says (not JSON, not a list of ids, too big, a redirect): :class:`LrsError`, whose
  ``kind`` says which. Messages are the caller's to word (the command line translates them).

Redirects are not followed: urllib would carry the password along to wherever it points.
"""

from __future__ import annotations

import base64
import errno
import http.client
import json
import logging
import socket
import ssl
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any, NamedTuple
from urllib.parse import quote, urlencode, urljoin, urlsplit, urlunsplit

logger = logging.getLogger(__name__)

XAPI_VERSION = "1.0.3"
#: seconds to wait for a connection or for the next bytes of an answer
TIMEOUT = 10.0
#: statements per POST, and the most bytes one POST carries (a proxy in front of an LRS often
#: refuses bodies of more than a few MB; a day's statement with its log is tens of KB)
BATCH_SIZE = 500
BATCH_BYTES = 4_000_000
#: the most bytes read of one page of statements, and of any other answer
MAX_PAGE_BYTES = 50_000_000
MAX_ANSWER_BYTES = 5_000_000
#: the most pages read (Ralph gives 100 statements a page: ten million statements)
MAX_PAGES = 100_000
#: how long reading one answer may take in all, however slowly its bytes trickle in
READ_DEADLINE = 300.0


class LrsProblem(str, Enum):
    """Why the LRS did not take or give the statements."""

    UNREACHABLE = "unreachable"  # no answer at all: see LrsError.reason
    AUTH = "auth"  # 401/403: wrong user name or password, or no right to do this
    SERVER = "server"  # 5xx: the LRS is there but failing
    REFUSED = "refused"  # another 4xx: the LRS would not take this request
    BAD_ANSWER = "bad_answer"  # an answer that is not what an xAPI LRS gives


#: why an LRS could not be reached (LrsError.reason when kind is UNREACHABLE)
REASONS = ("refused", "timeout", "name", "tls", "other")


class LrsError(Exception):
    """The LRS did not do what was asked: ``kind`` (an :class:`LrsProblem`), the HTTP
    ``status`` when there was one, ``reason`` (one of :data:`REASONS`) when there was no
    answer, and ``detail``, English words for the log (the LRS's own message, an OS error)."""

    def __init__(
        self, kind: LrsProblem, detail: str, *, status: int | None = None, reason: str = ""
    ) -> None:
        super().__init__(f"{kind.value}: {detail}" + (f" (HTTP {status})" if status else ""))
        self.kind = kind
        self.detail = detail
        self.status = status
        self.reason = reason


class Credentials(NamedTuple):
    """HTTP Basic credentials of an LRS user."""

    user: str
    password: str


@dataclass(frozen=True, slots=True)
class SendResult:
    """What :func:`send_statements` did: ``sent`` statements the LRS acknowledged (``held`` of
    them it held already), ``unsent`` it did not, and the ``error`` that stopped it (None when
    every statement was acknowledged)."""

    sent: int
    held: int
    unsent: int
    error: LrsError | None


def endpoint_url(text: str) -> str:
    """The LRS endpoint ``text`` names, as this program keeps it: ``http(s)://host[:port]/path``
    without a trailing ``/`` or ``/statements`` (given by mistake, it is forgiven). ValueError
    for anything else: another scheme (``file:``), no host, or a user name or password in the
    address (they belong in the credentials, not in the save file's queue)."""
    stripped = text.strip()
    if any(c.isspace() or not c.isprintable() for c in stripped):
        raise ValueError(f"a space or control character in the address: {text!r}")
    parts = urlsplit(stripped)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"not an http(s) address: {text!r}")
    if parts.username is not None or parts.password is not None:
        raise ValueError(f"a user name or password in the address: {text!r}")
    if parts.query or parts.fragment:
        raise ValueError(f"a query or fragment in the address: {text!r}")
    try:
        port = parts.port
    except ValueError as error:
        raise ValueError(f"not a port: {text!r}") from error
    host = parts.hostname.lower()
    netloc = (f"[{host}]" if ":" in host else host) + (f":{port}" if port is not None else "")
    # Letters beyond ASCII in the path are sent %-encoded, as HTTP requires.
    path = quote(parts.path, safe="/%:@!$&'()*+,;=-._~").rstrip("/")
    if path.lower().endswith("/statements"):
        path = path[: -len("/statements")]
    return urlunsplit((scheme, netloc, path, "", ""))


def send_statements(
    endpoint: str,
    auth: Credentials | None,
    statements: Sequence[Mapping[str, Any]],
    *,
    on_acknowledged: Callable[[list[str]], None] | None = None,
    timeout: float = TIMEOUT,
    batch_size: int = BATCH_SIZE,
    batch_bytes: int = BATCH_BYTES,
) -> SendResult:
    """Send ``statements`` (each with its ``id``) to the LRS at ``endpoint`` (as
    :func:`endpoint_url` gives it), in batches of at most ``batch_size`` statements and
    ``batch_bytes`` bytes, in order, stopping at the first batch the LRS does not acknowledge.

    ``on_acknowledged(ids)`` is called after each acknowledged batch, before the next is sent,
    so a caller can take them off its queue; what it raises stops the sending and propagates.
    Never raises :class:`LrsError`: the result carries it.
    """
    sent = held = 0
    batches = list(_batches(statements, batch_size, batch_bytes))
    for index, (ids, body) in enumerate(batches):
        try:
            held_here, acknowledged = _post_batch(endpoint, auth, ids, body, timeout)
        except LrsError as error:
            unsent = sum(len(rest) for rest, _ in batches[index:])
            return SendResult(sent, held, unsent, error)
        except _Conflict:
            acknowledged, held_here, error = _one_by_one(
                endpoint, auth, _statements_of(statements, ids), timeout
            )
            if acknowledged and on_acknowledged is not None:
                on_acknowledged(acknowledged)
            sent, held = sent + len(acknowledged), held + held_here
            if error is not None:
                unsent = len(ids) - len(acknowledged)
                unsent += sum(len(rest) for rest, _ in batches[index + 1 :])
                return SendResult(sent, held, unsent, error)
            continue
        if on_acknowledged is not None:
            on_acknowledged(acknowledged)
        sent, held = sent + len(acknowledged), held + held_here
    return SendResult(sent, held, 0, None)


def read_statements(
    endpoint: str,
    auth: Credentials | None,
    *,
    since: datetime | str | None = None,
    page_size: int = 0,
    timeout: float = TIMEOUT,
    max_page_bytes: int = MAX_PAGE_BYTES,
    max_pages: int = MAX_PAGES,
) -> Iterator[dict[str, Any]]:
    """Every statement the LRS at ``endpoint`` holds (that ``auth`` may read), page by page.

    - ``endpoint``: the LRS's xAPI base, as :func:`endpoint_url` gives it
      (``http://127.0.0.1:8100/xAPI``); GET ``endpoint/statements`` is asked.
    - ``auth``: HTTP Basic credentials, or None for an LRS open to all.
    - ``since``: only statements *stored* after this moment (an aware datetime, or ISO 8601
      text), e.g. the ``stored`` of the newest statement read last time.
    - ``page_size``: statements per page asked for; 0 lets the LRS choose (Ralph: 100 at most).
    - ``timeout``: seconds to wait for the connection and for each part of an answer.
    - ``max_page_bytes``, ``max_pages``: an answer bigger than this, or more pages than this, is
      refused (``LrsError`` BAD_ANSWER), as is a ``more`` link that leaves the LRS's host or
      points to a page already read: a broken LRS cannot make the reader run forever.

    Statements come as the LRS gives them (with the ``stored`` and ``authority`` it added),
    newest first with Ralph. Paging follows the LRS's ``more`` links until there is none; a
    statement stored while the pages are read may come twice, so count by ``id``.
    Raises :class:`LrsError` when the LRS cannot be reached, refuses the credentials (AUTH) or
    answers what is not an xAPI statement result. Nothing is read until the first ``next()``.
    """
    query: dict[str, str] = {}
    if since is not None:
        query["since"] = since.isoformat() if isinstance(since, datetime) else since
    if page_size:
        query["limit"] = str(page_size)
    url = f"{endpoint}/statements" + (f"?{urlencode(query)}" if query else "")
    origin = urlsplit(url)[:2]
    seen = {url}
    for _ in range(max_pages):
        request = _request(url, auth, method="GET")
        status, data = _exchange(request, timeout, max_page_bytes)
        if status != 200:
            raise LrsError(LrsProblem.BAD_ANSWER, f"status {status} to a read", status=status)
        statements, more = _statement_page(data)
        yield from statements
        if not more:
            return
        url = urljoin(url, more)
        if urlsplit(url)[:2] != origin:
            raise LrsError(LrsProblem.BAD_ANSWER, f"a 'more' link to another place: {more!r}")
        if url in seen:
            raise LrsError(LrsProblem.BAD_ANSWER, f"a 'more' link back to a page read: {more!r}")
        seen.add(url)
    raise LrsError(LrsProblem.BAD_ANSWER, f"more than {max_pages} pages of statements")


def _statements_of(
    statements: Sequence[Mapping[str, Any]], ids: Sequence[str]
) -> list[Mapping[str, Any]]:
    """The statements of ``ids``, in that order."""
    wanted = set(ids)
    return [s for s in statements if s["id"] in wanted]


# -- one batch ------------------------------------------------------------------------------


class _Conflict(Exception):
    """409 to a batch: some id is held with a different statement."""


def _batches(
    statements: Sequence[Mapping[str, Any]], most: int, most_bytes: int
) -> Iterator[tuple[list[str], list[bytes]]]:
    """Runs of statements (their ids and JSON bytes) within both bounds; a statement bigger
    than ``most_bytes`` goes alone."""
    ids: list[str] = []
    bodies: list[bytes] = []
    size = 0
    for statement in statements:
        body = json.dumps(statement, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if ids and (len(ids) >= most or size + len(body) + 1 > most_bytes):
            yield ids, bodies
            ids, bodies, size = [], [], 0
        ids.append(str(statement["id"]))
        bodies.append(body)
        size += len(body) + 1
    if ids:
        yield ids, bodies


def _post_batch(
    endpoint: str, auth: Credentials | None, ids: list[str], bodies: list[bytes], timeout: float
) -> tuple[int, list[str]]:
    """POST one batch; how many of it the LRS held already, and the ids acknowledged."""
    payload = b"[" + b",".join(bodies) + b"]"
    request = _request(f"{endpoint}/statements", auth, method="POST", body=payload)
    try:
        status, data = _exchange(request, timeout, MAX_ANSWER_BYTES)
    except LrsError as error:
        if error.status == 409:
            raise _Conflict from error
        raise
    if status == 204:  # Ralph: every one of them held already
        return len(ids), ids
    if status != 200:
        raise LrsError(LrsProblem.BAD_ANSWER, f"status {status} to a POST", status=status)
    stored = _id_list(data)
    unknown = set(stored) - set(ids)
    if unknown:
        raise LrsError(
            LrsProblem.BAD_ANSWER, f"ids that were not sent: {sorted(unknown)[:3]!r}"
        )
    return len(ids) - len(set(stored)), ids


def _one_by_one(
    endpoint: str, auth: Credentials | None, statements: Sequence[Mapping[str, Any]],
    timeout: float,
) -> tuple[list[str], int, LrsError | None]:
    """POST the statements one at a time (after a 409 to their batch): the ids acknowledged,
    how many the LRS held already (a 409 to one among them), and the error that stopped it."""
    acknowledged: list[str] = []
    held = 0
    for statement in statements:
        statement_id = str(statement["id"])
        body = json.dumps(statement, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            held += _post_batch(endpoint, auth, [statement_id], [body], timeout)[0]
        except LrsError as error:
            return acknowledged, held, error
        except _Conflict:
            logger.info("the LRS holds another version of statement %s; it keeps it", statement_id)
            held += 1
        acknowledged.append(statement_id)
    return acknowledged, held, None


# -- HTTP -----------------------------------------------------------------------------------


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # the 3xx comes back as an HTTPError, said as such


_OPENER = urllib.request.build_opener(_NoRedirect)


def _request(
    url: str, auth: Credentials | None, *, method: str, body: bytes | None = None
) -> urllib.request.Request:
    headers = {"X-Experience-API-Version": XAPI_VERSION, "Accept": "application/json"}
    if body is not None:
        headers["Content-Type"] = "application/json; charset=utf-8"
    if auth is not None:
        # Sent at once, not after a 401 challenge as urllib's handler would: one round trip.
        pair = f"{auth.user}:{auth.password}".encode()
        headers["Authorization"] = "Basic " + base64.b64encode(pair).decode("ascii")
    return urllib.request.Request(url, data=body, headers=headers, method=method)


def _exchange(
    request: urllib.request.Request, timeout: float, most: int
) -> tuple[int, bytes]:
    """Send ``request``; the status and body of a 2xx answer. LrsError for anything else."""
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            return response.status, _read(response, most)
    except urllib.error.HTTPError as error:
        raise _status_error(error) from None
    except urllib.error.URLError as error:
        raise _unreachable(error.reason) from None
    except (TimeoutError, ConnectionError, ssl.SSLError) as error:
        raise _unreachable(error) from None
    except http.client.HTTPException as error:
        raise LrsError(LrsProblem.BAD_ANSWER, f"not an HTTP answer: {error!r}") from None
    except OSError as error:
        raise _unreachable(error) from None
    except ValueError as error:  # a 'more' link http.client will not send (a space in it)
        raise LrsError(LrsProblem.BAD_ANSWER, f"an address that cannot be asked: {error}") from None


def _read(response: Any, most: int) -> bytes:
    """The body, refused when longer than ``most`` bytes or slower than READ_DEADLINE."""
    deadline = time.monotonic() + READ_DEADLINE
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = response.read(65_536)
        if not chunk:
            return b"".join(chunks)
        size += len(chunk)
        if size > most:
            raise LrsError(LrsProblem.BAD_ANSWER, f"an answer of more than {most} bytes")
        if time.monotonic() > deadline:
            raise LrsError(LrsProblem.UNREACHABLE, "ETIMEDOUT", reason="timeout")
        chunks.append(chunk)


def _status_error(error: urllib.error.HTTPError) -> LrsError:
    status = error.code
    try:
        said = error.read(2_000).decode("utf-8", errors="replace")
    except (OSError, http.client.HTTPException):
        said = ""
    detail = _lrs_detail(said) or error.reason or f"HTTP {status}"
    if status in (401, 403):
        return LrsError(LrsProblem.AUTH, str(detail), status=status)
    if 300 <= status < 400:
        where = error.headers.get("Location", "") if error.headers else ""
        return LrsError(LrsProblem.BAD_ANSWER, f"redirected to {where!r}", status=status)
    if status >= 500:
        return LrsError(LrsProblem.SERVER, str(detail), status=status)
    return LrsError(LrsProblem.REFUSED, str(detail), status=status)


def _lrs_detail(said: str) -> str:
    """What the LRS said about an error, briefly: Ralph's ``{"detail": …}`` or the text."""
    try:
        parsed = json.loads(said)
    except ValueError:
        return said.strip()[:200]
    if isinstance(parsed, dict) and "detail" in parsed:
        return str(parsed["detail"])[:200]
    return said.strip()[:200]


def _unreachable(cause: object) -> LrsError:
    """No answer: why, as one of REASONS."""
    if isinstance(cause, TimeoutError):
        reason = "timeout"
    elif isinstance(cause, ConnectionRefusedError):
        reason = "refused"
    elif isinstance(cause, socket.gaierror):
        reason = "name"
    elif isinstance(cause, (ssl.SSLError, ssl.CertificateError)):
        reason = "tls"
    else:
        reason = "other"
    return LrsError(LrsProblem.UNREACHABLE, _code_of(cause), reason=reason)


# getaddrinfo's error numbers (negative, not errno's) by name
_RESOLVER_CODES = {getattr(socket, name): name for name in dir(socket) if name.startswith("EAI_")}


def _code_of(cause: object) -> str:
    """The cause of no answer as a code a technician can look up (ECONNREFUSED, EAI_NONAME,
    CERTIFICATE_VERIFY_FAILED), never the system's English sentence, which would stand in
    an Indonesian message."""
    if isinstance(cause, ssl.SSLError) and cause.reason:
        return str(cause.reason)
    number = getattr(cause, "errno", None)
    if isinstance(cause, socket.gaierror) and number in _RESOLVER_CODES:
        return _RESOLVER_CODES[number]
    if isinstance(number, int) and number in errno.errorcode:
        return errno.errorcode[number]
    return type(cause).__name__


# -- answers --------------------------------------------------------------------------------


def _json(data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise LrsError(LrsProblem.BAD_ANSWER, f"not JSON: {data[:60]!r}") from None


def _id_list(data: bytes) -> list[str]:
    ids = _json(data)
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        raise LrsError(LrsProblem.BAD_ANSWER, f"not a list of statement ids: {data[:60]!r}")
    return ids


def _statement_page(data: bytes) -> tuple[list[dict[str, Any]], str]:
    """A StatementResult: its statements and its ``more`` link ("" when there is none)."""
    page = _json(data)
    if not isinstance(page, dict) or not isinstance(page.get("statements"), list):
        raise LrsError(LrsProblem.BAD_ANSWER, f"not a statement result: {data[:60]!r}")
    statements = page["statements"]
    if not all(isinstance(s, dict) and isinstance(s.get("id"), str) for s in statements):
        raise LrsError(LrsProblem.BAD_ANSWER, "a statement without an id")
    more = page.get("more") or ""
    if not isinstance(more, str):
        raise LrsError(LrsProblem.BAD_ANSWER, f"a 'more' that is not a link: {more!r}")
    return statements, more
