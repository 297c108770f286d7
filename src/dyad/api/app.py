"""The HTTP app: read API, upload endpoint, dashboard. `create_app(Settings(...))` builds it.

Without a token the server is read-only: it opens the store read-only and refuses uploads.
With one (configuration, or the DYAD_TOKEN environment variable), POST /api/documents accepts
`Authorization: Bearer <token>`. Dashboard assets are read once at start-up from this package
and served from memory, so a request path never names a file.
"""

from __future__ import annotations

import datetime as dt
import hmac
import os
import threading
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import IO, Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from starlette.datastructures import UploadFile

from dyad.api import problems, routes
from dyad.api.schemas import IngestResult, Problem
from dyad.api.upload import ingest_uploads
from dyad.store.db import Store

MIN_TOKEN = 16
MAX_FILES = 100
JS = "text/javascript; charset=utf-8"
ASSETS = {"index.html": "text/html; charset=utf-8", "dashboard.css": "text/css; charset=utf-8",
          "dashboard.js": JS, "charts.js": JS, "evidence.js": JS, "dom.js": JS,
          "state.js": JS}


@dataclass(frozen=True)
class Settings:
    db: Path = Path("dyad.duckdb")
    token: str | None = None
    max_body: int = 20 * 1024 * 1024  # one request, all files together
    max_file: int = 20 * 1024 * 1024  # one file, as the readers bound it (decompressed included)

    def __post_init__(self) -> None:
        if self.token is not None and len(self.token) < MIN_TOKEN:
            raise ValueError(f"the API token must have at least {MIN_TOKEN} characters")

    @classmethod
    def resolve(cls, db: str | Path = "dyad.duckdb", token: str | None = None, **limits: int) -> Settings:
        """Settings with the token from the argument, else from DYAD_TOKEN; an empty token means none."""
        token = token or os.environ.get("DYAD_TOKEN") or None
        return cls(db=Path(db), token=token, **limits)


def _assets() -> dict[str, bytes]:
    folder = resources.files("dyad.api") / "static"
    return {name: (folder / name).read_bytes() for name in ASSETS}


def create_app(settings: Settings) -> FastAPI:
    if settings.token is None and not settings.db.exists():
        raise FileNotFoundError(f"{settings.db}: no store there; run `dyad ingest` first, or give a token "
                                "to accept uploads into a new store")
    assets = _assets()
    # Opened here, not at start-up, so a store that cannot be opened (locked by a running ingest,
    # newer schema) is reported to whoever builds the app, before a server is listening.
    store = Store(settings.db, read_only=settings.token is None)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            store.close()

    app = FastAPI(title="dyad", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Political events between countries, from text, with evidence. Errors are "
                              "RFC 9457 problem details. (The interactive docs pages are off: they load "
                              "scripts from a CDN; the schema is at /openapi.json.)",
                  responses={code: {"model": Problem, "content": {"application/problem+json": {}},
                                    "description": desc}
                             for code, desc in ((413, "Request too large"), (422, "Invalid request"))})
    app.state.settings, app.state.store = settings, store
    app.state.write_lock = threading.Lock()  # one ingest at a time; reads go on through their own cursors
    problems.install(app, settings.max_body)
    app.include_router(routes.router)
    upload, authorised = _upload_endpoint(settings)
    app.add_api_route("/api/documents", upload, methods=["POST"], dependencies=[Depends(authorised)],
                      response_model=IngestResult, summary="Ingest uploaded documents (needs the token)",
                      openapi_extra=_UPLOAD_SCHEMA, tags=["write"],
                      responses={401: {"model": Problem}, 403: {"model": Problem}, 415: {"model": Problem}})

    def asset(name: str) -> Response:
        return Response(assets[name], media_type=ASSETS[name], headers={"cache-control": "no-cache"})

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        return asset("index.html")

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> Response:
        if name not in assets:  # the name is only ever a key into the table read at start-up
            raise HTTPException(404, "no such asset")
        return asset(name)

    return app


def _upload_endpoint(settings: Settings) -> tuple[Any, Any]:
    def authorised(request: Request) -> None:
        if settings.token is None:
            raise HTTPException(403, "this server is read-only: start it with a token (DYAD_TOKEN) to accept "
                                     "uploads")
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.encode(), settings.token.encode()):
            raise HTTPException(401, "a valid bearer token is required", headers={"WWW-Authenticate": "Bearer"})

    # The body is parsed only after the token is checked, with our own limits on its parts.
    async def upload(request: Request) -> dict[str, Any]:
        if not request.headers.get("content-type", "").startswith("multipart/form-data"):
            raise HTTPException(415, "send the documents as multipart/form-data, in parts named 'files'")
        async with request.form(max_files=MAX_FILES, max_fields=10) as form:
            uploads = [f for f in form.getlist("files") if isinstance(f, UploadFile)]
            if not uploads:
                raise HTTPException(400, "no file: send the documents in parts named 'files'")
            published = form.get("published")
            if published is not None and not _is_date(published):
                raise HTTPException(422, "published must be an ISO date (YYYY-MM-DD)")
            files = [(f.filename, f.file) for f in uploads]
            return await run_in_threadpool(_ingest_locked, request, files, settings.max_file,
                                           published if isinstance(published, str) else None)

    return upload, authorised


def _ingest_locked(request: Request, files: Iterable[tuple[str | None, IO[bytes]]], max_file: int,
                   published: str | None) -> dict[str, Any]:
    # taken in the worker thread, so a second upload waits there, not on the event loop
    with request.app.state.write_lock:
        return ingest_uploads(request.app.state.store, files, max_file, published)


def _is_date(value: Any) -> bool:
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return isinstance(value, str)


_UPLOAD_SCHEMA: dict[str, Any] = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["files"], "properties": {
        "files": {"type": "array", "items": {"type": "string", "format": "binary"},
                  "description": "Documents: .txt, .md, .html, .jsonl, .pdf, .warc, optionally .gz/.zst."},
        "published": {"type": "string", "format": "date",
                      "description": "Publication date for all files; anchors relative dates."}}}}}}}
