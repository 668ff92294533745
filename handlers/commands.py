"""/start, /help and /topics: what a citizen sees first."""

from __future__ import annotations

from telegram import Update

from handlers.common import respond
from handlers.context import BotContext
from handlers.render import HELP, Outgoing, topics_message, welcome_message


async def start(update: Update, context: BotContext) -> None:
    """A short welcome, what the bot can answer, and the topic buttons."""
    await respond(update, context, [welcome_message(context.engine.topics(), context.home_place)])


async def help_command(update: Update, context: BotContext) -> None:
    """How to ask, the commands, and where to get a person."""
    await respond(update, context, [Outgoing(HELP)])


async def topics(update: Update, context: BotContext) -> None:
    """The topic list as buttons."""
    await respond(update, context, [topics_message(context.engine.topics())])
