"""Hypothesis over argv for every `bv-planner` subcommand: random strings, numbers out of range,
missing files, folders instead of files and unwritable outputs end in exit 0, 1 or 2 with a message,
never a traceback or exit 3 (issue 12, item 4).

Runs `main(argv)` in-process. What would take long is made small, not skipped: solves get at most
one second and one worker on a three-case scenario, the web server and the bench runner are replaced
by stand-ins that return 0 (their argument handling still runs)."""

from __future__ import annotations

import argparse
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.cli import build_parser, main
from tests.builders import plan_dict, scenario_dict

EXAMPLES = 25 if os.environ.get("BV_FUZZ") != "long" else 200
NUMBERS = ["0", "-1", "1", "2", "0.5", "1e9", "-0", "nan", "inf", "99999999999999999999", "3.7", "x", ""]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    root = tmp_path_factory.mktemp("argv")
    (root / "s.json").write_text(json.dumps(scenario_dict()), encoding="utf-8")
    (root / "p.json").write_text(json.dumps(plan_dict()), encoding="utf-8")
    (root / "bad.json").write_text("{not json", encoding="utf-8")
    (root / "empty.json").write_text("", encoding="utf-8")
    (root / "folder").mkdir()
    return {
        "scenario": str(root / "s.json"), "plan": str(root / "p.json"), "bad": str(root / "bad.json"),
        "empty": str(root / "empty.json"), "folder": str(root / "folder"), "missing": str(root / "nope.json"),
        "out": str(root / "out" / "o.json"), "outdir": str(root / "outdir"),
        "unwritable": str(root / "s.json" / "under-a-file.json"), "data": str(root / "data"),
    }


def _walk(parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()):
    """(subcommand path, its parser) for every leaf subcommand."""
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if not subs:
        yield prefix, parser
    for action in subs:
        for name, child in action.choices.items():
            yield from _walk(child, prefix + (name,))


PARSER = build_parser()
COMMANDS = {path: parser for path, parser in _walk(PARSER) if path}


def _tokens(parser: argparse.ArgumentParser, files: dict) -> st.SearchStrategy[list[str]]:
    options = sorted(s for a in parser._actions for s in a.option_strings if s not in ("-h", "--help"))
    choices = sorted({str(c) for a in parser._actions for c in (a.choices or [])})
    paths = list(files.values())
    token = st.one_of(st.sampled_from(options), st.sampled_from(paths), st.sampled_from(NUMBERS),
                      st.sampled_from(choices or ["nl"]), st.text(max_size=6))
    positional = st.lists(st.sampled_from(paths + ["case-1", "BV-1", "scenario", "plan"]), max_size=3)
    return st.tuples(positional, st.lists(token, max_size=8)).map(lambda t: t[0] + t[1])


@pytest.fixture
def fast(monkeypatch):
    """Solves short and on one worker; no web server, no bench, no sweep processes."""
    import planner.bench.runner
    import planner.capacity.command
    import planner.cli.common
    import planner.cli.replan
    import planner.cli.ui
    import planner.cli.why
    import planner.service

    def small(params):
        return params.model_copy(update={"time_limit_s": min(params.time_limit_s, 1.0), "workers": 1})

    original = planner.cli.common.solver_params
    monkeypatch.setattr(planner.cli.common, "solver_params", lambda args: small(original(args)))
    monkeypatch.setattr(planner.cli.replan, "solver_params", lambda args: small(original(args)))
    solve_file = planner.service.solve_file
    monkeypatch.setattr(planner.service, "solve_file",
                        lambda s, o, p, params=None, **kw: solve_file(s, o, p, small(params), **kw))
    why_params = planner.cli.why.SolveParams
    monkeypatch.setattr(planner.cli.why, "SolveParams",
                        lambda **kw: why_params(**{**kw, "time_limit_s": min(kw["time_limit_s"], 1.0)}))
    monkeypatch.setattr(planner.cli.ui, "start_ui", lambda **kw: 0)
    monkeypatch.setattr(planner.bench.runner, "run_bench", lambda args: 0)
    monkeypatch.setattr(planner.capacity.command, "run", lambda args: 0)


def _run(argv: list[str], capsys) -> tuple[int, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse: --help (0) or a bad argument (2)
        code = exc.code if isinstance(exc.code, int) else 2
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.mark.parametrize("command", sorted(COMMANDS), ids=" ".join)
def test_no_traceback_on_any_argv(command, files, fast, capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BV_DATA_DIR", files["data"])
    monkeypatch.setenv("BV_LOG_DIR", str(tmp_path / "errors"))

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(tail=_tokens(COMMANDS[command], files))
    def check(tail):
        argv = [*command, *tail]
        code, text = _run(argv, capsys)
        assert code in (0, 1, 2), (argv, code, text)
        assert "Traceback" not in text and "internal error" not in text, (argv, text)
        if code == 2:
            assert text.strip(), argv  # a bad value is always named

    check()


@pytest.mark.parametrize("argv, option", [
    (["generate", "--cases", "0", "-o", "x.json"], "--cases"),
    (["generate", "--days", "0", "-o", "x.json"], "--days"),
    (["generate", "--staffing", "0", "-o", "x.json"], "--staffing"),
    (["solve", "SCENARIO", "--time-limit", "0"], "--time-limit"),
    (["solve", "SCENARIO", "--workers", "0"], "--workers"),
    (["solve", "SCENARIO", "--time-limit", "nan"], "--time-limit"),
    (["ui", "--port", "70000"], "--port"),
    (["solve", "FOLDER"], "scenario"),
    (["solve", "SCENARIO", "-o", "UNWRITABLE"], "-o/--output"),
])
def test_bad_value_is_one_line_naming_the_option(argv, option, files, capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    argv = [files["scenario"] if a == "SCENARIO" else files["folder"] if a == "FOLDER"
            else files["unwritable"] if a == "UNWRITABLE" else a for a in argv]
    code, text = _run(argv, capsys)
    assert code == 2
    assert len(text.strip().splitlines()) == 1 and f"argument {option}" in text, text


def test_verbose_and_quiet_anywhere(files, capsys, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    for argv in (["-q", "check", files["scenario"], files["plan"]], ["check", "-q", files["scenario"], files["plan"]],
                 ["check", files["scenario"], files["plan"], "-v"]):
        code, _ = _run(argv, capsys)
        assert code == 0, argv
    args = PARSER.parse_args(["-v", "solve", files["scenario"], "-q"])
    assert args.verbose and args.quiet
    assert not hasattr(PARSER.parse_args(["solve", files["scenario"]]), "verbose")  # main() sets False


def test_every_option_has_help_and_shows_its_default():
    for path, parser in COMMANDS.items():
        assert parser.formatter_class is argparse.ArgumentDefaultsHelpFormatter, path
        for action in parser._actions:
            assert action.help, (path, action.option_strings or action.dest)
