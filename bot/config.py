"""The config file (YAML) and its environment overrides, validated into frozen dataclasses.

Every key has a default, so no file at all is a valid config. Unknown keys and wrong types are
errors that name the key: an operator's typo must not silently fall back to a default.
"""

from __future__ import annotations

import dataclasses
import math
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_type_hints

import yaml

TOKEN_ENV = "TRAFFICBOT_TOKEN"
DEFAULT_BASE_URL = "https://api.telegram.org/bot"
PROJECT_ROOT = Path(__file__).resolve().parent.parent
# what a Bot API token looks like (bot id, colon, 35 characters): never echoed, wherever it was put
TOKEN_SHAPE = re.compile(r"\d{3,}:[A-Za-z0-9_-]{20,}")
SECRET_KEYS = frozenset({"telegram.token", "telegram.webhook.secret_token", "storage.hash_secret"})
# (key, lowest allowed value): 0 would make a loop spin a CPU core, a negative one stop answering
INTERVALS = (
    ("storage.flush_interval", 0.01),
    ("knowledge.watch_interval", 0.05),
    ("telegram.poll_timeout", 1),
    ("telegram.concurrent_updates", 1),
)

# the longest storage.close_timeout: the query log's close is the last step of a stop, which must end
# within handlers.run.SHUTDOWN_BUDGET (8 s) of the signal
CLOSE_TIMEOUT_MAX = 5.0


class ConfigError(Exception):
    """A config problem an operator can fix; the message names the file and key."""


@dataclass(frozen=True)
class WebhookConfig:
    listen: str = "0.0.0.0"
    port: int = 8443
    url: str = ""
    secret_token: str = ""
    path: str = "telegram"


@dataclass(frozen=True)
class TelegramConfig:
    token: str = ""
    base_url: str = DEFAULT_BASE_URL
    base_file_url: str = ""
    admins: tuple[int, ...] = ()
    mode: str = "polling"
    webhook: WebhookConfig = field(default_factory=WebhookConfig)
    rate_limiter: bool = True
    concurrent_updates: int = 64
    poll_timeout: int = 10


@dataclass(frozen=True)
class StorageConfig:
    database: str = "trafficbot.sqlite3"
    retention_days: int = 180
    hash_secret: str = ""
    batch_size: int = 100
    flush_interval: float = 1.0
    # seconds a stop waits for the log to write what is queued (bot.querylog.CLOSE_TIMEOUT)
    close_timeout: float = 5.0


@dataclass(frozen=True)
class KnowledgeConfig:
    path: str = "knowledge"
    watch: bool = True
    watch_interval: float = 2.0


@dataclass(frozen=True)
class MatchingConfig:
    answer_threshold: float = 0.42
    # a question read without an aspect (only its subject, or nothing we know): the words alone
    # must then carry the answer, and on sets nobody here wrote they are as often wrong as right
    # below this score
    no_aspect_threshold: float = 0.55
    clarify_threshold: float = 0.40
    margin: float = 0.03
    max_choices: int = 3


@dataclass(frozen=True)
class LoggingConfig:
    level: str = "INFO"


@dataclass(frozen=True)
class Config:
    telegram: TelegramConfig = field(default_factory=TelegramConfig)
    storage: StorageConfig = field(default_factory=StorageConfig)
    knowledge: KnowledgeConfig = field(default_factory=KnowledgeConfig)
    matching: MatchingConfig = field(default_factory=MatchingConfig)
    logging: LoggingConfig = field(default_factory=LoggingConfig)
    source: str = ""  # the file it came from, for messages; "" for defaults


