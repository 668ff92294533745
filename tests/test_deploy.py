"""The deployment recipes in deploy/ fit the code they deploy.

Docker is not available where these tests run, so the Dockerfile is read, not built: every file it
copies must exist, the command it starts must be the real `trafficbot run`, and the paths it puts on
the volume must be where the shipped config sends the knowledge and the database. The systemd unit
is checked by `systemd-analyze verify` when the machine has it, and its ExecStart is run for real.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path, PurePosixPath

import pytest
import yaml
from telegram_support import one_topic_knowledge

from bot import cli
from bot.cli import build_parser, cmd_run
from bot.config import TOKEN_ENV, load_config

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
UNIT = DEPLOY / "trafficbot.service"
DOCKERFILE = DEPLOY / "Dockerfile"
COMPOSE = DEPLOY / "compose.yaml"
EXAMPLE_CONFIG = ROOT / "config.example.yaml"


# --- reading the recipes -------------------------------------------------------------------------

def unit_settings(path: Path) -> dict[str, dict[str, list[str]]]:
    """section → key → values, as systemd reads a unit (comments and blank lines skipped)."""
    sections: dict[str, dict[str, list[str]]] = {}
    current = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], {})
            continue
        key, _, value = line.partition("=")
        assert current is not None, f"{path.name}: setting outside a section: {raw}"
        current.setdefault(key.strip(), []).append(value.strip())
    return sections


def dockerfile_instructions(path: Path) -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) in order, continuation lines joined, comments dropped."""
    out, pending = [], ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.startswith("#"):  # a comment inside a continued instruction
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        full = pending + line
        pending = ""
        word, _, rest = full.partition(" ")
        out.append((word.upper(), rest.strip()))
    assert not pending, "Dockerfile ends inside a continued line"
    return out


def exec_form(args: str) -> list[str]:
    """ENTRYPOINT/CMD/VOLUME in JSON (exec) form; the shell form would run the bot under /bin/sh,
    which does not pass SIGTERM on, so the graceful stop would never happen."""
    value = json.loads(args)
    assert isinstance(value, list) and all(isinstance(v, str) for v in value), args
    return value


def copy_sources(args: str) -> tuple[list[str], str]:
    parts = [p for p in shlex.split(args) if not p.startswith("--")]
    return parts[:-1], parts[-1]


def instructions(kind: str) -> list[str]:
    return [args for word, args in dockerfile_instructions(DOCKERFILE) if word == kind]


def container_command() -> list[str]:
    (entrypoint,) = instructions("ENTRYPOINT")
    (cmd,) = instructions("CMD")
    return exec_form(entrypoint) + exec_form(cmd)


def config_keys(config: dict, prefix: str = "") -> set[str]:
    keys = set()
    for key, value in config.items():
        keys.add(prefix + key)
        if isinstance(value, dict):
            keys |= config_keys(value, prefix + key + ".")
    return keys


# --- the systemd unit ----------------------------------------------------------------------------

def test_unit_starts_the_real_trafficbot_run_entry_point():
    service = unit_settings(UNIT)["Service"]
    (exec_start,) = service["ExecStart"]
    argv = shlex.split(exec_start)
    # The console script pip installs from pyproject.toml, not a copy of the code.
    assert PurePosixPath(argv[0]).name == "trafficbot"
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts["trafficbot"] == "bot.cli:main"
    args = build_parser().parse_args(argv[1:])
    assert args.func is cmd_run
    assert args.config == "/etc/trafficbot/config.yaml"
    # Everything the bot writes is under the one path the sandbox leaves writable.
    assert service["ReadWritePaths"] == ["/var/lib/trafficbot"]
    assert service["WorkingDirectory"] == ["/var/lib/trafficbot"]


def test_unit_restart_policy_matches_the_bots_exit_codes(tmp_path):
    """Run the unit's command line for real without a token: it must exit with the status the unit
    refuses to restart on, or systemd would restart a bot that can never start."""
    service = unit_settings(UNIT)["Service"]
    assert service["Restart"] == ["on-failure"]
    (prevent,) = service["RestartPreventExitStatus"]
    argv = shlex.split(service["ExecStart"][0])
    config = tmp_path / "config.yaml"
    config.write_text(EXAMPLE_CONFIG.read_text(encoding="utf-8"), encoding="utf-8")
    argv = [sys.executable, "-m", "bot"] + [str(config) if a == "/etc/trafficbot/config.yaml" else a
                                            for a in argv[1:]]
    env = {k: v for k, v in os.environ.items() if k != TOKEN_ENV}
    env["PYTHONPATH"] = str(ROOT)
    done = subprocess.run(argv, check=False, capture_output=True, text=True, env=env, timeout=60, cwd=tmp_path)
    assert done.returncode == int(prevent)
    assert TOKEN_ENV in done.stderr


