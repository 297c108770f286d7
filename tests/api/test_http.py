"""The HTTP API over real HTTP, on the sample corpus. The lexicons change under these tests, so they
check structure and facts that hold for any reasonable extraction, never exact counts."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from tests.api.client import Reply, get, post_files
from tests.api.conftest import MAX_BODY, TOKEN, Live

PAIR = {"RUS", "JPN"}


def _json(live: Live, path: str, **params: object) -> Any:
    reply = get(f"{live.url}{path}?{urlencode(params, doseq=True)}")
    assert reply.status == 200, reply.body[:500]
    assert reply.content_type.startswith("application/json")
    return reply.json()


def _timeline(live: Live) -> list[dict]:
    events = _json(live, "/api/timeline", a="RUS", b="JPN")
    assert isinstance(events, list)
    return events


def _problem(reply: Reply, status: int) -> dict:
    assert reply.status == status, reply.body[:500]
    body = reply.json()
    assert reply.content_type == "application/problem+json"
    assert body["status"] == status and body["title"] and body["detail"] and body["type"] == "about:blank"
    return body


def test_openapi_schema_lists_the_endpoints(server: Live) -> None:
    schema = _json(server, "/openapi.json")
    paths = schema["paths"]
    for path in ("/api/documents", "/api/documents/{doc_id}", "/api/events", "/api/events/{event_id}",
                 "/api/canonical", "/api/canonical/{canonical_id}", "/api/timeline", "/api/intensity", "/api/state"):
        assert path in paths, path
    assert "PairState" in schema["components"]["schemas"]
    assert "post" in paths["/api/documents"] and "multipart/form-data" in str(paths["/api/documents"]["post"])


def test_actors_include_russia_and_japan(server: Live) -> None:
    actors = {a["code"]: a for a in _json(server, "/api/actors")}
    assert set(actors) >= PAIR
    assert actors["JPN"]["name"] == "Japan" and actors["RUS"]["events"] > 0


def test_timeline_is_the_pairs_events_in_date_order(server: Live) -> None:
    events = _timeline(server)
    assert any(e["source_code"] in PAIR and e["target_code"] in PAIR for e in events)
    for e in events:
        assert {e["source_code"], e["target_code"]} == PAIR or (e["target_code"] is None and e["territory"])
    dated = [e["date_start"] for e in events if e["date_start"]]
    assert dated == sorted(dated)


def test_canonical_events_page_through_without_overlap(server: Live) -> None:
    first = _json(server, "/api/canonical", actor=["RUS", "JPN"], limit=2, offset=0)
    second = _json(server, "/api/canonical", actor="RUS,JPN", limit=2, offset=2)
    assert first["total"] == second["total"] >= 1
    assert first["limit"] == 2 and second["offset"] == 2 and len(first["items"]) <= 2
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}


def test_filters_narrow_the_listings(server: Live) -> None:
    kind = _timeline(server)[0]["kind"]
    by_kind = _json(server, "/api/canonical", kind=kind, limit=1000)["items"]
    assert by_kind and all(e["kind"] == kind for e in by_kind)
    asserted = _json(server, "/api/canonical", modality="asserted", limit=1000)["items"]
    assert asserted and all(e["modality"] == "asserted" for e in asserted)
    russian = _json(server, "/api/events", language="ru", limit=1000)["items"]
    assert russian and all(e["language"] == "ru" for e in russian)
    dated = _json(server, "/api/events", date_from="1900-01-01", date_to="1950-12-31", limit=1000)["items"]
    assert all("1900-01-01" <= e["date_start"] <= "1950-12-31" for e in dated)
    directed = _json(server, "/api/events", source="rus", target="jpn", limit=1000)["items"]
    assert all(e["source_code"] == "RUS" and e["target_code"] == "JPN" for e in directed)


def test_mentions_carry_evidence_with_offsets_into_the_document(server: Live) -> None:
    mentions = _json(server, "/api/events", actor=["RUS", "JPN"], limit=5)["items"]
    assert mentions
    for m in mentions:
        text = _json(server, f"/api/documents/{m['doc_id']}")["text"]
        assert text[m["evidence_start"]:m["evidence_end"]] == m["evidence_text"]
        assert text[m["trigger_start"]:m["trigger_end"]] == m["trigger_text"]
        one = _json(server, f"/api/events/{m['id']}")
        assert one["id"] == m["id"] and isinstance(one["arguments"], list)


def test_a_canonical_event_lists_every_source(server: Live) -> None:
    event = max(_timeline(server), key=lambda e: e["n_mentions"])
    detail = _json(server, f"/api/canonical/{event['id']}")
    assert len(detail["sources"]) == event["n_mentions"]
    assert len({s["doc_id"] for s in detail["sources"]}) >= 1
    for s in detail["sources"]:
        assert s["canonical_id"] == event["id"] and s["source_path"] and s["evidence_text"]
        for a in s["arguments"]:
            assert s["evidence_start"] <= a["start"] < a["end"] <= s["evidence_end"]
            assert a["code"] == s[f"{a['role']}_code"]


def test_intensity_is_by_year_from_asserted_events(server: Live) -> None:
    rows = _json(server, "/api/intensity", a="RUS", b="JPN")
    years = [r["year"] for r in rows]
    assert rows and years == sorted(set(years))
    for r in rows:
        assert r["count"] == r["cooperation"] + r["conflict"] > 0
        assert abs(r["mean"] * r["count"] - r["sum"]) < 0.01 * r["count"] + 0.01
    asserted = [e for e in _timeline(server) if e["modality"] == "asserted" and e["date_start"]]
    assert sum(r["count"] for r in rows) == len(asserted)


def _ids(state: dict) -> set[str]:
    groups = [state["relations"], state["war"], *state["agreements"], *state["territories"], *state["sanctions"]]
    return {i for g in groups for i in g["events"]}


def test_state_at_a_date_names_the_events_that_set_it(server: Live) -> None:
    state = _json(server, "/api/state", a="rus", b="JPN", at="1946-01-01")
    assert state["pair"] == ["RUS", "JPN"] and state["at"] == "1946-01-01"
    assert set(state) >= {"relations", "war", "agreements", "territories", "sanctions", "index"}
    assert state["relations"]["status"] in {"none", "established", "severed"}
    assert isinstance(state["war"]["hostilities"], bool) and isinstance(state["war"]["legal_state_of_war"], bool)
    assert state["index"]["year"] == 1946
    pair = {e["id"]: e for e in _json(server, "/api/canonical", actor=["RUS", "JPN"], limit=1000)["items"]}
    pair.update({e["id"]: e for e in _timeline(server)})  # territorial acts with no named counterpart
    ids = _ids(state)
    assert ids, "the sample corpus sets some state of RUS–JPN by 1946"
    for i in ids:
        assert i in pair, i
        assert pair[i]["modality"] == "asserted" and pair[i]["date_start"] <= "1946-01-01"
        assert _json(server, f"/api/canonical/{i}")["id"] == i
    for sub in ("relations", "war"):
        assert state[sub]["since"] is None or state[sub]["since"] <= "1946-01-01"
    early = _json(server, "/api/state", a="RUS", b="JPN", at="0001-01-01")
    assert early["relations"] == {"status": "none", "since": None, "events": []} and not _ids(early)


def test_state_needs_an_iso_date_and_actor_codes(server: Live) -> None:
    for at in ("1946-02-30", "1946", "yesterday", "19460101"):
        body = _problem(get(f"{server.url}/api/state?{urlencode({'a': 'RUS', 'b': 'JPN', 'at': at})}"), 422)
        assert "at" in body["detail"]
    _problem(get(f"{server.url}/api/state?a=RUS&b=JPN"), 422)
    _problem(get(f"{server.url}/api/state?{urlencode({'a': 'RUS;--', 'b': 'JPN', 'at': '1946-01-01'})}"), 422)


def test_documents_are_listed_without_text_and_served_with_it(server: Live) -> None:
    listing = _json(server, "/api/documents", limit=3)
    assert listing["total"] >= 1 and "text" not in listing["items"][0]
    doc = _json(server, f"/api/documents/{listing['items'][0]['id']}")
    assert len(doc["text"]) == doc["n_chars"] and isinstance(doc["removed"], list)
    russian = _json(server, "/api/documents", language="ru")["items"]
    assert russian and all("ru" in d["languages"] for d in russian)


def test_errors_are_problem_details(server: Live) -> None:
    reply = get(f"{server.url}/api/canonical/{'0' * 16}")
    assert "0000" in _problem(reply, 404)["detail"]
    reply = get(f"{server.url}/api/events?limit=0")
    assert _problem(reply, 422)["errors"]
    reply = get(f"{server.url}/api/events?kind=DROP%20TABLE")
    _problem(reply, 422)
    reply = get(f"{server.url}/api/nowhere")
    _problem(reply, 404)


def test_uploads_need_the_token(server: Live) -> None:
    for token in (None, "wrong-token-0123456789"):
        reply = post_files(f"{server.url}/api/documents", [("a.txt", b"Russia and Japan met.")], token)
        _problem(reply, 401)
        assert reply.headers.get("www-authenticate") == "Bearer"


def test_an_upload_is_ingested_and_its_name_never_becomes_a_path(server: Live, tmp_path: Path) -> None:
    marker = f"dyad-escape-{uuid.uuid4().hex}.txt"
    text = f"On 8 August 1945 the Soviet Union declared war on Japan. ({marker})".encode()
    reply = post_files(f"{server.url}/api/documents", [(f"../../../../tmp/{marker}", text), ("evil.exe", b"MZ")],
                       TOKEN, {"published": "2020-01-01"})
    assert reply.status == 200, reply.body
    result = reply.json()
    accepted, rejected = result["items"]
    assert accepted["status"] == "accepted" and accepted["file"] == marker and accepted["events"] >= 1
    assert rejected["status"] == "rejected" and "unsupported file type" in rejected["reason"]
    assert not (Path("/tmp") / marker).exists()
    paths = [d["source_path"] for d in _json(server, "/api/documents", limit=1000)["items"]]
    assert f"upload:{marker}" in paths
    mentions = _json(server, "/api/events", kind="DECLARE_WAR", source="RUS", target="JPN", limit=1000)["items"]
    assert any(m["doc_id"] == accepted["document_id"] and m["canonical_id"] for m in mentions)
    again = post_files(f"{server.url}/api/documents", [("copy.txt", text)], TOKEN).json()
    assert again["items"][0]["status"] == "duplicate"


def test_request_bodies_are_bounded(server: Live) -> None:
    # Announce a body over the limit and send none: the server must refuse on the header alone.
    # (Streaming the whole body races the server's early answer against the upload: a reset.)
    import socket
    from urllib.parse import urlparse

    u = urlparse(server.url)
    with socket.create_connection((u.hostname, u.port), timeout=10) as sock:
        sock.sendall((f"POST /api/documents HTTP/1.1\r\nHost: {u.hostname}\r\nAuthorization: Bearer {TOKEN}\r\n"
                      f"Content-Type: multipart/form-data; boundary=x\r\nContent-Length: {MAX_BODY + 1}\r\n"
                      "Connection: close\r\n\r\n").encode())
        head = sock.recv(4096).decode("latin-1")
    assert head.startswith("HTTP/1.1 413"), head[:200]
    assert "application/problem+json" in head


def test_a_server_without_a_token_is_read_only(readonly_server: Live) -> None:
    assert _json(readonly_server, "/api/info")["read_only"] is True
    reply = post_files(f"{readonly_server.url}/api/documents", [("a.txt", b"Russia and Japan met.")], TOKEN)
    assert "read-only" in _problem(reply, 403)["detail"]


def test_the_dashboard_is_served_from_local_assets_only(server: Live) -> None:
    page = get(f"{server.url}/")
    assert page.status == 200 and page.content_type.startswith("text/html")
    assert "default-src 'self'" in page.headers["content-security-policy"]
    html = page.body.decode()
    assert "http://" not in html.replace('href="/openapi.json"', "") and "https://" not in html
    for asset in ("dashboard.js", "charts.js", "evidence.js", "dom.js", "state.js", "dashboard.css"):
        reply = get(f"{server.url}/static/{asset}")
        assert reply.status == 200 and b"https://" not in reply.body.replace(b"http://www.w3.org/2000/svg", b"")
    assert get(f"{server.url}/static/..%2F..%2Fapp.py").status == 404
    assert get(f"{server.url}/static/%2Fetc%2Fpasswd").status == 404
