"""`trafficbot logs …`: the staff's review commands, each a thin layer over bot.review
(the data) and bot.logs_render (how it looks in a terminal).

    trafficbot logs summary [--since DATE] [--until DATE] [--top N]
    trafficbot logs unanswered [--since DATE] [--limit N]
    trafficbot logs suggest [--since DATE] [--min-users N] [--knowledge DIR]
    trafficbot logs downvoted [--since DATE]
    trafficbot logs export [--format csv|jsonl | --json] --output FILE
    trafficbot logs purge [--days N]
    trafficbot logs backup FILE

Every command takes --config FILE (the database is `storage.database`) and --json.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from typing import Any

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def _common(p: argparse.ArgumentParser) -> None:
    # SUPPRESS: do not overwrite a --config given before the subcommand
    p.add_argument("--config", metavar="FILE", default=argparse.SUPPRESS,
                   help="配置文件，数据库位置取 storage.database / config file (storage.database)")
    p.add_argument("--json", action="store_true", help="输出 JSON，供程序读取 / machine-readable JSON output")


def _dates(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", metavar="DATE", help="从这一天起（YYYY-MM-DD，北京时间）/ from this day (YYYY-MM-DD, Beijing time)")
    p.add_argument("--until", metavar="DATE", help="到这一天为止（含当天）/ up to and including this day")


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `logs` command and its subcommands to the `trafficbot` parser's subparsers."""
    logs = subparsers.add_parser(
        "logs", help="查看查询日志 / review the query log: summary, unanswered, suggest, downvoted, export, purge",
        description="查看查询日志 / review the query log")
    sub = logs.add_subparsers(dest="logs_command", metavar="LOGS_COMMAND", required=True)

    p = sub.add_parser("summary", help="每天的问题数、回答比例、常用条目、评价和被点 👎 的问题 / "
                       "questions per day, share answered/clarified/unanswered, top entries, feedback, 👎 questions")
    _common(p)
    _dates(p)
    p.add_argument("--top", type=int, default=10, help="列出多少个条目 / how many entries to list (default 10)")
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("unanswered", help="未能回答、需澄清和回答说没有资料的问题，按相似度分组 / "
                       "unanswered, clarify and declining answers grouped by similarity")
    _common(p)
    _dates(p)
    p.add_argument("--limit", type=int, default=20, help="显示多少组 / how many groups (default 20)")
    p.set_defaults(func=cmd_unanswered)

    p = sub.add_parser("suggest", help="可加到条目 questions: 里的新问法（至少 N 位用户确认）/ "
                       "new questions: lines for entries, confirmed by at least N users")
    _common(p)
    _dates(p)
    p.add_argument("--min-users", type=int, default=2, metavar="N",
                   help="至少几位不同用户确认过（澄清后选择或点 👍）/ how many different users must have confirmed a wording "
                   "(picked it after a clarify, or 👍) (default 2)")
    p.add_argument("--knowledge", metavar="DIR", default=argparse.SUPPRESS,
                   help="知识库目录，已有的问法不再建议 / knowledge folder: wordings already there are not proposed")
    p.set_defaults(func=cmd_suggest)

    p = sub.add_parser("downvoted", help="回答被点 👎 的全部问题 / every question whose answer got 👎")
    _common(p)
    _dates(p)
    p.set_defaults(func=cmd_downvoted)

    p = sub.add_parser("export", help="导出全部问题：CSV（Excel 可直接打开）或 JSON lines / "
                       "every question as CSV (UTF-8 with BOM, for Excel) or JSON lines")
    _common(p)
    _dates(p)
    p.add_argument("--format", choices=("csv", "jsonl"),
                   help="csv（默认）或 jsonl；--json 等于 --format jsonl / csv (default) or jsonl; --json means jsonl")
    p.add_argument("--output", metavar="FILE", required=True, help="写入的文件，- 表示标准输出 / file to write, - for standard output")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("purge", help="删除超过保留天数的记录 / delete rows older than storage.retention_days")
    _common(p)
    p.add_argument("--days", type=int, help="保留这么多天，代替 storage.retention_days / keep this many days instead of storage.retention_days")
    p.set_defaults(func=cmd_purge)

    p = sub.add_parser("backup", help="备份查询日志（机器人运行时也可以，备份后自动校验）/ a consistent copy of the query log, also while the bot runs (checked)")
    _common(p)
    p.add_argument("output", metavar="FILE", help="备份文件（不能已经存在）/ the new file (must not exist yet)")
    p.set_defaults(func=cmd_backup)
    return logs


def silence_stdout() -> None:
    """The reader of our output has gone (`… | head`): send the rest nowhere and end quietly,
    instead of a BrokenPipeError when Python flushes stdout on exit."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):  # no real file descriptor (captured output in tests)
        pass


def _db_path(args: argparse.Namespace) -> str:
    from bot.config import load_config

    return load_config(getattr(args, "config", None)).storage.database


def _guard(func: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Turn the expected failures into one clear line on stderr and exit 1 (no traceback)."""
    import functools
    import sqlite3

    @functools.wraps(func)
    def wrapper(args: argparse.Namespace) -> int:
        from bot.review import NoQueryLog

        try:
            return func(args)
        except NoQueryLog as exc:
            print(f"no query log yet at {exc.path}（还没有查询记录）", file=sys.stderr)
            return EXIT_ERROR
        except ValueError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        except sqlite3.Error as exc:
            print(f"无法读取查询日志 / cannot read the query log: {exc}", file=sys.stderr)
            return EXIT_ERROR
        except BrokenPipeError:
            silence_stdout()
            return EXIT_OK
        except OSError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_ERROR

    return wrapper


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