def test_unit_reads_the_token_from_an_environment_file_not_the_config():
    service = unit_settings(UNIT)["Service"]
    assert service["EnvironmentFile"] == ["/etc/trafficbot/token.env"]
    assert "Environment" not in service  # a token there would show in `systemctl show`
    assert f"{TOKEN_ENV}=" in UNIT.read_text(encoding="utf-8")  # the file's one line, documented
    assert service["User"] != ["root"] and service["User"]


def test_config_keys_the_unit_names_exist_in_the_example_config():
    text = UNIT.read_text(encoding="utf-8")
    named = set(re.findall(r"\b(?:telegram|storage|knowledge|matching|logging)\.[a-z_]+(?:\.[a-z_]+)?\b",
                           text))
    assert {"knowledge.path", "storage.database", "telegram.admins"} <= named
    existing = config_keys(yaml.safe_load(EXAMPLE_CONFIG.read_text(encoding="utf-8")))
    assert named <= existing, f"not in config.example.yaml: {sorted(named - existing)}"


def _verify(*units: Path) -> str:
    done = subprocess.run(["systemd-analyze", "verify", *map(str, units)], check=False, capture_output=True,
                          text=True, timeout=60)
    return (done.stdout + done.stderr).strip()


@pytest.mark.skipif(shutil.which("systemd-analyze") is None,
                    reason="systemd-analyze is not installed on this machine (no systemd)")
def test_units_pass_systemd_analyze_verify(tmp_path):
    # verify insists the programs exist; /opt/trafficbot does not exist here, so the units are
    # checked with those paths pointing at stand-in executables.
    stand_ins = {}
    for path in ("/opt/trafficbot/.venv/bin/trafficbot", "/opt/trafficbot/src/deploy/backup.sh"):
        program = tmp_path / PurePosixPath(path).name
        program.write_text("#!/bin/sh\nexit 0\n")
        program.chmod(0o755)
        stand_ins[path] = str(program)
    names = ("trafficbot.service", "trafficbot-backup.service", "trafficbot-backup.timer")
    for name in names:
        text = (DEPLOY / name).read_text(encoding="utf-8")
        for path, program in stand_ins.items():
            text = text.replace(path, program)
        (tmp_path / name).write_text(text, encoding="utf-8")
    # systemd-analyze exits 0 even for unknown keys and bad values: what it prints is the verdict.
    assert _verify(*(tmp_path / name for name in names)) == ""
    misspelt = tmp_path / "misspelt.service"
    misspelt.write_text((tmp_path / "trafficbot.service").read_text(encoding="utf-8")
                        .replace("ProtectHome=", "ProtectHme="), encoding="utf-8")
    assert "ProtectHme" in _verify(misspelt)  # the check above is one that can fail


def test_backup_timer_starts_the_backup_service_as_the_bots_user():
    timer = unit_settings(DEPLOY / "trafficbot-backup.timer")
    assert timer["Timer"]["OnCalendar"] and timer["Timer"]["Persistent"] == ["true"]
    backup = unit_settings(DEPLOY / "trafficbot-backup.service")["Service"]
    bot = unit_settings(UNIT)["Service"]
    assert backup["User"] == bot["User"]
    assert PurePosixPath(backup["ExecStart"][0]).name == "backup.sh"
    assert (DEPLOY / "backup.sh").stat().st_mode & 0o111  # executable in the checkout
    env = dict(e.split("=", 1) for e in backup["Environment"])
    assert env["CONFIG"] == shlex.split(bot["ExecStart"][0])[-1]
    # The copies land where the sandbox lets the service write.
    assert env["DEST"] in backup["ReadWritePaths"][0].split()


# --- the Dockerfile ------------------------------------------------------------------------------

def test_dockerfile_copies_only_files_that_exist():
    copies = instructions("COPY") + instructions("ADD")
    assert copies
    for args in copies:
        sources, _ = copy_sources(args)
        for source in sources:
            assert (ROOT / source).exists(), f"COPY {source}: not in the build context {ROOT}"