def _build(cls: type, data: Any, where: str, origin: str) -> Any:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{origin}: '{where or 'top level'}' must be a mapping of keys, got {type(data).__name__}")
    hints = get_type_hints(cls)
    names = {f.name for f in dataclasses.fields(cls) if f.name != "source"}
    unknown = sorted(set(map(str, data)) - names)
    if unknown:
        key = f"{where}.{unknown[0]}" if where else unknown[0]
        if TOKEN_SHAPE.search(key):
            key = "(a key shaped like a bot token, not shown; the token belongs in telegram.token)"
        raise ConfigError(f"{origin}: unknown key '{key}' (known here: {', '.join(sorted(names))})")
    values = {}
    for name in names:
        if name not in data:
            continue
        key = f"{where}.{name}" if where else name
        values[name] = _coerce(hints[name], data[name], key, origin)
    return cls(**values)


def shown(value: Any, key: str) -> str:
    """`value` as an error message may show it: a secret's (or a token-shaped) value is not shown."""
    if key in SECRET_KEYS:
        return f"a {type(value).__name__} (not shown: it is a secret)"
    text = repr(value)
    if TOKEN_SHAPE.search(text):
        return "something shaped like a bot token (not shown; the token belongs in telegram.token)"
    return text


def _coerce(hint: Any, value: Any, key: str, origin: str) -> Any:
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):  # a section's class, not an instance
        return _build(hint, value, key, origin)
    if hint is bool:
        if isinstance(value, bool):
            return value
        raise ConfigError(f"{origin}: '{key}' must be true or false, got {shown(value, key)}")
    if hint is int:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        raise ConfigError(f"{origin}: '{key}' must be a whole number, got {shown(value, key)}")
    if hint is float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        raise ConfigError(f"{origin}: '{key}' must be a number, got {shown(value, key)}")
    if hint is str:
        if value is None:
            return ""
        if isinstance(value, (str, int)) and not isinstance(value, bool):
            return str(value)
        raise ConfigError(f"{origin}: '{key}' must be text, got {shown(value, key)}")
    if hint == tuple[int, ...]:
        if value is None:
            return ()
        items = value if isinstance(value, list) else [value]
        out = []
        for item in items:
            if isinstance(item, bool) or not isinstance(item, (int, str)) or not str(item).lstrip("-").isdigit():
                raise ConfigError(f"{origin}: '{key}' must be a list of numeric Telegram user ids, got {shown(item, key)}")
            out.append(int(item))
        return tuple(out)
    raise ConfigError(f"{origin}: '{key}' has an unsupported type")  # pragma: no cover - schema bug


def _validate(cfg: Config, origin: str) -> None:
    m = cfg.matching
    for key in ("answer_threshold", "no_aspect_threshold", "clarify_threshold", "margin"):
        if not 0.0 <= getattr(m, key) <= 1.0:
            raise ConfigError(f"{origin}: 'matching.{key}' must be between 0 and 1")
    if m.clarify_threshold > m.answer_threshold:
        raise ConfigError(f"{origin}: 'matching.clarify_threshold' must not be above 'matching.answer_threshold'")
    if not 1 <= m.max_choices <= 3:
        raise ConfigError(f"{origin}: 'matching.max_choices' must be 1, 2 or 3")
    if cfg.telegram.mode not in ("polling", "webhook"):
        raise ConfigError(f"{origin}: 'telegram.mode' must be polling or webhook, got {cfg.telegram.mode!r}")
    if cfg.storage.retention_days < 1:
        raise ConfigError(f"{origin}: 'storage.retention_days' must be at least 1")
    if cfg.storage.batch_size < 1:
        raise ConfigError(f"{origin}: 'storage.batch_size' must be at least 1")
    if not 0 <= cfg.storage.close_timeout <= CLOSE_TIMEOUT_MAX:
        raise ConfigError(f"{origin}: 'storage.close_timeout' 必须在 0 到 {CLOSE_TIMEOUT_MAX} 秒之间 / must be between 0 "
                          f"and {CLOSE_TIMEOUT_MAX} seconds (a stop must end within its budget), got "
                          f"{cfg.storage.close_timeout!r}")
    if not 1 <= cfg.telegram.webhook.port <= 65535:
        raise ConfigError(f"{origin}: 'telegram.webhook.port' must be a TCP port (1-65535)")
    if cfg.logging.level.upper() not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ConfigError(f"{origin}: 'logging.level' must be DEBUG, INFO, WARNING or ERROR")
    for key, lowest in INTERVALS:
        section, name = key.split(".")
        value = getattr(getattr(cfg, section), name)
        if not (math.isfinite(value) and value >= lowest):
            raise ConfigError(f"{origin}: '{key}' 必须至少为 {lowest} / must be at least {lowest} (0 would keep a "
                              f"CPU core busy, a negative value stops the bot answering), got {value!r}")
    _validate_addresses(cfg, origin)


