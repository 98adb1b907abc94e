"""Insults aimed at someone, found by word lists and sentence shapes (part of the `abusive` rule).

The character n-gram classifiers learnt insults mostly from tweets and imageboard threads, where the
signal is profanity; insults without a rude word ("You are clearly an idiot", "Министр — вор",
"Նախարարը գող է") are often missed, and Armenian has only hand-written training sentences. This
module finds the plain shapes an insult takes in a comment, in each language:

- addressed: an insult word near a second-person word ("you idiot", "you people are parasites",
  "ты дебил", "дебил ты", "դու ապուշ ես", "ապուշ ես", "du apush es");
- vocative: an insult word set off by a comma or standing alone ("Shut up, idiot.", "Тупица, научись
  читать", "Ձայնդ կտրի, ապուշ");
- predicate: someone is called one ("The minister is a thief", "Автор — продажный лжец", "Нախարարը
  գող է");
- "what a ...": "What a pathetic loser", "Какой же ты идиот", "Ինչ ողորմելի մարդ ես";
- threats and wishes of harm ("I hope your house burns down", "Сломайте ему пальцы", "Կսպանեմ քեզ").

A negation next to the insult ("you are not an idiot", "ты не дурак", "ապուշ չես") cancels it. Words
are matched after the engine's normalisation and transliteration, so Latin-typed Russian and
Armenian count as well; Russian and Armenian insults match in any of their usual case forms.

Each shape gives a fixed probability (`STRENGTH`); the rule takes the larger of it and the
classifier's. Findings carry the key `abusive.insult` and point at the insult word (or the threat).
The lists are short and written for this project; words with an everyday meaning (pig, sheep, dog,
«баран», «ոչխար») count only when aimed at someone, never on their own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .types import Finding

RULE = "abusive"
KEY = "abusive.insult"


def _words(spec: str) -> frozenset[str]:
    return frozenset(spec.split())


STRENGTH = {"threat": 0.9, "addressed": 0.9, "vocative": 0.85, "what": 0.8, "predicate": 0.8}
WINDOW = 3  # words between a second-person word and the insult

# --- English (exact forms; plurals added) -------------------------------------------------------------

_EN_NOUNS = """
    idiot moron imbecile cretin fool clown buffoon jerk loser liar thief crook coward traitor parasite
    scum scumbag lowlife vermin troll puppet hack hypocrite degenerate freak lunatic psycho maniac dimwit
    halfwit nitwit dunce numbskull blockhead bonehead airhead nobody nonentity peasant disgrace leech
    bootlicker lackey sellout villain bastard prat twit git muppet pervert fascist nazi dumbass dolt oaf
    simpleton ignoramus retard weasel rat snake worm pig swine sheep donkey monkey ape dog animal beast
    cockroach sheeple bigot charlatan fraud goon thug stooge shill
"""
# Words with an everyday meaning: they count when aimed at someone, not as a vocative on their own.
_EN_WEAK = """rat snake worm pig swine sheep donkey monkey ape dog animal beast cockroach hack
    puppet nobody fraud peasant"""
_EN_ADJECTIVES = """
    stupid dumb idiotic brainless mindless pathetic worthless useless disgusting vile retarded moronic
    clueless spineless gutless shameless despicable braindead brain-dead halfwitted dimwitted imbecilic
    contemptible miserable ugly filthy dirty lying greedy corrupt
"""
_EN_YOU = {"you", "ya", "u", "you're", "youre", "ur", "yourself", "yourselves", "y'all", "yall", "thou"}
_EN_NEGATION = {"not", "no", "never", "isn't", "aren't", "wasn't", "weren't", "don't", "doesn't", "nt", "n't"}
_EN_COPULA = {"is", "are", "was", "were", "be", "being", "been", "'s", "'re", "remains", "becomes"}
_EN_PERSON = {"man", "woman", "person", "people", "guy", "guys", "creature", "human", "boy", "girl", "men"}
_EN_FILLER = {
    "a", "an", "the", "such", "so", "real", "total", "complete", "absolute", "utter", "little", "old",
    "big", "bloody", "just", "really", "truly", "this", "that", "all", "of", "same", "typical", "another",
    "as", "like", "and", "pure", "proper", "very", "most",
}  # fmt: skip

# --- Russian (stems; any noun or adjective ending) ---------------------------------------------------

_RU_NOUN_STEMS = """
    дебил идиот имбецил кретин дурак дур тупиц болван олух недоумк недоумок придурк придурок бездар
    неуч невежд урод уродин мраз твар гнид подонк подонок негодя ублюдк ублюдок выродк выродок
    дегенерат ничтожеств чмо лох клоун шут паяц лжец лжец лгун брехун вор жулик трус предател холуй
    лаке шестерк шестёрк тролл паразит быдл отброс отребь сволоч гад гадин чучел пустозвон балабол
    алкаш пьян нищеброд псих шизик маразматик фашист нацист скотин скот свин свинь баран барашк овц
    козел козёл козл осел осёл осл ишак крыс змея змеюк червяк черв таракан шакал гиен макак обезьян
    собак шавк дегенерат тупорыл тупоголов мудозвон пропагандист
