"""Errors as problem details (RFC 9457), a bound on request bodies, and security headers.

Every error the API returns is `application/problem+json` with `type`, `title`, `status` and
`detail`, so a client handles one shape. Internal errors say nothing about the server's
insides. The body bound is enforced while the body streams in, so a client that lies about
(or omits) Content-Length is held to it too.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

PROBLEM_JSON = "application/problem+json"
log = logging.getLogger("dyad.api")

# Dashboard assets are all served by this app; nothing may load from elsewhere.
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; img-src 'self' data:; object-src 'none'; "
                                 b"base-uri 'none'; frame-ancestors 'none'; form-action 'self'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


def problem(status: int, detail: str, instance: str | None = None, headers: Mapping[str, str] | None = None,
            **extra: Any) -> JSONResponse:
    body: dict[str, Any] = {"type": "about:blank", "title": HTTPStatus(status).phrase, "status": status,
                            "detail": detail}
    if instance:
        body["instance"] = instance
    body.update(extra)
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).description
    return problem(exc.status_code, detail, request.url.path, headers=exc.headers)


async def _invalid(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg", "")} for e in exc.errors()]
    what = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in errors)
    return problem(422, f"invalid request: {what}", request.url.path, errors=errors)


async def _internal(request: Request, exc: Exception) -> JSONResponse:
    log.exception("internal error on %s", request.url.path, exc_info=exc)
    return problem(500, "the server failed to answer this request; the error is in its log", request.url.path)


def install(app: FastAPI, max_body: int) -> None:
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(Exception, _internal)
    app.add_middleware(Guard, max_body=max_body)


class Guard:
    """ASGI middleware: refuses bodies over `max_body` bytes (413) and adds the security headers."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app, self.max_body = app, max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length", b"")
        if declared and (not declared.isdigit() or int(declared) > self.max_body):
            response = problem(413, f"request bodies are limited to {self.max_body} bytes", scope["path"])
            await response(scope, receive, self._secure(send))
            return
        received = 0

        async def bounded() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:  # raised into the route, answered by the HTTPException handler
                    raise HTTPException(413, f"request bodies are limited to {self.max_body} bytes")
            return message

        await self.app(scope, bounded, self._secure(send))

    @staticmethod
    def _secure(send: Send) -> Send:
        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        return wrapped
