"""`trafficbot logs …`: the staff's review commands, each a thin layer over bot.review.

    trafficbot logs summary [--since DATE] [--until DATE]
    trafficbot logs unanswered [--since DATE] [--limit N]
    trafficbot logs suggest [--since DATE]
    trafficbot logs export --format csv|jsonl --output FILE
    trafficbot logs purge [--days N]
    trafficbot logs backup FILE

Every command takes --config FILE (the database is `storage.database`) and --json.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Callable

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2


def _common(p: argparse.ArgumentParser) -> None:
    # SUPPRESS: do not overwrite a --config given before the subcommand
    p.add_argument("--config", metavar="FILE", default=argparse.SUPPRESS, help="config file (storage.database)")
    p.add_argument("--json", action="store_true", help="machine-readable JSON output")


def _dates(p: argparse.ArgumentParser) -> None:
    p.add_argument("--since", metavar="DATE", help="from this day (YYYY-MM-DD, Beijing time)")
    p.add_argument("--until", metavar="DATE", help="up to and including this day")


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the `logs` command and its subcommands to the `trafficbot` parser's subparsers."""
    logs = subparsers.add_parser("logs", help="review the query log: summary, unanswered, suggest, export, purge")
    sub = logs.add_subparsers(dest="logs_command", metavar="LOGS_COMMAND", required=True)

    p = sub.add_parser("summary", help="questions per day, share answered/clarified/unanswered, top entries, feedback")
    _common(p)
    _dates(p)
    p.add_argument("--top", type=int, default=10, help="how many entries to list (default 10)")
    p.set_defaults(func=cmd_summary)

    p = sub.add_parser("unanswered", help="unanswered and clarify questions grouped by similarity")
    _common(p)
    _dates(p)
    p.add_argument("--limit", type=int, default=20, help="how many groups (default 20)")
    p.set_defaults(func=cmd_unanswered)

    p = sub.add_parser("suggest", help="new questions: lines for entries, from citizens' choices and 👍")
    _common(p)
    _dates(p)
    p.set_defaults(func=cmd_suggest)

    p = sub.add_parser("export", help="every question as CSV (UTF-8 with BOM, for Excel) or JSON lines")
    _common(p)
    _dates(p)
    p.add_argument("--format", choices=("csv", "jsonl"), required=True)
    p.add_argument("--output", metavar="FILE", required=True, help="file to write, - for standard output")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("purge", help="delete rows older than storage.retention_days")
    _common(p)
    p.add_argument("--days", type=int, help="keep this many days instead of storage.retention_days")
    p.set_defaults(func=cmd_purge)

    p = sub.add_parser("backup", help="a consistent copy of the query log, also while the bot runs (checked)")
    _common(p)
    p.add_argument("output", metavar="FILE", help="the new file (must not exist yet)")
    p.set_defaults(func=cmd_backup)
    return logs


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
            print(f"cannot read the query log: {exc}", file=sys.stderr)
            return EXIT_ERROR
        except OSError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return EXIT_ERROR

    return wrapper


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


@_guard
def cmd_summary(args: argparse.Namespace) -> int:
    from bot import review

    s = review.summary(_db_path(args), since=args.since, until=args.until, top=args.top)
    if args.json:
        _print_json(s)
    else:
        print(review.format_summary_text(s, top=args.top))
    return EXIT_OK


@_guard
def cmd_unanswered(args: argparse.Namespace) -> int:
    from bot import review

    groups = review.unanswered_groups(_db_path(args), since=args.since, until=args.until, limit=args.limit)
    if args.json:
        _print_json(groups)
    else:
        print(review.format_groups_text(groups))
    return EXIT_OK


def _existing_questions(args: argparse.Namespace) -> dict[str, list[str]] | None:
    """entry id → its questions, from the knowledge folder, so suggest skips what is there."""
    try:
        from bot.config import load_config
        from bot.knowledge import load_knowledge

        cfg = load_config(getattr(args, "config", None))
        knowledge, _problems = load_knowledge(cfg.knowledge.path)
        return {e.id: list(e.questions) for e in knowledge.entries}
    except Exception:  # noqa: BLE001 - suggestions still work without the knowledge
        return None


@_guard
def cmd_suggest(args: argparse.Namespace) -> int:
    from bot import review

    items = review.suggestions(_db_path(args), since=args.since, until=args.until, existing=_existing_questions(args))
    if args.json:
        _print_json({"suggestions": items, "yaml": review.suggestions_yaml(items)})
    else:
        sys.stdout.write(review.format_suggestions_text(items))
    return EXIT_OK


@_guard
def cmd_export(args: argparse.Namespace) -> int:
    from bot import review

    n = review.export(_db_path(args), args.format, args.output, since=args.since, until=args.until)
    if args.output != "-":
        if args.json:
            _print_json({"rows": n, "output": args.output, "format": args.format})
        else:
            print(f"{n} questions written to {args.output}", file=sys.stderr)
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
    parser = argparse.ArgumentParser(prog="trafficbot")
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