"""
_RU_WEAK = """скот свин свинь баран барашк овц козел козёл козл осел осёл осл ишак крыс змея змеюк червяк
    черв таракан шакал гиен макак обезьян собак шут гад лох"""
_RU_ADJECTIVE_STEMS = """
    туп глуп безмозгл тупоголов жалк убог мерзк поган гнил конченн конч отмороженн недалек безграмотн
    продажн лжив никчемн никчёмн ничтожн тупорыл бездарн слабоумн грязн вонюч
"""
_RU_NOUN_ENDINGS = _words(
    "а у ом ем е ы и ов ев ей ам ям ами ями ах ях ой ою ю я ь ья ьи ье ью ьей ьям ьями ьях о"
) | {""}
# with the short forms: туп, тупа, тупы
_RU_ADJ_ENDINGS = _words(
    "ый ий ой ая яя ое ее ые ие ого его ому ему ым им ую юю ых их ыми ими ом ем ы а о"
) | {""}
_RU_YOU = {"ты", "вы", "тебя", "тебе", "тобой", "вас", "вам", "вами", "тобою", "ти"}
_RU_NEGATION = {"не", "ни", "нет"}
_RU_COPULA = {"это", "—", "-", "–"}  # "Министр — вор", "это же дебил"
_RU_PERSON = {"человек", "люди", "тип", "мужик", "баба", "существо", "личность", "создание"}
_RU_FILLER = {"же", "ну", "просто", "полный", "полная", "полное", "полные", "настоящий", "самый",
              "конченый", "какой", "какая", "какие", "такой", "такая", "такие", "как", "все", "всё",
              "тут", "здесь", "еще", "ещё", "один", "одна", "очередной", "очередная", "обыкновенный",
              "и", "а", "этот", "эта", "эти", "стадо"}  # fmt: skip

# --- Armenian (stems after the engine's light stemmer; both scripts via transliteration) -------------

_HY_NOUNS = """
    ապուշ հիմար տխմար բթամիտ ախմախ դեբիլ կրետին իդիոտ անասուն էշ ավանակ ոչխար խոզ շուն կապիկ տավար
    գող ստախոս սրիկա տականք լակոտ ճիճու մակաբույծ ծաղրածու դավաճան վախկոտ թշվառական ոչնչություն
    խելագար գիժ դմբո քյառթու ստրուկ տրոլ չմո անուղեղ անգրագետ լիրբ անամոթ ստոր խաբեբա թուլամորթ
    մանկուրտ ավազակ պիղծ անպետք սողուն օձ առնետ անբան ապաշնորհ քաջ ծախու ծախված թուրքի
"""
_HY_WEAK = "էշ ավանակ ոչխար խոզ շուն կապիկ տավար օձ առնետ սողուն ճիճու քաջ ստրուկ"
_HY_ADJECTIVES = """
    ողորմելի զզվելի նողկալի կեղտոտ գարշելի փտած անուղեղ բութ հիմար տխմար անպետք ագահ ստոր անամոթ
    ծախված ողորմ ապուշ
