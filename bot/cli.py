"""The `trafficbot` command: each subcommand is a thin layer over a tested function."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from bot import __version__
from bot.config import Config, ConfigError, load_config
from bot.reply import ANSWER, CLARIFY

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def _common(parser: argparse.ArgumentParser, top: bool = False) -> None:
    # On subcommands the default is SUPPRESS, so `trafficbot --config F ask` keeps F.
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--config", metavar="FILE", default=default,
                        help="config file (default: built-in defaults)")
    parser.add_argument("--knowledge", metavar="DIR", default=default,
                        help="knowledge folder (overrides knowledge.path)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="trafficbot",
        description="忻州交警问答机器人 — without a subcommand: the Telegram bot when a token is set, "
        "otherwise the console chat.",
    )
    parser.add_argument("--version", action="version", version=f"trafficbot {__version__}")
    _common(parser, top=True)
    parser.set_defaults(func=cmd_main)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("run", help="run the Telegram bot (needs a token)")
    _common(p)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("chat", help="chat with the bot in this terminal (same replies as Telegram)")
    _common(p)
    p.set_defaults(func=cmd_chat)

    p = sub.add_parser("ask", help="answer each argument, or each line of stdin")
    _common(p)
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.add_argument("questions", nargs="*", metavar="QUESTION")
    p.set_defaults(func=cmd_ask)

    kb = sub.add_parser("kb", help="check or export the knowledge base")
    kb_sub = kb.add_subparsers(dest="kb_command", metavar="KB_COMMAND", required=True)
    p = kb_sub.add_parser("check", help="validate knowledge/*.yaml and run every entry's tests")
    _common(p)
    p.set_defaults(func=cmd_kb_check)
    p = kb_sub.add_parser("export", help="every entry as JSON")
    _common(p)
    p.add_argument("--json", action="store_true", help="JSON array (the only format; accepted for clarity)")
    p.set_defaults(func=cmd_kb_export)

    p = sub.add_parser("eval", help="score a labelled question set, with two baselines")
    _common(p)
    p.add_argument("file", nargs="?", help="labelled set (YAML/JSONL/CSV; default tests/eval/questions.yaml)")
    p.add_argument("--json", action="store_true", help="the figures as JSON")
    p.add_argument("--no-baselines", action="store_true", help="skip the two baselines")
    p.set_defaults(func=cmd_eval)

    try:
        from bot import logs_cli
    except ImportError:  # the query-log commands are optional while that module is absent
        logs_cli = None
    if logs_cli is not None:
        logs_cli.register(sub)
    return parser


def _config(args) -> Config:
    import dataclasses

    cfg = load_config(getattr(args, "config", None))
    if getattr(args, "knowledge", None):
        cfg = dataclasses.replace(cfg, knowledge=dataclasses.replace(cfg.knowledge, path=args.knowledge))
    return cfg


def _engine(cfg: Config, quiet: bool = False):
    """The engine, or None after printing why it cannot serve."""
    from bot.engine import build_engine
    from bot.knowledge import errors

    engine, problems = build_engine(cfg.knowledge.path, cfg.matching)
    bad = errors(problems)
    if bad and not quiet:
        print(f"知识库有 {len(bad)} 处错误（运行 trafficbot kb check 查看全部）：", file=sys.stderr)
        for p in bad[:5]:
            print(f"  {p}", file=sys.stderr)
    if engine is None:
        print(f"无法加载知识库 {cfg.knowledge.path}：没有可用的条目或紧急规则。", file=sys.stderr)
    return engine


def cmd_main(args) -> int:
    cfg = _config(args)
    if cfg.telegram.token:
        return cmd_run(args)
    print("未设置 Telegram token（config 的 telegram.token 或环境变量 TRAFFICBOT_TOKEN），"
          "现在进入本地控制台对话。", file=sys.stderr)
    return cmd_chat(args)


def cmd_run(args) -> int:
    from handlers.run import run  # the only door from the core to the Telegram layer

    return run(_config(args))


def render_console(reply) -> tuple[str, list[str]]:
    """The reply as the console shows it, and the entry ids its numbers pick."""
    lines = [reply.text]
    picks: list[str] = []
    if reply.status == ANSWER and reply.choices:
        lines.append("\n相关问题（输入序号查看）：")
        for i, c in enumerate(reply.choices, 1):
            lines.append(f"  {i}. {c.question}")
            picks.append(c.id)
    elif reply.status == CLARIFY:
        picks = [c.id for c in reply.choices]
        lines.append("（输入序号选择）")
    return "\n".join(lines), picks


def cmd_chat(args) -> int:
    cfg = _config(args)
    engine = _engine(cfg)
    if engine is None:
        return EXIT_ERROR
    print("忻州交警问答助手（控制台）。输入问题后回车；Ctrl-D 或 Ctrl-C 退出。\n")
    picks: list[str] = []
    while True:
        try:
            line = input("你> ")
        except (EOFError, KeyboardInterrupt):
            print("\n再见！")
            return EXIT_OK
        choice = line.strip()
        if choice.isdigit() and 1 <= int(choice) <= len(picks):
            reply = engine.reply_for_entry(picks[int(choice) - 1], query=line)
        else:
            reply = engine.answer(line)
        if reply is None:
            print("这个问题已从知识库中移除，请重新提问。")
            continue
        text, picks = render_console(reply)
        print(f"\n{text}\n")


def _stdin_lines():
    for raw in sys.stdin.buffer:
        yield raw.rstrip(b"\r\n").decode("utf-8", errors="replace")


def cmd_ask(args) -> int:
    cfg = _config(args)
    engine = _engine(cfg, quiet=args.json)
    if engine is None:
        return EXIT_ERROR
    questions = args.questions if args.questions else _stdin_lines()
    out = sys.stdout
    for q in questions:
        reply = engine.answer(q)
        if args.json:
            out.write(json.dumps(reply.to_json(), ensure_ascii=False) + "\n")
        else:
            text, _ = render_console(reply)
            out.write(f"Q: {q}\n[{reply.status} {reply.entry_id or '-'} {reply.score:.2f}]\n{text}\n\n")
        out.flush()
    return EXIT_OK


def cmd_kb_check(args) -> int:
    from bot.kbcheck import check_knowledge

    cfg = _config(args)
    problems, summary = check_knowledge(cfg.knowledge.path, cfg.matching)
    problems = sorted(problems, key=lambda p: (p.file, p.line))
    errs = [p for p in problems if p.severity == "error"]
    warns = [p for p in problems if p.severity != "error"]
    for p in errs:
        print(f"ERROR   {p}")
    for p in warns:
        print(f"warning {p}")
    print(summary)
    if errs:
        print(f"{len(errs)} error(s), {len(warns)} warning(s): fix the errors before serving this knowledge.")
        return EXIT_ERROR
    print(f"OK: no errors, {len(warns)} warning(s).")
    return EXIT_OK


def cmd_kb_export(args) -> int:
    from bot.knowledge import errors, load_knowledge

    cfg = _config(args)
    knowledge, problems = load_knowledge(cfg.knowledge.path)
    for p in errors(problems):
        print(f"ERROR   {p}", file=sys.stderr)
    rows = [
        {"id": e.id, "topic": e.topic, "questions": list(e.questions), "answer": e.answer,
         "source": e.source, "updated": e.updated, "related": list(e.related)}
        for e in knowledge.entries
    ]
    json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    return EXIT_ERROR if errors(problems) else EXIT_OK


def cmd_eval(args) -> int:
    from bot.evaluate import DEFAULT_SET, evaluate, format_report, load_labelled

    cfg = _config(args)
    engine = _engine(cfg)
    if engine is None:
        return EXIT_ERROR
    path = Path(args.file) if args.file else DEFAULT_SET
    try:
        items = load_labelled(path)
    except ValueError as exc:
        print(f"{path}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    report = evaluate(engine, items, baselines=not args.no_baselines)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        print(format_report(report))
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        return args.func(args)
    except ConfigError as exc:
        print(f"配置错误 / config error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return EXIT_OK
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
