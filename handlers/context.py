"""What every handler is given: a typed context (python-telegram-bot's contexttypesbot.py pattern).

`handlers/app.py` fills one `Services` per Application (its `bot_data`); handlers read
`context.engine`, `context.querylog`, `context.admins` and `context.config` instead of string keys.
"""

from __future__ import annotations

import asyncio
import collections
from dataclasses import dataclass, field
from typing import Any

from telegram.ext import Application, CallbackContext, ContextTypes, ExtBot

from bot.config import Config

# update ids remembered to drop a webhook retry of an update already handled
SEEN_UPDATES = 2048


@dataclass
class Services:
    """The Application's shared objects (its `bot_data`), set once when it is built."""

    config: Config = field(default_factory=Config)
    knowledge: Any = None  # bot.reload.KnowledgeHolder: `.engine` is the engine being served
    querylog: Any = None  # bot.querylog.QueryLog, or None when questions are not logged
    admins: frozenset[int] = frozenset()
    open_querylog: bool = False  # open the configured log in post_init
    tasks: dict[str, asyncio.Task] = field(default_factory=dict)  # background work stopped in post_stop
    seen: collections.OrderedDict = field(default_factory=collections.OrderedDict)  # recent update ids

    def first_time(self, update_id: int) -> bool:
        """True the first time an update id is seen (of the last SEEN_UPDATES)."""
        if update_id in self.seen:
            return False
        self.seen[update_id] = None
        while len(self.seen) > SEEN_UPDATES:
            self.seen.popitem(last=False)
        return True


class BotContext(CallbackContext[ExtBot, dict, dict, Services]):
    """The context handlers get: PTB's CallbackContext plus typed access to the services."""

    def __init__(self, application: Application, chat_id: int | None = None, user_id: int | None = None):
        super().__init__(application=application, chat_id=chat_id, user_id=user_id)

    @property
    def services(self) -> Services:
        return self.bot_data

    @property
    def engine(self):
        """The engine serving now (a reload replaces it; a question already asked keeps its own)."""
        return self.bot_data.knowledge.engine

    @property
    def knowledge(self):
        return self.bot_data.knowledge

    @property
    def querylog(self):
        return self.bot_data.querylog

    @property
    def admins(self) -> frozenset[int]:
        return self.bot_data.admins

    @property
    def config(self) -> Config:
        return self.bot_data.config

    @property
    def home_place(self) -> str:
        """The bot's city as the knowledge names it (scope.yaml's home_place)."""
        return getattr(self.engine.knowledge, "home_place", "") or ""


CONTEXT_TYPES = ContextTypes(context=BotContext, bot_data=Services)
