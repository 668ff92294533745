"""Telegram handlers, one module per kind of update; wired in bot/app.py.

They get the engine, the query log and the admin list from `context.bot_data` and never import the
app; the core (bot.engine, bot.reply) never imports telegram.
"""
