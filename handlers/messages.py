"""Messages from citizens: typed questions go to the engine; photos, voice and the like get a
polite "please type". In groups only what is addressed to the bot is answered."""

from __future__ import annotations

from telegram import Bot, Message, MessageEntity, Update

from handlers.common import ask, is_group, record_question, respond, respond_reply
from handlers.context import BotContext
from handlers.render import PLEASE_TYPE, Outgoing

EMPTY_QUESTION = "请问有什么可以帮您？直接输入您的问题即可，或发送 /topics 浏览常见问题。"


def addressed_text(message: Message, bot: Bot) -> str | None:
    """In a group: the text without the bot's @mention if the message mentions or replies to the
    bot, else None (not for us)."""
    text = message.text or message.caption or ""
    username = (bot.username or "").lower()
    mentions = []
    entities = message.parse_entities() if message.text else message.parse_caption_entities()
    for entity, value in entities.items():
        if entity.type == MessageEntity.MENTION and value.lower() == f"@{username}":
            mentions.append(value)
        elif entity.type == MessageEntity.TEXT_MENTION and entity.user and entity.user.id == bot.id:
            mentions.append(value)
    replied = message.reply_to_message
    to_bot = bool(replied and replied.from_user and replied.from_user.id == bot.id)
    if not mentions and not to_bot:
        return None
    for value in mentions:
        text = text.replace(value, " ", 1)
    return " ".join(text.split())


async def on_text(update: Update, context: BotContext) -> None:
    """A typed question → the engine → the rendered Reply (logged when a query log is set)."""
    message = update.message
    if message is None:  # app.py's filter (UpdateType.MESSAGE) passes only new messages
        return
    text = message.text or ""
    if is_group(update):
        addressed = addressed_text(message, context.bot)
        if addressed is None:
            return
        text = addressed
    text = text.strip()
    if not text:
        await respond(update, context, [Outgoing(EMPTY_QUESTION)])
        return
    reply, latency_ms = ask(context, text)
    qid = record_question(context, update, reply, latency_ms)
    await respond_reply(update, context, reply, qid)


async def on_media(update: Update, context: BotContext) -> None:
    """Photos, stickers, voice, video, locations, documents: please type the question."""
    if update.message is None:  # app.py's filter (UpdateType.MESSAGE) passes only new messages
        return
    if is_group(update) and addressed_text(update.message, context.bot) is None:
        return
    await respond(update, context, [Outgoing(PLEASE_TYPE)])
