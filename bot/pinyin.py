"""Pinyin without tones: every syllable of Mandarin, and a run of Latin letters cut into them.
The emergency check reads danger typed in pinyin with it, the text handling a question typed so."""

from __future__ import annotations

import re

# Every syllable of Mandarin pinyin without tones (from pypinyin's reading of all CJK characters):
# a run of Latin letters made of them may be pinyin.
_SYLLABLE_LIST = """
    a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang
    cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan
    chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de den deng di dian
    diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fiao fo
    fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai
    han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao
    jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke ken keng kong kou ku kua kuai kuan
    kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo
    long lou lu luan lun luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming
    miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou
    nu nuan nun nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu
    qi qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong
    rou ru rua ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shen
    sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai
    tan tang tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen
    weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi
    yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang
    zhao zhe zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu
    zuan zui zun zuo
"""
SYLLABLES = frozenset(_SYLLABLE_LIST.split())


def fuzzy(syllable: str) -> str:
    """What a syllable sounds like to many northern and southern speakers alike, who type zh, ch,
    sh as z, c, s and -ng as -n (zuang ren le, shoushan): both are read as the same."""
    return re.sub(r"ng$", "n", re.sub(r"^([zcs])h", r"\1", syllable))


SPLITTABLE = SYLLABLES | {fuzzy(x) for x in SYLLABLES}  # zuang is no syllable, but is typed
MAX_SYLLABLE = 6
MAX_RUN = 200  # a longer Latin run is no pinyin typed by hand: kept short so reading stays cheap


def split_syllables(run: str) -> list[str] | None:
    """The run cut into pinyin syllables, longest first from the left, or None if it is no pinyin."""
    if len(run) > MAX_RUN:
        return None
    best: list[list[str] | None] = [None] * (len(run) + 1)
    best[len(run)] = []
    for i in range(len(run) - 1, -1, -1):
        for n in range(min(MAX_SYLLABLE, len(run) - i), 0, -1):
            rest = best[i + n]
            if rest is not None and run[i:i + n] in SPLITTABLE:
                best[i] = [run[i:i + n]] + rest
                break
    return best[0]