def test_dockerfile_installs_the_package_with_pip_from_pyproject():
    copied = {src.rstrip("/") for args in instructions("COPY") for src in copy_sources(args)[0]}
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "pyproject.toml" in copied
    assert pyproject["project"]["readme"] in copied  # setuptools reads it while building
    assert set(pyproject["tool"]["setuptools"]["packages"]) <= copied
    assert any(re.search(r"\bpip install \.(\s|$)", args) for args in instructions("RUN"))
    image = re.search(r"python:3\.(\d+)", instructions("FROM")[0])
    needed = re.search(r">=3\.(\d+)", pyproject["project"]["requires-python"])
    assert image is not None and needed is not None
    assert int(image.group(1)) >= int(needed.group(1))


def test_dockerfile_runs_trafficbot_run_as_a_non_root_user():
    order = [word for word, _ in dockerfile_instructions(DOCKERFILE)]
    users = instructions("USER")
    assert users and users[-1] not in ("root", "0")
    assert order.index("USER") < order.index("ENTRYPOINT")
    argv = container_command()
    assert argv[0] == "trafficbot"
    args = build_parser().parse_args(argv[1:])
    assert args.func is cmd_run


def test_dockerfile_puts_knowledge_and_database_on_the_volume(tmp_path):
    (volume,) = [PurePosixPath(v) for args in instructions("VOLUME") for v in exec_form(args)]
    argv = container_command()
    in_container = PurePosixPath(argv[argv.index("--config") + 1])
    assert in_container.parent == volume
    # The config the image puts there is the example config: load it where the image puts it and
    # see where the bot would keep its knowledge and its query log.
    (config_copy,) = [args for args in instructions("COPY") if copy_sources(args)[1] == str(in_container)]
    (source,) = copy_sources(config_copy)[0]
    placed = tmp_path / "data" / in_container.name
    placed.parent.mkdir()
    placed.write_text((ROOT / source).read_text(encoding="utf-8"), encoding="utf-8")
    cfg = load_config(placed, environ={})
    for path in (cfg.knowledge.path, cfg.storage.database):
        inside = PurePosixPath("/", Path(path).relative_to(tmp_path).as_posix())
        assert volume in inside.parents, f"{inside} is not on the volume {volume}"
    # …and the image seeds that knowledge folder from the project's knowledge/.
    knowledge_in_image = PurePosixPath("/", Path(cfg.knowledge.path).relative_to(tmp_path).as_posix())
    seeded = {PurePosixPath(copy_sources(a)[1]): copy_sources(a)[0] for a in instructions("COPY")}
    assert seeded[knowledge_in_image] == ["knowledge/"]


def test_container_token_comes_only_from_the_environment(tmp_path):
    # No token baked into the image…
    baked = [args for word, args in dockerfile_instructions(DOCKERFILE) if word in ("ENV", "ARG") and TOKEN_ENV in args]
    assert baked == []
    assert TOKEN_ENV in DOCKERFILE.read_text(encoding="utf-8")  # the run line documents it
    # …the config the image ships has none, so the variable is what the bot uses.
    config = tmp_path / "config.yaml"
    config.write_text(EXAMPLE_CONFIG.read_text(encoding="utf-8"), encoding="utf-8")
    assert load_config(config, environ={}).telegram.token == ""
    assert load_config(config, environ={TOKEN_ENV: "123:abc"}).telegram.token == "123:abc"


def test_container_stops_gracefully_and_is_restarted_by_policy():
    assert instructions("STOPSIGNAL") == ["SIGTERM"]
    # Polling mode serves no port to probe: no HEALTHCHECK, and the run line says which policy
    # restarts the bot when it exits.
    assert instructions("HEALTHCHECK") == ["NONE"]
    assert "--restart unless-stopped" in DOCKERFILE.read_text(encoding="utf-8")
    compose = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    service = compose["services"]["trafficbot"]
    assert service["restart"] == "unless-stopped"
    assert int(service["stop_grace_period"].rstrip("s")) > 10  # Docker's default would cut the flush


def test_compose_builds_this_dockerfile_with_the_volume_and_the_token():
    service = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))["services"]["trafficbot"]
    context = (COMPOSE.parent / service["build"]["context"]).resolve()
    assert context == ROOT
    assert (context / service["build"]["dockerfile"]).resolve() == DOCKERFILE
    (volume,) = [PurePosixPath(v) for args in instructions("VOLUME") for v in exec_form(args)]
    mounts = {PurePosixPath(m.split(":")[1]) for m in service["volumes"]}
    assert volume in mounts
    assert TOKEN_ENV in service["environment"]
    assert service["environment"][TOKEN_ENV].startswith("${" + TOKEN_ENV)  # from the shell, not a file


