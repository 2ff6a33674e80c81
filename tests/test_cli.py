"""CLI tests: exact output and exit codes, error paths included (click's CliRunner)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventledger.cli import cli

from .conftest import EXAMPLE


def _dump(path: str) -> list[tuple[str, list[tuple]]]:
    con = sqlite3.connect(path)
    tables = [
        r[0]
        for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE '%fts%' ORDER BY name"
        )
    ]
    out = [(t, sorted(map(repr, con.execute(f'SELECT * FROM "{t}"')))) for t in tables]
    con.close()
    return out


def test_parse_json_prints_the_record(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["parse", str(EXAMPLE), "--json"])
    assert result.exit_code == 0, result.output
    rec = json.loads(result.output)
    assert rec["title"] == "Gegenmiao massacre"
    assert rec["event"]["date"]["start"] == "1945-08-14"


def test_parse_reads_stdin(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["parse", "-", "--json"], input=EXAMPLE.read_bytes())
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["title"] == "Gegenmiao massacre"


def test_parse_human_view_shows_evidence(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["parse", str(EXAMPLE)])
    assert result.exit_code == 0
    out = result.output
    assert out.startswith("Gegenmiao massacre  [")
    assert "  date: 1945-08-14 (precision day, date_prec 1)\n" in out
    assert "← infobox \"Deaths\": 'Over 1,000'" in out
    assert "[8]" in out and "SHORT_CITATION_UNRESOLVED" in out


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: d / "missing.txt", "{p}: no such file"),
        (lambda d: d, "{p}: is a directory, not an article file"),
        (lambda d: _write(d / "empty.txt", b""), "{p}: the file is empty"),
        (lambda d: _write(d / "blank.txt", b"  \n\n "), "{p}: the file is empty"),
        (
            lambda d: _write(d / "bin.dat", bytes(range(256)) * 8),
            "{p}: is a binary file, not an article",
        ),
        (
            lambda d: _write(d / "x.bz2", b"BZh91AY&SY" + b"\x00" * 20),
            "{p}: is a compressed or binary file, not an article",
        ),
        (
            lambda d: _write(d / "latin1.txt", "Caf\xe9 massacre\n".encode("latin-1")),
            "{p}: is not UTF-8 text (byte 3)",
        ),
        (
            lambda d: _write(d / "note.txt", b"Shopping list\n\neggs\nmilk\n"),
            "{p}: not an article (no paragraph of prose)",
        ),
    ],
    ids=[
        "missing",
        "directory",
        "empty",
        "blank",
        "binary",
        "compressed",
        "not-utf8",
        "not-an-article",
    ],
)
def test_parse_errors(runner: CliRunner, tmp_path: Path, setup, message: str) -> None:
    p = setup(tmp_path)
    result = runner.invoke(cli, ["parse", str(p)])
    assert result.exit_code == 1
    assert result.output == "Error: " + message.format(p=p) + "\n"


def _write(p: Path, data: bytes) -> Path:
    p.write_bytes(data)
    return p


def test_ingest_show_list_search_findings(runner: CliRunner, db_path: str) -> None:
    result = runner.invoke(cli, ["ingest", str(EXAMPLE), "--db", db_path])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("added: ")
    assert result.output.endswith(f" Gegenmiao massacre ({EXAMPLE})\n")
    rid = result.output.split()[1]

    shown = runner.invoke(cli, ["show", "Gegenmiao massacre", "--db", db_path, "--json"])
    assert shown.exit_code == 0
    assert json.loads(shown.output)["id"] == rid
    by_id = runner.invoke(cli, ["show", rid, "--db", db_path])
    assert by_id.exit_code == 0 and by_id.output.startswith(f"Gegenmiao massacre  [{rid}]")

    listed = runner.invoke(cli, ["list", "--db", db_path])
    assert listed.exit_code == 0
    assert listed.output.startswith(f"{rid}  1945-08-14  attack")
    assert listed.output.rstrip().endswith("Gegenmiao massacre")

    found = runner.invoke(cli, ["search", "massacre", "--db", db_path])
    assert found.exit_code == 0 and found.output.startswith(f"{rid}  Gegenmiao massacre")
    none = runner.invoke(cli, ["search", "zeppelin", "--db", db_path])
    assert none.output == "no event matches 'zeppelin'\n"

    fnd = runner.invoke(
        cli, ["findings", rid, "--db", db_path, "--code", "SHORT_CITATION_UNRESOLVED"]
    )
    assert fnd.exit_code == 0
    assert fnd.output.count("SHORT_CITATION_UNRESOLVED (warning)") == 4


def test_ingest_twice_changes_nothing(runner: CliRunner, db_path: str) -> None:
    assert runner.invoke(cli, ["ingest", str(EXAMPLE), "--db", db_path]).exit_code == 0
    before = _dump(db_path)
    again = runner.invoke(cli, ["ingest", str(EXAMPLE), "--db", db_path])
    assert again.exit_code == 0 and again.output.startswith("unchanged: ")
    assert _dump(db_path) == before


def test_ingest_batch_goes_on_after_a_bad_file(
    runner: CliRunner, db_path: str, tmp_path: Path
) -> None:
    missing = tmp_path / "nope.txt"
    result = runner.invoke(cli, ["ingest", str(missing), str(EXAMPLE), "--db", db_path])
    assert result.exit_code == 1
    assert f"Error: {missing}: no such file\n" in result.output
    assert "added: " in result.output
    listed = runner.invoke(cli, ["list", "--db", db_path])
    assert "Gegenmiao massacre" in listed.output


def test_db_from_environment(runner: CliRunner, db_path: str) -> None:
    result = runner.invoke(cli, ["ingest", str(EXAMPLE)], env={"EVENTLEDGER_DB": db_path})
    assert result.exit_code == 0
    assert Path(db_path).exists()


def test_show_unknown_event(runner: CliRunner, db_path: str) -> None:
    runner.invoke(cli, ["ingest", str(EXAMPLE), "--db", db_path])
    result = runner.invoke(cli, ["show", "Battle of Nowhere", "--db", db_path])
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and "Battle of Nowhere" in result.output


def test_show_without_ledger(runner: CliRunner, tmp_path: Path) -> None:
    p = tmp_path / "none.sqlite"
    result = runner.invoke(cli, ["show", "x", "--db", str(p)])
    assert result.exit_code == 1
    assert result.output == f"Error: {p}: no such ledger (run `eventledger ingest` first)\n"
    assert not p.exists()


def test_figure(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["figure", "well over one thousand killed"])
    assert result.exit_code == 0
    assert (
        result.output
        == "killed\t>\tlow=1001\tbest=null\thigh=null\t'well over one thousand killed'\n"
        or result.output.startswith("killed\t>\tlow=1001\tbest=null\thigh=null\t")
    )
    js = runner.invoke(cli, ["figure", "c. 200", "--json", "--category", "killed"])
    assert js.exit_code == 0
    (fig,) = json.loads(js.output)
    assert (fig["comparator"], fig["low"], fig["best"], fig["high"]) == ("~", None, 200, None)


def test_figure_stdin_one_json_line_per_phrase(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["figure", "-"], input="300–500 killed\nat least 77\n\n")
    assert result.exit_code == 0
    lines = [json.loads(x) for x in result.output.splitlines()]
    assert [x["phrase"] for x in lines] == ["300–500 killed", "at least 77", ""]
    assert (lines[0]["figures"][0]["low"], lines[0]["figures"][0]["high"]) == (300, 500)
    assert lines[1]["figures"][0]["comparator"] == ">="
    assert lines[2]["figures"] == []


def test_figure_without_number(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["figure", "the weather was fine"])
    assert result.exit_code == 1
    assert result.output == "Error: 'the weather was fine' holds no casualty figure\n"


def test_python_dash_m(tmp_path: Path) -> None:
    import subprocess
    import sys

    out = subprocess.run(
        [sys.executable, "-m", "eventledger", "--version"], capture_output=True, text=True
    )
    assert out.returncode == 0 and out.stdout.startswith("eventledger, version ")


def test_ingest_reads_stdin(runner: CliRunner, db_path: str) -> None:
    result = runner.invoke(cli, ["ingest", "-", "--db", db_path], input=EXAMPLE.read_bytes())
    assert result.exit_code == 0, result.output
    assert result.output.startswith("added: ") and result.output.endswith(
        " Gegenmiao massacre (-)\n"
    )


def test_parse_detects_wikitext_by_content(runner: CliRunner, tmp_path: Path) -> None:
    page = tmp_path / "page.txt"  # the name says nothing: the content decides
    page.write_text(
        (Path(__file__).parent / "data" / "Gegenmiao_massacre.wiki").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    result = runner.invoke(cli, ["parse", str(page), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["source"]["format"] == "wikitext"


def test_parse_refuses_a_dump(runner: CliRunner, tmp_path: Path) -> None:
    dump = tmp_path / "d.xml"
    dump.write_text(
        "<mediawiki xmlns='http://www.mediawiki.org/xml/export-0.10/'><page/></mediawiki>"
    )
    result = runner.invoke(cli, ["parse", str(dump)])
    assert result.exit_code == 1
    assert (
        result.output
        == f"Error: {dump}: a MediaWiki XML dump holds many pages; ingest it instead\n"
    )


def test_a_bug_on_one_file_does_not_stop_the_batch(
    runner: CliRunner, db_path: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import eventledger.cli as cli_module

    real = cli_module._read_records

    def flaky(file: str, fmt, policy):  # noqa: ANN001, ANN202
        if file.endswith("bad.txt"):
            raise KeyError("boom")
        return real(file, fmt, policy)

    monkeypatch.setattr(cli_module, "_read_records", flaky)
    bad = tmp_path / "bad.txt"
    bad.write_text("x")
    result = runner.invoke(cli, ["ingest", str(bad), str(EXAMPLE), "--db", db_path])
    assert result.exit_code == 1
    assert f"Error: {bad}: internal error (KeyError: 'boom'); this is a bug\n" in result.output
    assert "added: " in result.output
    con = sqlite3.connect(db_path)
    assert [r[0] for r in con.execute("SELECT source FROM failures")] == [str(bad)]


def test_cli_prefilters_are_the_dump_prefilters() -> None:
    """The CLI writes the filter names out (it starts without the dump runner): they must stay
    the dump module's."""
    from eventledger.cli import PREFILTERS
    from eventledger.dump.prefilter import FILTERS

    assert PREFILTERS == FILTERS