def _validate_addresses(cfg: Config, origin: str) -> None:
    tg = cfg.telegram
    token = tg.token.strip()
    for key, url in (("telegram.base_url", tg.base_url), ("telegram.base_file_url", tg.base_file_url),
                     ("telegram.webhook.url", tg.webhook.url)):
        if (token and token in url) or TOKEN_SHAPE.search(url):
            raise ConfigError(f"{origin}: '{key}' 里有机器人 token，请删掉 / contains the bot token: remove it "
                              "(the bot adds the token itself; keep it in telegram.token or TRAFFICBOT_TOKEN)")
    for key, url in (("telegram.base_url", tg.base_url), ("telegram.base_file_url", tg.base_file_url)):
        if url and not url.startswith(("https://", "http://")):
            raise ConfigError(f"{origin}: '{key}' 必须以 https:// 开头 / must start with https:// "
                              "(e.g. https://api.telegram.org/bot)")
    if tg.webhook.url and not tg.webhook.url.startswith("https://"):
        raise ConfigError(f"{origin}: 'telegram.webhook.url' 必须是 https:// 地址 / must be an https:// address: "
                          "Telegram posts updates only to HTTPS")
    secret = tg.webhook.secret_token
    if secret and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", secret):
        raise ConfigError(f"{origin}: 'telegram.webhook.secret_token' 只能用字母、数字、_ 和 - / may hold only "
                          "A-Z, a-z, 0-9, _ and - (1 to 256 characters), as Telegram requires")


def _resolve(path: str, base: Path) -> str:
    p = Path(os.path.expanduser(path))
    return str(p if p.is_absolute() else (base / p))


def default_knowledge_dir() -> Path:
    """knowledge/ in the working directory, else the one shipped beside the package."""
    here = Path.cwd() / "knowledge"
    return here if here.is_dir() else PROJECT_ROOT / "knowledge"


def load_config(path: str | os.PathLike | None = None, environ: Mapping[str, str] | None = None) -> Config:
    """Read the config file (if any), apply environment overrides, validate.

    Relative paths in the file are relative to the file's folder, so the bot can be started from
    anywhere. Without a file, the knowledge folder is the default one and the database sits in the
    working directory.
    """
    env = os.environ if environ is None else environ
    if path is None:
        cfg = Config()
        cfg = dataclasses.replace(
            cfg, knowledge=dataclasses.replace(cfg.knowledge, path=str(default_knowledge_dir()))
        )
        origin = "defaults"
    else:
        origin = str(path)
        file = Path(path)
        try:
            text = file.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfigError(f"{origin}: config file not found (copy config.example.yaml to start)") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{origin}: cannot read config file: {exc}") from None
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f":{mark.line + 1}" if mark is not None else ""
            problem = getattr(exc, "problem", None) or str(exc)
            raise ConfigError(f"{origin}{line}: not valid YAML: {problem}") from None
        cfg = _build(Config, data, "", origin)
        base = file.resolve().parent
        cfg = dataclasses.replace(
            cfg,
            source=origin,
            storage=dataclasses.replace(cfg.storage, database=_resolve(cfg.storage.database, base)),
            knowledge=dataclasses.replace(cfg.knowledge, path=_resolve(cfg.knowledge.path, base)),
        )
    token = env.get(TOKEN_ENV, "").strip()
    if token:
        cfg = dataclasses.replace(cfg, telegram=dataclasses.replace(cfg.telegram, token=token))
    _validate(cfg, origin)
    return cfg
