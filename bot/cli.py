"""The `trafficbot` command: each subcommand is a thin layer over a tested function."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

from bot import __version__, logs_cli
from bot.config import Config, ConfigError, load_config
from bot.reply import ANSWER, CLARIFY

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


class Parser(argparse.ArgumentParser):
    """argparse with the -h line in Chinese and English, like every other help line
    (subcommands' parsers are built by this class too)."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self.add_argument("-h", "--help", action="help", help="显示本帮助 / show this help and exit")


def _common(parser: argparse.ArgumentParser, top: bool = False) -> None:
    # On subcommands the default is SUPPRESS, so `trafficbot --config F ask` keeps F.
    default = None if top else argparse.SUPPRESS
    parser.add_argument("--config", metavar="FILE", default=default,
                        help="配置文件（不给时用内置默认值）/ config file (default: built-in defaults)")
    parser.add_argument("--knowledge", metavar="DIR", default=default,
                        help="知识库目录，代替 knowledge.path / knowledge folder (overrides knowledge.path)")


def _log_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--log", action="store_true",
                        help="把每个问题像 Telegram 上的问题一样写入查询日志（对话类型 console），"
                        "以便试用和演示 trafficbot logs；不加则什么都不记录 / write each question to the "
                        "query log (storage.database) like a Telegram question, chat type console, so the "
                        "review tools can be tried; without --log nothing is logged")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="trafficbot",
        description="忻州交警问答机器人。不带子命令时：设置了 token 就运行 Telegram 机器人，否则进入控制台对话。/ "
        "Xinzhou traffic police Q&A bot — without a subcommand: the Telegram bot when a token is set, "
        "otherwise the console chat.",
    )
    parser.add_argument("--version", action="version", version=f"trafficbot {__version__}",
                        help="显示版本 / show the version")
    _common(parser, top=True)
    parser.set_defaults(func=cmd_main)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("run", help="运行 Telegram 机器人（需要 token）/ run the Telegram bot (needs a token)")
    _common(p)
    p.set_defaults(func=cmd_run)

    p = sub.add_parser("chat", help="在终端里和机器人对话（回答与 Telegram 相同）/ chat with the bot in this terminal (same replies as Telegram)",
                       description="在终端里和机器人对话：输入序号选择，+ / - 评价上一个回答，Ctrl-D 退出。/ "
                       "Chat in this terminal: a number picks a choice, + / - rate the last answer, Ctrl-D leaves.")
    _common(p)
    _log_option(p)
    p.set_defaults(func=cmd_chat)

    p = sub.add_parser("ask", help="回答每个参数；没有参数时逐行读标准输入 / answer each argument, or each line of standard input",
                       description="回答每个参数；没有参数时把标准输入的每一行当作一个问题。/ "
                       "Answer each argument; without arguments, each line of standard input is one question.")
    _common(p)
    p.add_argument("--json", action="store_true", help="每个问题一行 JSON / one JSON object per line")
    _log_option(p)
    p.add_argument("questions", nargs="*", metavar="QUESTION",
                   help="问题；不给时读标准输入 / questions; without any, standard input is read")
    p.set_defaults(func=cmd_ask)

    kb = sub.add_parser("kb", help="检查或导出知识库 / check or export the knowledge base")
    kb_sub = kb.add_subparsers(dest="kb_command", metavar="KB_COMMAND", required=True)
    p = kb_sub.add_parser("check", help="检查 knowledge/*.yaml 并运行每个条目的测试问法 / "
                          "validate knowledge/*.yaml and run every entry's tests")
    _common(p)
    p.add_argument("--strict", action="store_true",
                   help="把警告也当作错误（退出码 1）/ treat warnings as errors (exit status 1)")
    p.set_defaults(func=cmd_kb_check)
    p = kb_sub.add_parser("export", help="全部条目，JSON 格式 / every entry as JSON")
    _common(p)
    p.add_argument("--json", action="store_true", help="JSON 数组（唯一的格式）/ JSON array (the only format; accepted for clarity)")
    p.set_defaults(func=cmd_kb_export)

    p = sub.add_parser("eval", help="用带标注的问题集打分，并与两个基线比较 / score a labelled question set, with two baselines")
    _common(p)
    p.add_argument("file", nargs="?", help="标注问题集（YAML/JSONL/CSV）/ labelled set (YAML/JSONL/CSV; default tests/eval/questions.yaml)")
    p.add_argument("--json", action="store_true", help="结果输出为 JSON / the figures as JSON")
    p.add_argument("--no-baselines", action="store_true", help="不运行两个基线 / skip the two baselines")
    p.set_defaults(func=cmd_eval)

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
    from bot.buildcache import cached_build
    from bot.knowledge import errors

    engine, problems = cached_build(cfg.knowledge.path, cfg.matching)
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


RATINGS = {"+": 1, "👍": 1, "-": -1, "👎": -1}


