"""The machine-readable contract: the shipped JSON Schemas are current, and real output
(the demo's reports, stories list and facts, the reference corpus report, the API's
OpenAPI description) matches them."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from dataclasses import fields, replace
from pathlib import Path
from typing import Any, get_args

import pytest
from fastapi.testclient import TestClient
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

import storyline
from storyline import models, schema
from storyline.cli import ReportFormat, app
from storyline.demo import examples_dir
from storyline.engine import Engine
from storyline.render.formats import format_names
from storyline.serde import facts_from_json, facts_to_json
from storyline.web.app import create_app

FAST: dict[str, Any] = {"embedder": "tfidf", "extractor": "rules"}


def validator(name: schema.SchemaName) -> Draft202012Validator:
    return Draft202012Validator(schema.load(name))


def problems(name: schema.SchemaName, data: Any) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator(name).iter_errors(data)]


def as_json(obj: Any) -> Any:
    """What a reader of the JSON output gets (tuples become lists, and so on)."""
    return json.loads(json.dumps(obj, ensure_ascii=False))


# -- the shipped files ----------------------------------------------------------------------


@pytest.mark.parametrize("name", schema.SCHEMA_NAMES)
def test_shipped_schema_is_generated_from_the_current_model(name: schema.SchemaName) -> None:
    shipped = schema.path(name).read_text(encoding="utf-8")
    assert shipped == schema.dumps(schema.generate(name)), (
        f"src/storyline/schema/{name}.json is stale: run `python -m storyline.schema`"
    )


@pytest.mark.parametrize("name", schema.SCHEMA_NAMES)
def test_shipped_schema_is_a_valid_draft_2020_12_schema(name: schema.SchemaName) -> None:
    Draft202012Validator.check_schema(schema.load(name))


def test_the_schema_files_are_package_data() -> None:
    import tomllib

    pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    assert "schema/*.json" in data["tool"]["setuptools"]["package-data"]["storyline"]


def test_every_omitted_field_is_a_field_of_its_model() -> None:
    # a renamed or removed model field must not linger in the projection
    for def_name, omitted in schema.JSON_OMITS.items():
        names = {f.name for f in fields(getattr(models, def_name))}
        assert omitted <= names, (def_name, omitted - names)
    assert set(schema.STORIES_RENAMES) <= {f.name for f in fields(models.Story)}


def test_report_schema_requires_the_version_fields() -> None:
    s = schema.load("report")
    assert s["required"][:2] == ["schema_version", "generator"]
    assert s["properties"]["schema_version"]["const"] == models.SCHEMA_VERSION
    major, minor = models.SCHEMA_VERSION.split(".")
    assert major.isdigit() and minor.isdigit()


def test_inline_leaves_no_reference_behind() -> None:
    for name in schema.SCHEMA_NAMES:
        text = json.dumps(schema.inline(schema.load(name)))
        assert "$ref" not in text and "$defs" not in text


def test_load_refuses_an_unknown_name() -> None:
    with pytest.raises(ValueError, match="no schema"):
        schema.load("nope")  # type: ignore[arg-type]


# -- real output against the schema ---------------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    db = tmp_path_factory.mktemp("schema") / "demo.db"
    with Engine.open(db, **FAST) as engine:
        result = engine.ingest([str(examples_dir())])
        assert result.added
        yield engine


@pytest.fixture(scope="module")
def demo_reports(demo: Engine) -> list[dict[str, Any]]:
    return [as_json(demo.report(s.id).to_dict()) for s in demo.stories()]


def test_every_demo_report_matches_the_schema(demo_reports: list[dict[str, Any]]) -> None:
    assert len(demo_reports) >= 3
    for rep in demo_reports:
        assert problems("report", rep) == [], rep["story"]["id"]
    # every part of the schema was exercised by at least one item
    for key in ("entities", "quotes", "quantities", "timeline", "stances", "claims", "brief"):
        assert any(rep[key] for rep in demo_reports), key
    assert any(rep["profile"]["fields"] for rep in demo_reports)


def test_reports_carry_the_schema_version_and_the_generator(demo_reports) -> None:
    for rep in demo_reports:
        assert rep["schema_version"] == models.SCHEMA_VERSION
        assert rep["generator"] == f"storyline {storyline.__version__}"


def test_the_schema_catches_drift_either_way(demo_reports: list[dict[str, Any]]) -> None:
    rep = next(r for r in demo_reports if r["quotes"] and r["articles"])
    assert problems("report", rep) == []

    extra = copy.deepcopy(rep)
    extra["quotes"][0]["mood"] = "calm"  # a key the output writes but the schema lacks
    assert any("mood" in p for p in problems("report", extra))

    missing = copy.deepcopy(rep)
    del missing["articles"][0]["duplicate_of"]  # a key the schema promises but is not written
    assert any("duplicate_of" in p for p in problems("report", missing))

    wrong = copy.deepcopy(rep)
    wrong["quotes"][0]["kind"] = "rumour"
    wrong["quotes"][0]["cite"]["start"] = "7"
    assert len(problems("report", wrong)) == 2

    old = copy.deepcopy(rep)
    old["schema_version"] = "0.9"
    assert problems("report", old)
    del old["schema_version"]
    assert any("schema_version" in p for p in problems("report", old))


def test_cli_stories_list_matches_the_schema(demo: Engine, tmp_path: Path) -> None:
    res = CliRunner().invoke(app, ["stories", "--db", str(demo.db_path), "--format", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.stdout)
    assert isinstance(rows, list) and rows  # a plain list, no version wrapper (SPEC)
    assert problems("stories", rows) == []
    rows[0]["article_ids"] = rows[0].pop("articles")
    assert problems("stories", rows)


def test_facts_as_stored_match_the_schema(demo: Engine) -> None:
    arts = demo.articles()
    facts = demo.facts(arts)
    assert any(f.quotes for f in facts) and any(f.entities for f in facts)
    for f in facts:
        stored = facts_to_json(f)
        assert problems("facts", json.loads(stored)) == [], f.article_id
        assert facts_from_json(stored) == f


def test_the_demo_command_writes_a_valid_report(tmp_path: Path) -> None:
    res = CliRunner().invoke(
        app, ["demo", "--out", str(tmp_path), "--embedder", "tfidf", "--extractor", "rules"]
    )
    assert res.exit_code == 0, res.output
    rep = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert problems("report", rep) == []


@pytest.mark.corpus
@pytest.mark.model
def test_reference_corpus_report_matches_the_schema(corpus_dir: Path) -> None:
    from storyline.models import RawDoc, Story
    from storyline.render import render_json
    from storyline.stages.analysis.report import build_report
    from storyline.stages.prepare.clean import clean_document
    from storyline.stages.prepare.extract import extract_many

    paths = sorted(corpus_dir.glob("*.txt"))
    arts = [
        clean_document(RawDoc(source=str(p), text=p.read_text(errors="replace")), ingested_at="")
        for p in paths
    ]
    arts[0] = replace(arts[0], duplicate_of=arts[1].id)
    story = Story("s-corpus000001", "gaza-isf", [a.id for a in arts], None, None, 4)
    rep = json.loads(render_json(build_report(story, arts, extract_many(arts))))
    assert rep["quotes"] and rep["claims"] and rep["conflicts"]
    assert problems("report", rep) == []


# -- the CLI command and the option types ---------------------------------------------------


def test_schema_command_prints_and_writes_the_shipped_schema(tmp_path: Path) -> None:
    runner = CliRunner()
    res = runner.invoke(app, ["schema"])
    assert res.exit_code == 0
    assert json.loads(res.stdout) == schema.load("report")
    for name in schema.SCHEMA_NAMES:
        out = tmp_path / f"{name}.json"
        res = runner.invoke(app, ["schema", name, "-o", str(out)])
        assert res.exit_code == 0, res.output
        assert json.loads(out.read_text(encoding="utf-8")) == schema.load(name)
    res = runner.invoke(app, ["schema", "articles"])
    assert res.exit_code == 2 and "'stories'" in res.stderr


def test_report_format_choices_are_the_registry(tmp_path: Path) -> None:
    assert set(get_args(ReportFormat)) == set(format_names())


@pytest.mark.parametrize(
    ("command", "option", "choices"),
    [
        ("report", "--format", "json|md|html"),
        ("stories", "--format", "table|json"),
        ("ingest", "--embedder", "minilm|model2vec|tfidf"),
        ("report", "--extractor", "spacy|rules"),
        ("batch", "--engine", "local|ray"),
    ],
)
def test_help_lists_the_choices(command: str, option: str, choices: str) -> None:
    res = CliRunner().invoke(app, [command, "--help"], terminal_width=200)
    assert res.exit_code == 0
    line = next(ln for ln in res.stdout.splitlines() if option in ln)
    assert choices in line, line


# -- the HTTP API's description --------------------------------------------------------------


def test_openapi_describes_the_report_and_facts_bodies(demo: Engine) -> None:
    client = TestClient(create_app(engine=demo, warm_actors=False))
    paths = client.get("/openapi.json").json()["paths"]
    report = paths["/api/stories/{story_id}/report"]["get"]["responses"]["200"]["content"]
    assert report["application/json"]["schema"] == schema.inline(schema.load("report"))
    assert {"text/markdown", "text/html"} <= set(report)
    facts = paths["/api/articles/{article_id}/facts"]["get"]["responses"]["200"]["content"]
    assert facts["application/json"]["schema"] == schema.inline(schema.load("facts"))
    # every route documents a real 200 body
    for path, ops in paths.items():
        for op in ops.values():
            ok = op["responses"].get("200") or op["responses"]["202"]
            body = ok.get("content", {}).get("application/json", {}).get("schema")
            assert body, path

    story = demo.stories()[0]
    rep = client.get(f"/api/stories/{story.id}/report").json()
    assert problems("report", rep) == []
    art = story.article_ids[0]
    assert problems("facts", client.get(f"/api/articles/{art}/facts").json()) == []
