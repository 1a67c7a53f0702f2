"""The HTTP API and the page: a view over one ledger file, like datasette over a database.

Every route is one Ledger call. Reads are open on localhost; every write needs the token that
`conflict-ledger serve` prints (sent as `Authorization: Bearer TOKEN`). Article text is
untrusted, so the page is served with a strict Content-Security-Policy and builds every text
node with textContent.
"""

from __future__ import annotations

import functools
import secrets
import threading
from collections.abc import Callable
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import __version__
from ..db import Ledger
from ..model import EVENT_FIELDS
from . import schemas
from .assets import Assets
from .cache import AggregateCache
from .queries import MapFilter

STATIC = Path(str(resources.files("conflict_ledger.serve").joinpath("static")))

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


def new_token() -> str:
    return secrets.token_urlsafe(24)


def is_loopback(host: str) -> bool:
    return host in LOOPBACK_HOSTS or host.startswith("127.")


class LedgerPool:
    """One Ledger (SQLite connection) per server thread: SQLite connections are not shared across threads."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._local = threading.local()
        self._lock = threading.Lock()
        self._all: list[Ledger] = []
        self._generation = 0  # bumped by close(), so a restarted app opens fresh connections

    def get(self) -> Ledger:
        entry = getattr(self._local, "entry", None)
        if entry is None or entry[0] != self._generation:
            ledger = Ledger(self.path)
            with self._lock:
                self._all.append(ledger)
                self._local.entry = entry = (self._generation, ledger)
        return entry[1]

    def interrupt(self) -> None:
        """Ask every running query to stop (sqlite3 allows this from another thread), e.g. at shutdown."""
        with self._lock:
            for ledger in self._all:
                ledger.conn.interrupt()

    def close(self) -> None:
        with self._lock:
            self._generation += 1
            for ledger in self._all:
                ledger.close()
            self._all.clear()


def parse_bbox(text: str | None) -> tuple[float, float, float, float] | None:
    """'west,south,east,north' in degrees; latitudes and longitudes are clamped to the globe."""
    if not text:
        return None
    message = "bbox must be four numbers: west,south,east,north"
    try:
        west, south, east, north = (float(v) for v in text.split(","))
    except ValueError as err:
        raise invalid("bbox", text, message) from err
    if any(v != v for v in (west, south, east, north)):
        raise invalid("bbox", text, message)

    def clamp(v: float, limit: float) -> float:
        return max(-limit, min(limit, v))

    south, north = sorted((clamp(south, 90), clamp(north, 90)))
    return clamp(west, 180), south, clamp(east, 180), north


def invalid(name: str, text: str, message: str) -> RequestValidationError:
    """A 422 shaped like FastAPI's own, so every refused parameter reads the same."""
    return RequestValidationError([{"type": "value_error", "loc": ["query", name], "msg": message, "input": text}])


