"""jieba, imported without setuptools' pkg_resources: import this module before `import jieba`.

jieba (0.42) imports pkg_resources only to open its own data files (its HMM tables, its shipped
dictionary), and opens the same files by their path when pkg_resources cannot be imported.
pkg_resources costs ~0.12 s of every start of the bot and of every `trafficbot ask`; the bytes
jieba reads are the same either way. A program that has imported pkg_resources already keeps it.
"""

from __future__ import annotations

import importlib
import sys

if "jieba" not in sys.modules and "pkg_resources" not in sys.modules:
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # its import raises ImportError
    try:
        importlib.import_module("jieba")
    finally:
        del sys.modules["pkg_resources"]  # anyone else who imports it gets it
