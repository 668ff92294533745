"""How a Chinese clause asks: the question particles, words and shapes every step that must tell
a question from a telling reads by. One place, so that a new way of asking (a dialect particle, a
new A不A) is added once and every reader sees it.

Each pattern keeps the reach its readers were tuned with: the matcher's (what a message asks)
is wider than the emergency check's (whether harm is told or asked about), which must never
read a frightened telling as a question.
"""

from __future__ import annotations

import re

# -- what a message asks (the question steps: parts, story ends, the last clause) ---------------
ASKS_ANY = re.compile("吗|么|呢|能不能|可不可以|能否|行不行|让不让|准不准|是不是|有没有")  # anywhere in a clause
ASKS_END = re.compile(r"(?:吗|么|嘛|不|没|没有|呢|否)$")  # a clause that ends asking: 还有别的号码没
# 多快 / 多远 asks a measure; 没多远 / 不多远 tells one (开出去没多远就…)
# 甚: Shanxi for 什么 (甚时候, 要带甚), never 甚至
ASKING = re.compile(ASKS_ANY.pattern + "|怎么|咋|多少|几|哪|什么|啥|甚(?!至)|谁|多久|多长|如何|(?<![没不])多(?:快|远|重|高|宽)|(?<![没不好很太许老这那])多钱")
EITHER = re.compile(r"(.)不\1")  # 管不管, 会不会: a question of its own
# a question word made indefinite by 也/都 tells (两家谁也不挪车, 怎么都打不着火, 哪都找不到)
INDEFINITE = re.compile("(?:谁|什么|啥|哪儿|哪里|哪|怎么|咋)(?:也|都)"
                        # 几 as 'a few' tells a time or a count (前几年在外地打工, 好几回, 十几天, 几年前)
                        "|(?:前|这|那|好|没|十|[二三四五六七八九两]十)几|几(?:年|天|个月|周|回|次)(?:前|以前|之前)")
# a clause asking only whether what was told before it is so (听说有个基金能先垫钱 是真的吗): the
# clause before it is what is asked
TRUTH = re.compile("(?:这|那)?(?:是真的吗|真的吗|是不是真的|真的假的|真的不|是真的不|有这回事吗|有这事吗|有这回事没|靠谱吗|靠不靠谱|可信吗|对吗|对不对)[啊呀吧呢]*")
# words that say "what follows is my question" after a story (…拖走修好咧 想问下当时三角牌该摆多远)
ASK_MARK = re.compile("想问一下|想问下|想问问|想问|请问一下|请问|问一下|问下|我想知道|想了解一下|想咨询一下|咨询一下")


# English typed by visitors asks by its question word or its inverted start (what is the minimum
# speed, can I ride …), whatever its case; its question mark is already split off. Inside a clause
# `when` and `who` join a telling (my car smells of exhaust when I go fast, the driver who hit me):
# only a clause they start asks
_LATIN_QUESTION_WORD = "what|how|where|which|why"
ASKS_LATIN = re.compile(rf"\b(?:{_LATIN_QUESTION_WORD}|whose)\b|^\s*(?:who|when|can|could|may|must|should|shall"
                        r"|is|are|am|do|does|did|will|would|have|has)\b", re.IGNORECASE)
# where an English question begins inside a clause (…after I pay and get the car how many days …)
LATIN_ASKS_FROM = re.compile(rf"(?<![A-Za-z])(?:{_LATIN_QUESTION_WORD})(?![A-Za-z])", re.IGNORECASE)


def asks(clause: str) -> bool:
    """The clause asks: a question word, an asking end, or A不A."""
    clause = INDEFINITE.sub("", clause)
    return bool(ASKING.search(clause) or ASKS_END.search(clause) or EITHER.search(clause)
                or ASKS_LATIN.search(clause))


# -- what the emergency check reads as asking, not telling -----------------------------------
# a clause that asks where or whether (现场课在哪上: no 磕在 repaired into it; 火 beside 车票多少钱
# is no cry): narrower than ASKING, so that a frightened telling is never read as a question
HEARD_ASKED = re.compile("哪|吗|什么|怎么|几点|多少")
# an 'if' clause that is a question of its own (万一对方不认账咋办): its supposing frames no harm
IF_ASKS = re.compile("吗|么|咋|怎么|多远|多少|多久|几|哪|行不行|行吗|可不可以|能不能|用不用|要不要|该不该|会不会|[不没]$")