def parse_day(name: str, text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError as err:
        raise invalid(name, text, f"{name} must be a real date in YYYY-MM-DD form") from err


Many = Annotated[list[str], Query()]
DAY_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
BBOX_PATTERN = r"^\s*-?\d+(\.\d+)?\s*(,\s*-?\d+(\.\d+)?\s*){3}$"


def day_query(description: str) -> Any:
    """A YYYY-MM-DD query parameter, declared as a date in the OpenAPI document, checked by parse_day."""
    return Query(pattern=DAY_PATTERN, json_schema_extra={"format": "date"}, description=description)


def event_filter(
    since: Annotated[str | None, day_query("Events on or after this day")] = None,
    until: Annotated[str | None, day_query("Events on or before this day")] = None,
    country: Many = [],  # noqa: B006 - FastAPI copies defaults per request
    admin1: Many = [],  # noqa: B006
    type: Annotated[list[str], Query(description="ACLED event type or sub-event type")] = [],  # noqa: B006
    actor: Annotated[list[str], Query(description="Actor on either side, name or alias")] = [],  # noqa: B006
    actor1: Many = [],  # noqa: B006
    actor2: Many = [],  # noqa: B006
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    bbox: Annotated[str | None, Query(pattern=BBOX_PATTERN, description="west,south,east,north in degrees")] = None,
    include_rejected: Annotated[bool, Query(description="Rejected events too (left out by default)")] = False,
    scope: Annotated[Literal["all", "violence"] | None,
                     Query(description="violence: no protests, arrests, agreements or troop movements")] = None,
) -> MapFilter:
    """The filters of `conflict-ledger events`, plus a map box, as query parameters."""
    flt = MapFilter(
        since=parse_day("since", since), until=parse_day("until", until), country=tuple(country), admin1=tuple(admin1),
        event_type=tuple(type), actor=tuple(actor), actor1=tuple(actor1), actor2=tuple(actor2),
        min_confidence=min_confidence, bbox=parse_bbox(bbox),
    )
    flt.include_rejected = include_rejected
    flt.scope = scope
    return flt


Filter = Annotated[MapFilter, Depends(event_filter)]
EventId = Annotated[str, PathParam(min_length=1, max_length=200)]


def create_app(db_path: str, token: str, *, reads_need_token: bool = False,
               allowed_hosts: list[str] | None = None, warm: bool = True) -> FastAPI:
    """The ASGI app serving `db_path`. Writes need `token`; reads too when `reads_need_token`.

    With `warm`, the first page's aggregates are computed in the background as the server starts.
    """
    pool = LedgerPool(db_path)
    bearer = HTTPBearer(auto_error=False, description="The token `conflict-ledger serve` prints at start")

    app = FastAPI(
        title="conflict-ledger",
        version=__version__,
        description="Events, evidence, reports and review decisions of one conflict-ledger file.",
        docs_url=None, redoc_url=None, openapi_url="/api/openapi.json",
    )
    cache = AggregateCache(db_path)
    app.state.pool = pool
    app.state.cache = cache
    app.router.on_shutdown.append(pool.close)
    app.router.on_shutdown.append(cache.close)
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or ["*"])

    def authorised(request: Request) -> bool:
        header = request.headers.get("authorization", "")
        scheme, _, given = header.partition(" ")
        return scheme.lower() == "bearer" and secrets.compare_digest(given.strip().encode(), token.encode())

    @functools.cache
    def single_valued() -> frozenset[str]:
        """Query parameters that take one value: a repeated one is refused, not silently cut to its last."""
        names: dict[str, bool] = {}
        for operations in app.openapi().get("paths", {}).values():
            for operation in operations.values():
                for param in operation.get("parameters", []):
                    if param.get("in") == "query":
                        schema = param.get("schema", {})
                        many = schema.get("type") == "array" or any(
                            s.get("type") == "array" for s in schema.get("anyOf", []))
                        names[param["name"]] = names.get(param["name"], False) or many
        return frozenset(name for name, many in names.items() if not many)

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable) -> Any:
        repeated = [k for k in dict.fromkeys(request.query_params.keys())
                    if len(request.query_params.getlist(k)) > 1 and k in single_valued()]
        if reads_need_token and request.url.path.startswith("/api/") and not authorised(request):
            response = JSONResponse({"detail": "this server needs the token for reads too (it listens beyond "
                                               "localhost): send Authorization: Bearer TOKEN"}, status_code=401)
        elif repeated and request.url.path.startswith("/api/"):
            response = JSONResponse({"detail": [{"type": "value_error", "loc": ["query", name],
                                                 "msg": f"{name} takes one value; it was given more than once",
                                                 "input": request.query_params.getlist(name)} for name in repeated]},
                                    status_code=422)
        else:
            response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        if request.url.path.startswith("/api/"):
            response.headers["Cache-Control"] = "no-store"
        return response

    def require_token(request: Request, credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> None:  # noqa: B008
        if not authorised(request):
            raise HTTPException(401, "writes need the token `conflict-ledger serve` printed: "
                                     "send Authorization: Bearer TOKEN", headers={"WWW-Authenticate": "Bearer"})

    def ledger() -> Ledger:
        return pool.get()

    def found(event_id: str) -> None:
        if ledger().event(event_id) is None:
            raise HTTPException(404, f"no event {event_id!r} in the ledger")

    def decide(action: Callable[[], Any]) -> Any:
        """Run a review write; a refused decision (bad value, split leaving nothing) is a 400, not a crash."""
        try:
            return action()
        except ValueError as err:
            raise HTTPException(400, str(err)) from err
        except LookupError as err:
            raise HTTPException(404, str(err).strip("'\"")) from err

    # ---- aggregates: cached until the ledger changes (serve/cache.py)
    def facets_answer() -> dict[str, Any]:
        return cache.get(("facets",), lambda: ledger().facets())

    def count_answer(flt: MapFilter) -> int:
        return cache.get(("count", repr(flt)), lambda: ledger().count_events(flt))

    def map_answer(flt: MapFilter, cell: float) -> dict[str, Any]:
        return cache.get(("map", repr(flt), cell), lambda: ledger().map_cells(flt, cell))

    def timeline_answer(flt: MapFilter, period: str | None) -> dict[str, Any]:
        return cache.get(("timeline", repr(flt), period), lambda: ledger().timeline(flt, period))

    def tally_answer(flt: MapFilter) -> dict[str, Any]:
        return cache.get(("tally", repr(flt)), lambda: ledger().tally(flt))

    def warm_up() -> None:
        """Count what the page asks for first, so the first visitor after a start does not wait."""
        everything = MapFilter()
        steps = (lambda: count_answer(everything), lambda: timeline_answer(everything, None),
                 lambda: tally_answer(everything), lambda: map_answer(everything, facets_answer()["initial_cell"]))
        try:
            for step in steps:
                if stopping.is_set():
                    return
                step()
        except Exception:  # noqa: BLE001 - a request will compute it again and report any problem
            pass

    warmers: list[threading.Thread] = []
    stopping = threading.Event()

    def start_warm_up() -> None:
        warmers.append(threading.Thread(target=warm_up, name="warm-up", daemon=True))
        warmers[-1].start()

    def stop_warm_up() -> None:
        """Closing a connection while another thread still queries on it crashes SQLite: stop, then wait."""
        stopping.set()
        if any(t.is_alive() for t in warmers):
            pool.interrupt()
            for t in warmers:
                t.join(timeout=30)

    if warm:
        app.router.on_startup.append(start_warm_up)
        app.router.on_shutdown.insert(0, stop_warm_up)

    errors: dict[int | str, dict[str, Any]] = {404: {"model": schemas.Problem}}
    write: dict[int | str, dict[str, Any]] = {
        400: {"model": schemas.Problem}, 401: {"model": schemas.Problem}, 404: {"model": schemas.Problem},
    }

    # ------------------------------------------------------------------ page
    assets = Assets(STATIC)

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    async def page(request: Request) -> Response:
        return assets.response("index.html", request)

    @app.api_route("/static/{name:path}", methods=["GET", "HEAD"], include_in_schema=False)
    async def static(name: str, request: Request) -> Response:
        response = assets.response(name, request)
        if response is None:
            raise HTTPException(404, f"no file {name!r}")
        return response

    # ------------------------------------------------------------------ reads
    @app.get("/api/meta", response_model=schemas.Meta, tags=["read"])
    def meta() -> dict[str, Any]:
        """The ledger's name, date range and filter choices."""
        return {"ledger": Path(ledger().path).name, "facets": facets_answer()}

    @app.get("/api/events", response_model=schemas.EventPage, tags=["read"])
    def events(
        flt: Filter,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
    ) -> dict[str, Any]:
        """Events in date order, numbered (n) within the filter: the Nth event since `since`."""
        led = ledger()
        rows = list(led.events(flt, limit=limit, offset=offset))
        for n, row in enumerate(rows, start=offset + 1):
            row["n"] = n
        total = count_answer(flt)
        return {"total": total, "limit": limit, "offset": offset, "events": rows}

    @app.get("/api/events/{event_id}", response_model=schemas.EventDetail, responses=errors, tags=["read"])
    def event(event_id: EventId) -> dict[str, Any]:
        """One event in full: each field's evidence, every report, merge reasons, figures, history."""
        found_event = ledger().event(event_id)
        if found_event is None:
            raise HTTPException(404, f"no event {event_id!r} in the ledger")
        return found_event

    @app.get("/api/documents/{doc_id:path}", response_model=schemas.Document, responses=errors, tags=["read"])
    # (no control characters: a document id never holds one, and the path route cannot carry a trailing newline)
    def document(doc_id: Annotated[str, PathParam(min_length=1, max_length=1000, pattern=r"^[^\x00-\x1f\x7f]+$")]
                 ) -> dict[str, Any]:
        """A stored report with its full text; evidence offsets index this text."""
        doc = ledger().document(doc_id)
        if doc is None:
            raise HTTPException(404, f"no document {doc_id!r} in the ledger")
        return doc

    @app.get("/api/map", response_model=schemas.MapCells, tags=["read"])
    def map_cells(
        flt: Filter,
        cell: Annotated[float, Query(ge=0.001, le=45, description="Grid step in degrees")] = 1.0,
    ) -> dict[str, Any]:
        """Located events binned on a grid: count, casualties and types per cell."""
        return map_answer(flt, cell)

    @app.get("/api/timeline", response_model=schemas.Timeline, tags=["read"])
    def timeline(
        flt: Filter,
        period: Annotated[str | None, Query(pattern="^(day|week|month)$")] = None,
    ) -> dict[str, Any]:
        """Events per day, week or month stacked by event type (period chosen from the span when omitted)."""
        return timeline_answer(flt, period)

    @app.get("/api/tally", response_model=schemas.Tally, tags=["read"])
    def tally(flt: Filter) -> dict[str, Any]:
        """Events, fatalities and injuries (best figure and low-high range) over the filter."""
        return tally_answer(flt)

    # ------------------------------------------------------------------ review
    @app.get("/api/review-queue", response_model=list[schemas.EventRow], tags=["review"])
    def review_queue(limit: Annotated[int, Query(ge=1, le=500)] = 50) -> list[dict[str, Any]]:
        """Unreviewed active events, lowest confidence first."""
        return ledger().review_queue(limit=limit)

    @app.get("/api/events/{event_id}/history", response_model=list[schemas.Version], responses=errors,
             tags=["review"])
    def history(event_id: EventId) -> list[dict[str, Any]]:
        """Every version of the event, oldest first, with who changed what and when."""
        found(event_id)
        return ledger().history(event_id)

    def decision_result(event_id: str) -> dict[str, Any]:
        return {"event_id": event_id, "event": ledger().event(event_id)}

    @app.post("/api/events/{event_id}/accept", response_model=schemas.DecisionResult, responses=write,
              tags=["review"], dependencies=[Depends(require_token)])
    def accept(event_id: EventId, body: schemas.Decision) -> dict[str, Any]:
        """Mark the event as checked and right."""
        found(event_id)
        decide(lambda: ledger().accept(event_id, body.who, note=body.note))
        return decision_result(event_id)

    @app.post("/api/events/{event_id}/reject", response_model=schemas.DecisionResult, responses=write,
              tags=["review"], dependencies=[Depends(require_token)])
    def reject(event_id: EventId, body: schemas.Decision) -> dict[str, Any]:
        """Mark the event as not a real event; it leaves lists and tallies and stays rejected on re-ingest."""
        found(event_id)
        decide(lambda: ledger().reject(event_id, body.who, note=body.note))
        return decision_result(event_id)

    @app.post("/api/events/{event_id}/edit", response_model=schemas.DecisionResult, responses=write,
              tags=["review"], dependencies=[Depends(require_token)])
    def edit(event_id: EventId, body: schemas.EditRequest) -> dict[str, Any]:
        """Correct one field; the edit is kept on re-ingest unless a later review changes it."""
        found(event_id)
        if body.field not in EVENT_FIELDS:
            raise HTTPException(400, f"{body.field!r} is not an event field (one of: {', '.join(EVENT_FIELDS)})")
        decide(lambda: ledger().edit(event_id, body.field, body.value, body.who, note=body.note))
        return decision_result(event_id)

    @app.post("/api/events/{event_id}/split", response_model=schemas.DecisionResult, responses=write,
              tags=["review"], dependencies=[Depends(require_token)])
    def split(event_id: EventId, body: schemas.SplitRequest) -> dict[str, Any]:
        """Move some reports (mentions) out of the event into a new one; answers with the new event."""
        found(event_id)
        new_id = decide(lambda: ledger().split(event_id, body.mention_ids, body.who, note=body.note))
        return decision_result(new_id)

    @app.post("/api/merge", response_model=schemas.DecisionResult, responses=write,
              tags=["review"], dependencies=[Depends(require_token)])
    def merge(body: schemas.MergeRequest) -> dict[str, Any]:
        """Join events that are one real-world event; answers with the event that remains."""
        for event_id in body.event_ids:
            found(event_id)
        survivor = decide(lambda: ledger().merge(list(body.event_ids), body.who, note=body.note))
        return decision_result(survivor)

    # ------------------------------------------------------------------ trackers and claims
    @app.get("/api/trackers", response_model=list[schemas.Tracker], tags=["trackers"])
    def trackers() -> list[dict[str, Any]]:
        """Running counts the ledger keeps (name, title, definition)."""
        return ledger().trackers()

    @app.get("/api/trackers/{name}", response_model=schemas.TrackerReport, responses=errors, tags=["trackers"])
    def tracker_report(name: Annotated[str, PathParam(min_length=1, max_length=200)]) -> dict[str, Any]:
        """A tracker's count, casualty totals, numbered events and series."""
        try:
            return ledger().tracker_report(name)
        except LookupError as err:
            raise HTTPException(404, str(err).strip("'\"")) from err

    @app.get("/api/claims", response_model=list[schemas.ClaimBesideLedger], tags=["trackers"])
    def claims() -> list[dict[str, Any]]:
        """Each running-tally claim in the reports beside the ledger's own count."""
        return ledger().claims_vs_ledger()

    return app