def _open_log(args, cfg: Config):
    """The console's query log when --log was given, else None (a log of a newer schema: ConfigError)."""
    if not getattr(args, "log", False):
        return None
    from bot.consolelog import ConsoleLog
    from bot.querylog import QueryLogError

    try:
        console_log = ConsoleLog(cfg.storage)
    except QueryLogError as exc:
        raise ConfigError(f"storage.database {cfg.storage.database}: {exc}") from None
    print(f"问题将写入查询日志 / logging questions to {console_log.path}（对话类型 / chat type console）", file=sys.stderr)
    return console_log


def _line_editing() -> None:
    """Arrow keys, editing and ↑ history for input(), where the platform has readline."""
    if not sys.stdin.isatty():
        return
    try:
        import readline  # noqa: F401 - importing it is what turns line editing on
    except ImportError:  # Windows without pyreadline: plain input still works
        pass


def _timed(engine, line: str):
    start = time.perf_counter()
    reply = engine.answer(line)
    return reply, (time.perf_counter() - start) * 1000


def cmd_chat(args) -> int:
    cfg = _config(args)
    engine = _engine(cfg)
    if engine is None:
        return EXIT_ERROR
    console_log = _open_log(args, cfg)
    _line_editing()
    print("忻州交警问答助手（控制台）。输入问题后回车；输入序号选择；+ / - 评价上一个回答；Ctrl-D 或 Ctrl-C 退出。\n")
    picks: list[str] = []
    qid: str | None = None  # the logged question the shown answer and its choices belong to
    rated: str | None = None  # the entry whose answer + / - rates
    try:
        while True:
            try:
                line = input("你> ")
            except (EOFError, KeyboardInterrupt):
                print("\n再见！")
                return EXIT_OK
            choice = line.strip()
            if choice in RATINGS:
                if rated is None:
                    print("还没有可以评价的回答。/ There is no answer to rate yet.\n")
                elif console_log is None:
                    print("未记录：没有 --log。/ Not logged: chat was started without --log.\n")
                elif qid is not None:
                    console_log.feedback(qid, rated, RATINGS[choice])
                    print(("已记录 👍" if RATINGS[choice] > 0 else "已记录 👎") + f"（{rated}）\n")
                continue
            if choice.isdigit() and picks and not 1 <= int(choice) <= len(picks):
                print(f"没有第 {choice} 项，请输入 1–{len(picks)} 之间的序号，或直接输入问题。/ "
                      f"No choice {choice}: type a number from 1 to {len(picks)}, or a question.\n")
                continue
            if choice.isdigit() and picks:
                entry_id = picks[int(choice) - 1]
                reply = engine.reply_for_entry(entry_id, query=line)
                if reply is not None and console_log is not None and qid is not None:
                    console_log.choice(qid, entry_id)
            else:
                reply, latency_ms = _timed(engine, line)
                qid = console_log.question(reply, latency_ms) if console_log is not None else None
            if reply is None:
                print("这个问题已从知识库中移除，请重新提问。")
                continue
            rated = reply.entry_id if reply.status == ANSWER else None
            text, picks = render_console(reply)
            print(f"\n{text}\n")
    finally:
        if console_log is not None:
            console_log.close()


def _stdin_lines():
    for raw in sys.stdin.buffer:
        yield raw.rstrip(b"\r\n").decode("utf-8", errors="replace")


def cmd_ask(args) -> int:
    cfg = _config(args)
    engine = _engine(cfg, quiet=args.json)
    if engine is None:
        return EXIT_ERROR
    console_log = _open_log(args, cfg)
    questions = args.questions if args.questions else _stdin_lines()
    out = sys.stdout
    try:
        for q in questions:
            reply, latency_ms = _timed(engine, q)
            if console_log is not None:
                console_log.question(reply, latency_ms)
            if args.json:
                out.write(json.dumps(reply.to_json(), ensure_ascii=False) + "\n")
            else:
                text, _ = render_console(reply)
                out.write(f"Q: {q}\n[{reply.status} {reply.entry_id or '-'} {reply.score:.2f}] {reply.reason}\n{text}\n\n")
            out.flush()
    finally:
        if console_log is not None:
            console_log.close()
    return EXIT_OK


def cmd_kb_check(args) -> int:
    from bot.kbcheck import check_knowledge

    cfg = _config(args)
    problems, summary = check_knowledge(cfg.knowledge.path, cfg.matching)
    problems = sorted(problems, key=lambda p: (p.file, p.line))
    strict = getattr(args, "strict", False)
    errs = [p for p in problems if p.severity == "error" or strict]
    warns = [p for p in problems if p not in errs]
    for p in errs:
        print(f"ERROR   {p}")
    for p in warns:
        print(f"warning {p}")
    print(summary)
    if errs:
        print(f"{len(errs)} 处错误、{len(warns)} 条警告{'（--strict：警告算作错误）' if strict else ''}，请先改正错误再使用这份知识库 / "
              f"{len(errs)} error(s), {len(warns)} warning(s){' (--strict: warnings count as errors)' if strict else ''}: "
              "fix the errors before serving this knowledge.")
        return EXIT_ERROR
    print(f"OK：没有错误，{len(warns)} 条警告 / OK: no errors, {len(warns)} warning(s).")
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
        from bot.logs_cli import silence_stdout

        silence_stdout()
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
