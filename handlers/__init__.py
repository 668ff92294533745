"""The Telegram layer: `app.py` builds the Application and wires every handler, `run.py` runs it;
one module per kind of update (commands, messages, buttons, admin, errors).

Handlers get the engine, the query log, the admins and the config from a typed context
(`context.py`); the core (bot/) never imports this package, except bot/cli.py, which starts it.
"""