# --- the backup ----------------------------------------------------------------------------------

def test_backup_script_copies_the_log_and_the_knowledge_and_drops_old_copies(tmp_path, monkeypatch, capsys):
    """deploy/backup.sh as the timer runs it, with the real `trafficbot` on a real query log (written
    by `trafficbot ask --log` run in this process: the backup's own `trafficbot` is the process)."""
    data = tmp_path / "data"
    data.mkdir()
    config = data / "config.yaml"
    config.write_text(yaml.safe_dump({"knowledge": {"path": str(one_topic_knowledge(tmp_path))},
                                      "storage": {"database": "trafficbot.sqlite3"}}), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != TOKEN_ENV}
    env["PYTHONPATH"] = str(ROOT)
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    assert cli.main(["ask", "--log", "--config", str(config), "电动车要上牌吗", "头盔"]) == 0, capsys.readouterr().err
    trafficbot = tmp_path / "trafficbot"  # the console script pip would install
    trafficbot.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m bot "$@"\n')
    trafficbot.chmod(0o755)
    dest = tmp_path / "backups"
    dest.mkdir()
    old = dest / "querylog-20200101-033000.sqlite3"
    old.write_bytes(b"old")
    os.utime(old, (0, 0))
    keep = dest / "notes.txt"  # not the script's: never touched
    keep.write_text("x")
    os.utime(keep, (0, 0))
    env.update(TRAFFICBOT=str(trafficbot), CONFIG=str(config), KNOWLEDGE=str(ROOT / "knowledge"),
               DEST=str(dest), KEEP_DAYS="30")
    done = subprocess.run([str(DEPLOY / "backup.sh")], check=False, capture_output=True, text=True, env=env,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    (copy,) = dest.glob("querylog-2*.sqlite3")
    with sqlite3.connect(copy) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert [t for (t,) in db.execute("SELECT text FROM questions ORDER BY ts")] == ["电动车要上牌吗", "头盔"]
    (archive,) = dest.glob("knowledge-*.tar.gz")
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "knowledge/ebike.yaml" in names and "knowledge/emergency.yaml" in names
    assert not old.exists() and keep.exists()


# --- the documentation's commands ----------------------------------------------------------------

DOCS = (ROOT / "README.md", ROOT / "docs" / "staff-guide.md", DEPLOY / "README.md")
SUBCOMMANDS = ("run", "chat", "ask", "kb", "eval", "logs")
COMMAND_RE = re.compile(r"(?:^|[\s/$])trafficbot\s+((?:" + "|".join(SUBCOMMANDS) + r")\b[^#|>;&\\\n]*)")


def documented_commands(path: Path) -> list[list[str]]:
    """Every `trafficbot <subcommand> …` the page gives to type: lines of its code blocks, and inline
    code that is a whole command; as argv after `trafficbot`, up to a comment, a pipe or a
    redirection. A synopsis (`ask [--json] Q …`) is no command and is skipped."""
    text = path.read_text(encoding="utf-8")
    snippets = re.findall(r"```[a-z]*\n(.*?)```", text, re.DOTALL)
    prose = re.sub(r"```.*?```", "", text, flags=re.DOTALL)
    snippets += [span for span in re.findall(r"`([^`\n]+)`", prose) if span.startswith("trafficbot ")]
    commands = []
    for snippet in snippets:
        for line in snippet.splitlines():
            line = re.sub(r"\$\([^)]*\)", "X", line)  # $(date +%F) in a file name
            for m in COMMAND_RE.finditer(line):
                args = m.group(1).strip()
                if any(ch in args for ch in "[…<"):  # a synopsis (ask [--json] Q …), not a command
                    continue
                commands.append(shlex.split(args))
    return commands


@pytest.mark.parametrize("page", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_documented_command_is_accepted_by_the_real_cli(page):
    commands = documented_commands(page)
    assert len(commands) >= 3, f"{page}: found only {commands}"
    parser = build_parser()
    for argv in commands:
        try:
            parser.parse_args(argv)
        except SystemExit as exc:
            if exc.code == 0:  # --help
                continue
            pytest.fail(f"{page.name}: `trafficbot {shlex.join(argv)}` is not a valid command")
