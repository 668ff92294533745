"""/start, /help and /topics: what a citizen sees first."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from handlers.common import engine, respond
from handlers.render import HELP, Outgoing, topics_message, welcome_message


async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A short welcome, what the bot can answer, and the topic buttons."""
    await respond(update, context, [welcome_message(engine(context).topics())])


async def help_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """How to ask, the commands, and where to get a person."""
    await respond(update, context, [Outgoing(HELP)])


async def topics(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The topic list as buttons."""
    await respond(update, context, [topics_message(engine(context).topics())])
