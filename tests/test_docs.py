"""Every CLI command has help text and a section in docs/usage.md; README's commands exist."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventledger.cli import cli

ROOT = Path(__file__).resolve().parents[1]
USAGE = (ROOT / "docs" / "usage.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_command_has_help_and_docs(name: str) -> None:
    command = cli.commands[name]
    assert command.help and len(command.help.strip()) > 20, name
    assert f"### `eventledger {name}" in USAGE, f"docs/usage.md has no section for {name}"


def test_readme_opens_with_the_two_commands() -> None:
    head = README.split("---", 1)[0]
    assert "./scripts/example" in head and "./scripts/test" in head
    for script in ("example", "test", "setup-venv"):
        path = ROOT / "scripts" / script
        assert path.exists() and path.stat().st_mode & 0o111, script
    assert "./scripts/test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_docs_index_lists_every_page() -> None:
    index = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    for page in (ROOT / "docs").glob("*.md"):
        if page.name != "index.md":
            assert f"({page.name})" in index, page.name
