"""Every command has Vietnamese help text (sqlite-utils style)."""

import argparse

import pytest

from drafter.cli.main import build_parser, main


def _commands(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            for name, sub in action.choices.items():
                yield (*prefix, name), helps.get(name), sub
                yield from _commands(sub, (*prefix, name))


COMMANDS = list(_commands(build_parser()))


def test_command_tree_is_complete() -> None:
    names = {" ".join(path) for path, _, _ in COMMANDS}
    assert {"render", "report list", "report import", "report export", "report render",
            "import", "export", "demo"} <= names


@pytest.mark.parametrize(("path", "help_text", "parser"), COMMANDS,
                         ids=[" ".join(c[0]) for c in COMMANDS])
def test_every_command_and_option_has_help(path, help_text, parser) -> None:
    assert help_text, path
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            assert action.help, (path, action.dest)


def test_help_is_vietnamese(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "Cách dùng" in out and "tùy chọn" in out