"""
_HY_YOU = {"դու", "դուք", "քեզ", "ձեզ", "քեզնից", "ձեզնից", "քեզանից", "դուքը"}
_HY_COPULA_YOU = {"ես", "եք", "էիր", "էիք"}  # "ապուշ ես": you are an idiot
_HY_COPULA = {"է", "են", "էր", "էին"}  # "Նախարարը գող է"
_HY_NEGATION = {"չես", "չեք", "չէ", "չէր", "չեն", "ոչ", "չի", "չէիր"}
_HY_PERSON = {"մարդ", "մեկը", "մեկն", "արարած", "տիպ", "մարդիկ", "մարդու"}
_HY_FILLER = {"լրիվ", "իսկական", "շատ", "էս", "էդ", "այդ", "այս", "մի", "էլ", "էլի", "բոլորդ",
              "բոլոր", "ուղղակի", "պարզապես", "նույնքան", "հոտ", "նման", "պես", "խեղճ", "ինչ"}  # fmt: skip
_HY_FOLD = str.maketrans("թքփցձջչօէւ", "տկպծծճճոեվ")  # aspirated and plain letters: Latin typing mixes them

# --- Threats and wishes of harm, on the words joined by spaces ----------------------------------------

_THREATS = {
    "en": [
        r"\b(?:hope|wish) (?:that )?(?:you|your \w+|he|she|they)(?: all)? (?:die|dies|burn|burns|rot|rots|"
        r"get \w+ed|drown|drowns|choke|chokes)\b",
        r"\bbreak (?:your|his|her|their) (?:legs?|arms?|neck|necks|face|bones|fingers|skull|jaw|head)\b",
        r"\b(?:you|people like you|your kind|you all|such people|these people) (?:should|must|ought to|"
        r"need to) be (?:shot|hanged|hung|killed|beaten|thrown out|kicked out|deported|exterminated|"
        r"executed|burned|burnt|locked up|put down|gassed|lynched)\b",
        r"\bi (?:will|ll|'ll|am going to|gonna) (?:kill|find|beat|hurt|break|shoot|strangle) you\b",
        r"\b(?:kill yourself|go die|drop dead|kys)\b",
        r"\b(?:shoot|hang|kill) (?:them|him|her|you) all\b",
    ],
    "ru": [
        r"\b(?:сдохни|сдохните|сдохнешь|сдохла|сдохли|чтоб ты сдох\w*|убейся|удавись|повесься)\b",
        r"\bнадеюсь\b.{0,40}\b(?:сгори\w*|сдохн\w*|сгни\w*|подохн\w*|утон\w*)",
        r"\b(?:сломайте|сломать|сломаю|переломать|переломаю|оторвать|оторву|выбью|выбить)\b.{0,25}\b(?:пальц\w*|ног\w*|рук\w*|ше\w|челюст\w*|зуб\w*|башк\w*|голов\w*|хребет|рыло)",
        r"\b(?:убью|прибью|урою|закопаю|зарежу|пристрелю|найду)\s+(?:тебя|вас|его|её|ее|их)\b",
        r"\b(?:надо|нужно|пора|следует|стоит)\s+(?:всех\s+)?(?:их\s+|таких\s+)?(?:гнать|расстрелять|повесить|"
        r"перестрелять|вешать|стрелять|давить|уничтожить|уничтожать|сжечь|посадить|вышвырнуть|выгнать)\b",
        r"\bгнать\b.{0,30}\bметлой\b",
    ],
    "hy": [
        r"(?:^| )(?:կսպանեմ|սատկի|սատկես|սատկեք|սատկեն|մեռնես|մեռնեք|քոռանաս|քոռանաք|անիծված լինես|"
        r"տունդ քանդվի|տունդ կվառվի|կվառվես)(?= |$)",
        r"(?:^| )(?:գլուխդ|ոտքերդ|ձեռքերդ|ատամներդ|քիթդ|վիզդ) (?:կջարդեմ|կկոտրեմ|ջարդել|կոտրել)",
        r"(?:^| )(?:պետք է|պիտի|պետքա|պետք ա)(?: բոլորին| բոլորիդ| նրանց| քեզ)? (?:կախել|գնդակահարել|"
        r"վռնդել|սպանել|ծեծել|վառել|կրակել|ոչնչացնել)(?= |$)",
        r"(?:^| )(?:քեզ|ձեզ|նրան|նրանց) (?:պետք է|պիտի) (?:կախել|գնդակահարել|վռնդել|սպանել|ծեծել|վառել)(?= |$)",
        # A wish of harm, to "you" or to "your house"; ռ or ր, as Latin "r" is read either way.
        r"(?:^| )(?:հուսով եմ|հույս ունեմ)(?: որ)? .{0,30}(?:կվա[ռր]վ(?:ի|ես|եք)|կմե[ռր]ն(?:ի|ես|եք)|"
        r"կսատկ(?:ի|ես|եք)|կայրվ(?:ես|եք)|կքանդվի|տունդ կայրվի)",
    ],
}


def _en_forms(spec: str) -> frozenset[str]:
    words = _words(spec)
    return words | {w + "s" for w in words} | {w + "es" for w in words if w.endswith(("ch", "sh", "x"))}


EN_NOUNS = _en_forms(_EN_NOUNS) | {"sheeple", "people"} - {"people"}
EN_WEAK = _en_forms(_EN_WEAK)
EN_ADJECTIVES = _words(_EN_ADJECTIVES)
RU_NOUN_STEMS = _words(_RU_NOUN_STEMS)
RU_WEAK = _words(_RU_WEAK)
RU_ADJECTIVE_STEMS = _words(_RU_ADJECTIVE_STEMS)
_THREAT_PATTERNS = {lang: [re.compile(p) for p in patterns] for lang, patterns in _THREATS.items()}
# Does any of a language's patterns match? One look, where the patterns would take one each; without
# their "(?:^| )" it matches wherever one of them does (and a little more), and much faster.
_THREAT_PROBES = {
    lang: re.compile("|".join(f"(?:{p.removeprefix('(?:^| )')})" for p in patterns))
    for lang, patterns in _THREATS.items()
}


def _hy_key(word: str) -> str:
    from .stemming import stem_hy

    return stem_hy(word).translate(_HY_FOLD)


HY_NOUNS = frozenset(_hy_key(w) for w in _HY_NOUNS.split())
HY_WEAK = frozenset(_hy_key(w) for w in _HY_WEAK.split())
HY_ADJECTIVES = frozenset(_hy_key(w) for w in _HY_ADJECTIVES.split())


def _script(word: str) -> str:
    for ch in word:
        if "\u0531" <= ch <= "\u0587":
            return "hy"
        if "\u0430" <= ch <= "\u044f" or ch == "ё":
            return "ru"
        if "a" <= ch <= "z":
            return "en"
    return ""


def _ru_match(word: str, stems: frozenset[str], endings: frozenset[str]) -> bool:
    word = word.replace("ё", "е") if word not in stems else word
    for cut in range(max(2, len(word) - 4), len(word) + 1):
        if word[:cut] in stems and word[cut:] in endings:
            return True
    return False


@lru_cache(maxsize=20_000)
def classify(word: str) -> tuple[str, str]:
    """(language, kind) of one normalised word: kind is "noun", "weak" (a noun with an everyday
    meaning), "adjective", "you", "copula_you", "copula", "negation", "person", "filler" or ""."""
    lang = _script(word)
    if lang == "en":
        if word in EN_WEAK:
            return lang, "weak"
        if word in EN_NOUNS:
            return lang, "noun"
        if word in EN_ADJECTIVES:
            return lang, "adjective"
        if word in _EN_YOU:
            return lang, "you"
        if word in _EN_NEGATION or word.endswith("n't"):
            return lang, "negation"
        if word in _EN_COPULA:
            return lang, "copula"
        if word in _EN_PERSON:
            return lang, "person"
        if word in _EN_FILLER:
            return lang, "filler"
        return lang, ""
    if lang == "ru":
        if word in _RU_YOU:
            return lang, "you"
        if word in _RU_NEGATION:
            return lang, "negation"
        if word in _RU_COPULA:
            return lang, "copula"
        if word in _RU_FILLER:
            return lang, "filler"
        if word in _RU_PERSON:
            return lang, "person"
        if _ru_match(word, RU_WEAK, _RU_NOUN_ENDINGS):
            return lang, "weak"
        if _ru_match(word, RU_NOUN_STEMS, _RU_NOUN_ENDINGS):
            return lang, "noun"
        if _ru_match(word, RU_ADJECTIVE_STEMS, _RU_ADJ_ENDINGS):
            return lang, "adjective"
        return lang, ""
    if lang == "hy":
        if word in _HY_YOU:
            return lang, "you"
        if word in _HY_COPULA_YOU:
            return lang, "copula_you"
        if word in _HY_COPULA:
            return lang, "copula"
        if word in _HY_NEGATION or (word.startswith("չ") and len(word) > 3):
            return lang, "negation"
        if word in _HY_PERSON:
            return lang, "person"
        if word in _HY_FILLER:
            return lang, "filler"
        key = _hy_key(word)
        if key in HY_WEAK:
            return lang, "weak"
        if key in HY_NOUNS:
            return lang, "noun"
        if key in HY_ADJECTIVES:
            return lang, "adjective"
        return lang, ""
    return lang, ""


@dataclass(frozen=True)
class Hit:
    shape: str
    first: int  # index of the first and last word of the evidence
    last: int

    @property
    def score(self) -> float:
        return STRENGTH[self.shape]


_SENTENCE_BREAK = re.compile(r"[.!?…։:;\n]")
_PUNCT = re.compile(r"[,!?…։:;.\n()«»\"“”]")  # a vocative stands between these
_DASH = re.compile(r"(?:^|\s)[—–-](?:\s|$)")
_BETWEEN = ("copula", "filler", "adjective", "person", "noun", "weak")
_CONJUNCTIONS = {"and", "or", "but", "и", "или", "а", "но", "ու", "և", "եւ", "կամ", "բայց"}
_WHAT = {"what", "какой", "какая", "какие", "каков", "какого", "ինչ", "ինչպիսի"}


def find(words: list[str], tokens, original: str) -> list[Hit]:
    """Insult shapes among `words` (one per token; `tokens` give the positions in `original`)."""
    n = len(words)
    if not n:
        return []
    kinds = [classify(w) for w in words]
    # gaps[i]: the text before word i; gaps[n]: the text after the last word
    gaps = [original[: tokens[0].start]]
    gaps += [original[tokens[i - 1].end : tokens[i].start] for i in range(1, n)]
    gaps.append(original[tokens[-1].end :])

    def broken(a: int, b: int) -> bool:  # a sentence break between words a < b
        return any(_SENTENCE_BREAK.search(gaps[k]) for k in range(a + 1, b + 1))

    def negated(a: int, b: int) -> bool:
        return any(kinds[k][1] == "negation" for k in range(max(0, a), min(n, b + 1)))

    def loose(a: int, b: int) -> bool:  # only fillers, adjectives and the like between a and b
        return all(
            kinds[k][1] in _BETWEEN or (kinds[k][0] == "en" and words[k].endswith("ly"))
            for k in range(a + 1, b)
        )

    def ends(k: int) -> bool:  # nothing of the sentence follows word k but a conjunction
        return k == n - 1 or bool(_PUNCT.search(gaps[k + 1])) or words[k + 1] in _CONJUNCTIONS

    hits: list[Hit] = []
    done = -1
    for i, (lang, kind) in enumerate(kinds):
        if i <= done or kind not in ("noun", "weak", "adjective"):
            continue
        head, phrase = i, kind
        if kind == "adjective":  # "pathetic little man", "продажный лжец", "ագահ խոզ"
            j = i + 1
            while j < n and j - i <= 2 and kinds[j][1] in ("adjective", "filler") and not gaps[j].strip():
                j += 1
            if j < n and kinds[j][1] in ("noun", "weak", "person") and not gaps[j].strip():
                head, phrase = j, "noun"
        done = head
        if phrase == "weak" and not ends(head):  # "sheep farmers", "ոչխարներ են պահում"
            continue
        if negated(max(0, i - 2), head):  # "you are not an idiot", "ты не дурак"
            continue

        # addressed: "you idiot", "you are a pathetic loser", "a loser like you", "ты дебил",
        # "дебил ты", "դու ապուշ ես", "ապուշ ես"
        you = [
            k
            for k in range(max(0, i - WINDOW - 1), i)
            if kinds[k][1] == "you" and not broken(k, i) and loose(k, i) and not negated(k, i)
        ]
        if lang in ("ru", "hy"):
            you += [
                k
                for k in range(head + 1, min(n, head + WINDOW))
                if kinds[k][1] == "you"
                and loose(head, k)
                and not any(_PUNCT.search(gaps[m]) for m in range(head + 1, k + 1))
            ]
        if lang == "en":
            you += [
                k
                for k in range(head + 2, min(n, head + 4))
                if kinds[k][1] == "you" and words[k - 1] in ("like", "as", "than") and not broken(head, k)
            ]
        if lang == "hy":
            k = head + 1
            while k < n and k - head <= 2 and kinds[k][1] == "filler" and not broken(head, k):
                k += 1
            if k < n and kinds[k][1] == "copula_you" and not broken(head, k):
                you.append(k)
        if you:
            hits.append(Hit("addressed", i, head))
            continue
        if phrase == "adjective":  # an adjective on its own says nothing of a person ("stupid decision")
            continue

        # vocative: "Shut up, idiot.", "Тупица, научись читать", "Ձայնդ կտրի, ապուշ"
        alone_before = i == 0 or bool(_PUNCT.search(gaps[i])) or bool(_DASH.search(gaps[i]))
        alone_after = head == n - 1 or bool(_PUNCT.search(gaps[head + 1]))
        if alone_before and alone_after and (phrase == "noun" or (i > 0 and head == n - 1)):
            hits.append(Hit("vocative", i, head))
            continue

        # predicate: "The minister is a thief", "Министр — вор", "Նախարարը գող է"
        if _predicate(i, head, lang, kinds, words, gaps, broken, negated, ends):
            hits.append(Hit("predicate", i, head))
            continue

        # "What a pathetic loser", "Какая мразь", "Ինչ ողորմելի մարդ"
        if any(words[k] in _WHAT for k in range(max(0, i - 3), i)) and not broken(max(0, i - 3), i):
            hits.append(Hit("what", i, head))
    return hits


def _predicate(i, head, lang, kinds, words, gaps, broken, negated, ends) -> bool:
    n = len(kinds)
    if lang == "en":
        k = i - 1
        while k >= 0 and i - k <= 4 and kinds[k][1] != "copula":
            unknown_modifier = kinds[k][1] == "" and words[k].endswith(
                ("ing", "ed", "y", "ful", "less", "ous")
            )
            if kinds[k][1] not in ("filler", "adjective") and not unknown_modifier:
                return False
            k -= 1
        return k >= 0 and kinds[k][1] == "copula" and not broken(k, i) and not negated(max(0, k - 1), i)
    if lang == "ru":
        for k in range(i, max(-1, i - 3), -1):
            if k < i and kinds[k][1] not in ("filler", "adjective", "copula"):
                break
            if (_DASH.search(gaps[k]) or words[k] == "это") and not broken(max(0, k - 1), i):
                return not negated(k, head)
        return False
    if lang == "hy":
        k = head + 1
        while k < n and k - head <= 3 and kinds[k][1] in ("noun", "weak", "adjective", "filler"):
            k += 1
        return k < n and kinds[k][1] == "copula" and not broken(head, k) and not negated(i, k) and ends(k)
    return False


def threats(words: list[str], tokens, lang: str) -> list[tuple[int, int]]:
    """Token ranges of threats and wishes of harm."""
    if not words:
        return []
    joined, starts = "", []
    for w in words:
        starts.append(len(joined) + (1 if joined else 0))
        joined = f"{joined} {w}" if joined else w
    found = []
    probe = _THREAT_PROBES.get(lang)
    if probe is None or probe.search(joined) is None:
        return found
    for pattern in _THREAT_PATTERNS[lang]:
        for match in pattern.finditer(joined):
            first = max(0, _index(starts, match.start() + (1 if joined[match.start()] == " " else 0)))
            last = max(first, _index(starts, match.end() - 1))
            found.append((first, last))
    return found


def _index(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def score(words: list[str], tokens, original: str, lang: str) -> tuple[float, tuple[Finding, ...]]:
    """The strongest insult shape in the comment and the findings that point at it."""
    hits = find(words, tokens, original)
    scripts = {lang} | {_script(w) for w in words} - {""}
    for language in sorted(scripts):
        hits += [Hit("threat", a, b) for a, b in threats(words, tokens, language)]
    if not hits:
        return 0.0, ()
    best = max(hit.score for hit in hits)
    findings = []
    for hit in sorted(hits, key=lambda h: (-h.score, h.first)):
        if hit.score < best or len(findings) == 3:
            break
        start, end = tokens[hit.first].start, tokens[hit.last].end
        if hit.shape != "threat":  # the insult word itself, not its adjective
            start, end = tokens[hit.last].start, tokens[hit.last].end
            if classify(words[hit.last])[1] in ("person", "filler"):
                start, end = tokens[hit.first].start, tokens[hit.first].end
        if any(f.start == start for f in findings):
            continue
        findings.append(
            Finding(rule=RULE, start=start, end=end, evidence=original[start:end], key=KEY, weight=1.0)
        )
    return best, tuple(sorted(findings, key=lambda f: f.start))