@_guard
def cmd_summary(args: argparse.Namespace) -> int:
    from bot import logs_render, review

    s = review.summary(_db_path(args), since=args.since, until=args.until, top=args.top)
    if args.json:
        _print_json(s.to_json())
    else:
        print(logs_render.format_summary_text(s, top=args.top))
    return EXIT_OK


@_guard
def cmd_unanswered(args: argparse.Namespace) -> int:
    import dataclasses

    from bot import logs_render, review

    groups = review.unanswered_groups(_db_path(args), since=args.since, until=args.until, limit=args.limit)
    if args.json:
        _print_json([dataclasses.asdict(g) for g in groups])
    else:
        print(logs_render.format_groups_text(groups))
    return EXIT_OK


@_guard
def cmd_downvoted(args: argparse.Namespace) -> int:
    import dataclasses

    from bot import logs_render, review

    items = review.downvoted(_db_path(args), since=args.since, until=args.until)
    if args.json:
        _print_json([dataclasses.asdict(d) for d in items])
    else:
        print(logs_render.format_downvoted_text(items))
    return EXIT_OK


def _existing_questions(args: argparse.Namespace) -> dict[str, list[str]] | None:
    """entry id → its questions, from the knowledge folder, so suggest skips what is there."""
    try:
        from bot.config import load_config
        from bot.knowledge import load_knowledge

        path = getattr(args, "knowledge", None) or load_config(getattr(args, "config", None)).knowledge.path
        knowledge, _problems = load_knowledge(path)
        return {e.id: list(e.questions) for e in knowledge.entries}
    except Exception:  # noqa: BLE001 - suggestions still work without the knowledge
        return None


@_guard
def cmd_suggest(args: argparse.Namespace) -> int:
    import dataclasses

    from bot import logs_render, review

    if args.min_users < 1:
        raise ValueError("--min-users 至少为 1 / must be at least 1")
    items = review.suggestions(_db_path(args), since=args.since, until=args.until,
                               existing=_existing_questions(args), min_users=args.min_users)
    if args.json:
        _print_json({"min_users": args.min_users, "suggestions": [dataclasses.asdict(s) for s in items],
                     "yaml": logs_render.suggestions_yaml(items)})
    else:
        sys.stdout.write(logs_render.format_suggestions_text(items, args.min_users))
    return EXIT_OK


@_guard
def cmd_export(args: argparse.Namespace) -> int:
    from bot import review

    if args.json and args.format == "csv":
        raise ValueError("--json 与 --format csv 互相矛盾，请只用一个 / --json means JSON lines: it contradicts --format csv")
    fmt = "jsonl" if args.json else (args.format or "csv")
    n = review.export(_db_path(args), fmt, args.output, since=args.since, until=args.until)
    if args.output != "-":
        print(f"已写入 {n} 个问题 / {n} questions written to {args.output}", file=sys.stderr)
    return EXIT_OK


@_guard
def cmd_purge(args: argparse.Namespace) -> int:
    from bot.config import load_config
    from bot.querylog import purge_database
    from bot.review import NoQueryLog

    cfg = load_config(getattr(args, "config", None))
    days = args.days if args.days is not None else cfg.storage.retention_days
    if days < 1:
        raise ValueError("--days must be at least 1")
    try:
        counts = purge_database(cfg.storage.database, days)
    except FileNotFoundError:
        raise NoQueryLog(cfg.storage.database) from None
    if args.json:
        _print_json({"older_than_days": days, "deleted": counts})
    else:
        print(
            f"deleted {counts['questions']} questions, {counts['choices']} choices and "
            f"{counts['feedback']} feedback rows older than {days} days"
        )
    return EXIT_OK


@_guard
def cmd_backup(args: argparse.Namespace) -> int:
    from bot.querylog import QueryLogError, backup_database
    from bot.review import NoQueryLog

    db = _db_path(args)
    try:
        result = backup_database(db, args.output)
    except FileNotFoundError as exc:
        if str(exc) == str(db):
            raise NoQueryLog(db) from None
        raise
    except QueryLogError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    if args.json:
        _print_json(result)
    else:
        print(
            f"已备份到 {result['output']}（{result['questions']} 条问题，integrity_check: {result['integrity']}） / "
            f"backup written to {result['output']}: {result['questions']} questions, {result['choices']} choices, "
            f"{result['feedback']} feedback rows, integrity_check {result['integrity']}"
        )
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """`python -m bot.logs_cli summary …` (the same as `trafficbot logs summary …`)."""
    from bot.cli import Parser

    parser = Parser(prog="trafficbot")
    sub = parser.add_subparsers(dest="command", required=True)
    register(sub)
    args = parser.parse_args(["logs", *(sys.argv[1:] if argv is None else argv)])
    from bot.config import ConfigError

    try:
        return args.func(args)
    except ConfigError as exc:
        print(f"config error: {exc}", file=sys.stderr)
        return EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
