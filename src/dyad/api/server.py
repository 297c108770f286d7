"""`dyad serve`: the HTTP API and dashboard under uvicorn."""

from __future__ import annotations

import sys
import threading

from dyad.api.app import Settings, create_app


def _warm() -> None:
    # The first tagging in a process loads language models (seconds); doing it now, in the
    # background, keeps that delay off the first click on an event in the dashboard.
    from dyad.model import DocumentMeta
    from dyad.pipeline import process

    process("On 8 August 1945 the Soviet Union declared war on Japan.", DocumentMeta(source_path="warm-up"))


def serve(settings: Settings, host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    app = create_app(settings)
    mode = "uploads accepted with the token" if settings.token else "read-only: no token configured"
    print(f"dyad: dashboard at http://{host}:{port}/ ({mode})", file=sys.stderr)
    threading.Thread(target=_warm, name="dyad-warm-up", daemon=True).start()
    uvicorn.run(app, host=host, port=port, server_header=False, proxy_headers=False)
