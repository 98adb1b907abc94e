"""The `off_topic` rule: is the comment about its article (or, for a reply, about its parent)?

The comment is the query and each article a document: its content words, light-stemmed
(`stemming.stem`), and the character 4-grams of a lossy Latin "skeleton" of each word (so that
inflection and Latin transliteration of Russian or Armenian still overlap) are matched against the
article (title counted three times), the earlier comments of the thread, the parent comment for a
reply, and the other recent articles of the site (`background`). A match is the share of the
comment's IDF-weighted features the document covers (BM25 saturation and length normalisation);
IDF comes from the article and the background together. The comment is off-topic when it is no
closer to its own article (or parent, or thread) than to the rest of the site's recent articles:
the score is a logistic of how far the best of those stays above the background reference.

The rule only flags for review; it never rejects. It does not judge comments with fewer than
`MIN_CONTENT_WORDS` content words (stop words and generic comment vocabulary do not count), nor
comments with no article, nor comments written in another script than the article (a Russian
comment under an Armenian article: lexical overlap says nothing there).

Explanation keys:
    off_topic.unrelated        The comment does not seem to be about the article it was posted under.
    off_topic.reply_unrelated  The reply seems to be about neither the comment it answers nor the article.
"""

from __future__ import annotations

import math
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence
from functools import lru_cache

from . import normalize as _normalize_module
from .stemming import stem
from .types import Article, Finding, Normalized, RuleResult

__all__ = ["FLAG_AT", "MIN_CONTENT_WORDS", "score", "similarities"]

RULE = "off_topic"
MIN_CONTENT_WORDS = 5
FLAG_AT = 0.5  # a Finding is produced from this score on
MAX_COMMENT_TOKENS = 3000  # a 100 KB comment is judged on its beginning
ARTICLE_CHARS = 20000  # and so is a very long article
TITLE_WEIGHT = 3
THREAD_DISCOUNT = 0.8  # the thread counts a little less than the article: threads drift
THREAD_LIMIT = 50  # the latest earlier comments stand for the thread
BACKGROUND_LIMIT = 40  # more would not fit the article cache below
K1, B = 1.2, 0.5
WORD_SHARE = 0.5  # weight of the stem channel against the 4-gram channel
GRAM = 4
# Calibration (on the article-swap set of the tests): score = logistic(SLOPE * (MARGIN - margin)), where
# margin = best own similarity - BACKGROUND_SHARE * background reference. Half the reference, not all
# of it: the background is a handful of articles, a noisy yardstick, and unrelated comments rarely
# belong to another article of the site.
SLOPE = 60.0
MARGIN = 0.025
BACKGROUND_SHARE = 0.5
NO_BACKGROUND_REF = 0.10  # what an unrelated article typically covers (IDF-less), when no background is given
SURE_ON_TOPIC = 0.35  # an own similarity this high is on-topic whatever the background says

# --- stop words: function words and the generic vocabulary of comments, which says nothing of topic ---


def _wordlist(text: str) -> frozenset[str]:
    return frozenset(text.split())


_STOP_EN = _wordlist("""
a about above after again against all almost also although always am among an and another any anyone
anything are aren around as at back be became because become been before being below between both but
by can cannot could couldn did didn do does doesn doing don done down during each either else enough
even ever every everyone everything few for from further get gets getting give go goes going gone got
had hadn has hasn have haven having he her here hers herself him himself his how however i if in into
is isn it its itself just least less let like made make makes many may maybe me might mine more most
much must my myself neither never no nobody none nor not nothing now of off often on once one only or
other others otherwise our ours ourselves out over own per perhaps please quite rather re really same
say says said see seem seems shall she should shouldn since so some somebody someone something sometimes
still such than that the their theirs them themselves then there these they thing things this those
though through thus to too toward towards under until up upon us very via was wasn way we well were
weren what whatever when where whether which while who whom whose why will with within without won
would wouldn yes yet you your yours yourself yourselves ve ll
agree agreed disagree think thought thinks believe know knew guess feel true truth right wrong sure
indeed exactly absolutely totally completely definitely certainly actually honestly simply basically
good great bad nice awesome terrible best worst better worse lol ok okay thanks thank article author
comment comments post read reading wrote write writes people person everybody anybody time times today
yesterday tomorrow year years day days new old lot lots big small real whole kind sort point opinion
need needs needed instead again already anymore
""")

_STOP_RU = _wordlist("""
а без более бы был была были было быть в вам вас весь во вот все всё всего всех вы где да даже для до
его ее её ей ему если есть еще ещё же за здесь и из или им их к как какая какой когда кто ли либо мне
может мы на над надо наш не него нее неё нет ни них но ну о об однако он она они оно от очень по под
при про раз с сам свой себя со так также такой там те тем то того тоже той только том ты у уже хотя
чего чей чем что чтобы чье чья эта эти это этот я ведь вообще всегда именно какие каждый кого котор
которая которые который которых кроме между много можно мой моя наверное нам нас нельзя ничего
ним них нужно оба один одна опять перед потом потому почему поэтому пусть сейчас снова совсем сюда
тебе тебя теперь тогда тут уж хоть чуть этого этой этом этому эту будет будут буду был будь бы
согласен согласна согласны думаю думать считаю кажется правда прав права правы конечно спасибо
хорошо плохо отлично хороший плохой лучше хуже статья статье статью автор автора комментарий
люди человек народ время сегодня вчера завтра год года лет день просто вообще реально очень
действительно абсолютно полностью совершенно точно мнение вопрос должен должна должно должны нужен
нужна нужны хватит пора опять снова вместо
""")

_STOP_HY = _wordlist("""
ա այդ այն այս այստեղ այնտեղ այդտեղ այնպես այսպես այդպես ամեն ամենա ամբողջ ապա արդեն բայց
բոլոր բոլորը գուցե դա դու դուք դեռ դե եթե ես են եմ ենք եք է էր էին էի էլ էլի երբ երբեք և եւ
ու իսկ ինչ ինչու ինչպես ինչքան իր իրենց իմ ինձ կամ կա կան կար կային կլինի հետ համար հետո հիմա
հենց մասին մեջ մի մեկ մենք մեզ մեր միայն մինչև մինչեւ նա նրա նրան նրանք նրանց նաև նաեւ նույն
նույնիսկ նախ ով որ որը որոնք որի որին որից որով որպես որևէ որեւէ ոչ ոչինչ չէ չի չեն չկա պետք
սա վրա տակ քո քեզ ձեր ձեզ թե թեկուզ ախր այո հա չէ լինել լինի եղել եղավ կարող կարելի կարծում
կարծեմ կարծես համաձայն եմ համաձայն չեմ շատ քիչ լավ վատ ավելի ամենալավ իհարկե իսկապես ուղղակի
պարզապես ճիշտ սխալ շնորհակալություն շնորհակալ հոդված հոդվածը հոդվածի հեղինակ մեկնաբանություն
մարդիկ մարդ ժամանակ այսօր երեկ վաղը տարի օր քան որտեղ որտեղից կլիներ լինում լինել այսպիսի այդպիսի
ինչքան հետաքրքիր տեսնենք գոնե վերջապես հուսով հույս անգամ եղել ուրեմն այնուամենայնիվ
""")

STOP_WORDS = _STOP_EN | _STOP_RU | _STOP_HY


# --- skeletons: a lossy common Latin spelling, so that "sevani" and "Սևանի" share 4-grams ---

_HY_SKELETON = {
    "ա": "a", "բ": "b", "գ": "g", "դ": "d", "ե": "e", "զ": "z", "է": "e", "ը": "", "թ": "t", "ժ": "j",
    "ի": "i", "լ": "l", "խ": "x", "ծ": "c", "կ": "k", "հ": "h", "ձ": "c", "ղ": "g", "ճ": "c", "մ": "m",
    "յ": "", "ն": "n", "շ": "S", "ո": "o", "չ": "c", "պ": "p", "ջ": "j", "ռ": "r", "ս": "s", "վ": "v",
    "տ": "t", "ր": "r", "ց": "c", "ւ": "v", "փ": "p", "ք": "k", "օ": "o", "ֆ": "f", "և": "ev",
}  # fmt: skip
_RU_SKELETON = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "j", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "x", "ц": "c", "ч": "c", "ш": "S", "щ": "S", "ъ": "", "ы": "i", "ь": "",
    "э": "e", "ю": "u", "я": "a",
}  # fmt: skip
# Latin transliteration conventions, longest first, then single letters.
_LATIN_HY = (
    ("sh", "S"), ("zh", "j"), ("kh", "x"), ("gh", "g"), ("ch", "c"), ("ts", "c"), ("tz", "c"), ("dz", "c"),
    ("ou", "u"), ("q", "k"), ("w", "v"), ("y", ""), ("'", ""),
)  # fmt: skip
_LATIN_RU = (
    ("shch", "S"), ("sch", "S"), ("sh", "S"), ("zh", "j"), ("kh", "x"), ("ch", "c"), ("ts", "c"), ("tz", "c"),
    ("ya", "a"), ("ja", "a"), ("yu", "u"), ("ju", "u"), ("yo", "o"), ("jo", "o"), ("ye", "e"), ("je", "e"),
    ("h", "x"), ("w", "v"), ("y", "i"), ("j", "i"), ("q", "k"), ("'", ""),
)  # fmt: skip


def _squeeze(s: str) -> str:
    out = []
    for ch in s:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def _skeleton(word: str, latin_as: str) -> str:
    """A lossy Latin spelling of `word`; Latin words are read as transliterated `latin_as`."""
    ch = word[0]
    code = ord(ch)
    if 0x0530 <= code <= 0x058F:
        word = word.replace("ու", "u")
        if word.startswith("ո"):
            word = "vo" + word[1:]
        return _squeeze("".join(_HY_SKELETON.get(c, c) for c in word))
    if 0x0400 <= code <= 0x04FF:
        return _squeeze("".join(_RU_SKELETON.get(c, c) for c in word))
    if latin_as == "hy":
        for a, b in _LATIN_HY:
            word = word.replace(a, b)
    elif latin_as == "ru":
        for a, b in _LATIN_RU:
            word = word.replace(a, b)
    return _squeeze(word)


def _grams(skel: str) -> list[str]:
    padded = f"^{skel}$"
    if len(padded) <= GRAM:
        return [padded]
    return [padded[i : i + GRAM] for i in range(len(padded) - GRAM + 1)]


def _script(word: str) -> str:
    for ch in word:
        code = ord(ch)
        if 0x0530 <= code <= 0x058F:
            return "armenian"
        if 0x0400 <= code <= 0x04FF:
            return "cyrillic"
        if ch.isascii() and ch.isalpha():
            return "latin"
    return "other"


def _content_words(tokens: Iterable[str], latin_as: str = "en") -> list[str]:
    """The words that can carry a topic. Under a Russian or Armenian article a Latin word is also
    checked as transliterated ("shat" is "շատ", a stop word)."""
    translit = _transliterator() if latin_as in ("ru", "hy") else None
    out = []
    for word in tokens:
        if len(word) < 3 or word in STOP_WORDS or not (word.isalpha() or any(map(str.isalpha, word))):
            continue
        if translit is not None and word.isascii() and _native(translit, word, latin_as) in STOP_WORDS:
            continue
        out.append(word)
    return out


def _transliterator():
    return getattr(_normalize_module, "transliterate", None)


def _native(translit, word: str, lang: str) -> str | None:
    try:
        return translit(word, lang)
    except Exception:  # a normaliser bug must not take the rule down
        return None


_LANG_OF_SCRIPT = {"armenian": "hy", "cyrillic": "ru", "latin": "en"}


def _dominant_script(words: Iterable[str]) -> str | None:
    counts = Counter(_script(w) for w in words)
    counts.pop("other", None)
    return counts.most_common(1)[0][0] if counts else None


# --- documents: cached feature counts of articles, parents and threads ---


class _Doc:
    __slots__ = ("grams", "n_grams", "n_words", "script", "words")

    def __init__(self, words: Counter, grams: Counter, script: str | None):
        self.words = words
        self.grams = grams
        self.n_words = sum(words.values())
        self.n_grams = sum(grams.values())
        self.script = script


class _LRU:
    def __init__(self, size: int):
        self.size = size
        self.items: OrderedDict = OrderedDict()

    def get(self, key, build):
        value = self.items.get(key)
        if value is not None:
            self.items.move_to_end(key)
            return value
        value = build()
        self.items[key] = value
        if len(self.items) > self.size:
            self.items.popitem(last=False)
        return value

    def clear(self) -> None:
        self.items.clear()


# Keyed by the texts themselves (a string's hash is computed once per string object).
_ARTICLES = _LRU(64)  # the article and ~20 background articles stay warm from comment to comment
_SHORT = _LRU(1024)  # parents and thread comments


def _words_of(text: str) -> list[str]:
    return [t.norm for t in _normalize_module.normalize(text).tokens]


def _build_doc(parts: tuple[tuple[str, int], ...], latin_as: str | None) -> _Doc:
    """`latin_as`: how to read Latin words (None: by the document's own dominant script)."""
    words: Counter = Counter()
    grams: Counter = Counter()
    all_content = [(_content_words(_words_of(text[:ARTICLE_CHARS])), weight) for text, weight in parts]
    script = _dominant_script(w for content, _ in all_content for w in content)
    if latin_as is None:
        latin_as = _LANG_OF_SCRIPT.get(script or "", "en")
    for content, weight in all_content:
        for word in content:
            words[stem(word)] += weight
            for g in _grams(_skeleton(word, latin_as)):
                grams[g] += weight
    return _Doc(words, grams, script)


def _article_doc(article: Article | str) -> _Doc:
    if isinstance(article, str):
        parts = ((article, 1),)
    else:
        title = article.title if isinstance(article.title, str) else str(article.title or "")
        body = article.body if isinstance(article.body, str) else str(article.body or "")
        parts = ((title, 1),) if not body.strip() else ((title, TITLE_WEIGHT), (body, 1))
    return _ARTICLES.get(parts, lambda: _build_doc(parts, None))


def _comment_doc(text: str, latin_as: str) -> _Doc:
    """A parent or thread comment, its Latin words read as the article's language."""
    return _SHORT.get((text, latin_as), lambda: _build_doc(((text, 1),), latin_as))


def _merged(docs: Sequence[_Doc]) -> _Doc:
    words: Counter = Counter()
    grams: Counter = Counter()
    for d in docs:
        words.update(d.words)
        grams.update(d.grams)
    return _Doc(words, grams, None)


# --- similarity ---


def _comment_features(words: list[str], latin_as: str, collection: list[_Doc]) -> tuple[Counter, Counter]:
    """The comment's stem and 4-gram counts. A Latin word under a Russian or Armenian article is
    taken in the native script when `normalize.transliterate` exists and that form is known to the
    site's articles; an unknown Latin form is left to the 4-gram channel only."""
    translit = _transliterator() if latin_as in ("ru", "hy") else None
    stems: Counter = Counter()
    grams: Counter = Counter()
    every_gram: list[str] = []
    for word in words:
        if latin_as in ("ru", "hy") and _script(word) == "latin":
            candidates = []
            if translit is not None:
                native = _native(translit, word, latin_as)
                if native and native != word:
                    candidates.append(stem(native))
            candidates.append(stem(word))
            known = next((s for s in candidates if any(s in d.words for d in collection)), None)
            if known is not None:
                stems[known] += 1
            elif translit is not None and len(candidates) > 1:
                stems[candidates[0]] += 1
        else:
            stems[stem(word)] += 1
        every_gram.extend(
            _word_grams(word, latin_as) if len(word) <= 64 else _grams(_skeleton(word, latin_as))
        )
    grams.update(every_gram)  # counted in the order met, as one by one
    return stems, grams


@lru_cache(maxsize=8192)  # about 5 MB when full
def _word_grams(word: str, latin_as: str) -> tuple[str, ...]:
    return tuple(_grams(_skeleton(word, latin_as)))


def _idf(features: Counter, collection: list[_Doc], attr: str) -> dict[str, float]:
    n = len(collection)
    if n < 3:
        return dict.fromkeys(features, 1.0)
    tables = [getattr(d, attr) for d in collection]
    out = {}
    for f in features:
        df = sum(1 for t in tables if f in t)
        out[f] = math.log(1.0 + (n - df + 0.5) / (df + 0.5))
    return out


def _weights(query: Counter, idf: dict[str, float]) -> tuple[list[tuple[str, float]], float]:
    """Each of the comment's features with its weight (log-scaled count × rarity), and their sum:
    the same for every document the comment is compared with, so worked out once."""
    weights = []
    total = 0.0
    for f, tf in query.items():
        w = (1.0 + math.log(tf)) * idf[f]
        weights.append((f, w))
        total += w
    return weights, total


def _coverage(
    weighted: tuple[list[tuple[str, float]], float], table: Counter, length: int, avg_len: float
) -> float:
    weights, total = weighted
    matched = 0.0
    norm = K1 * (1.0 - B + B * (length / avg_len if avg_len > 0 else 1.0))
    get = table.get
    for f, w in weights:
        tf_d = get(f)
        if tf_d:
            matched += w * tf_d / (tf_d + norm)
    return matched / total if total > 0 else 0.0


def _similarity(q_words, q_grams, doc: _Doc, avg_w: float, avg_g: float) -> float:
    """`q_words`, `q_grams`: the comment's weighted features (`_weights`), or None where it has none."""
    sims, shares = [], []
    if q_words:
        sims.append(_coverage(q_words, doc.words, doc.n_words, avg_w))
        shares.append(WORD_SHARE)
    if q_grams:
        sims.append(_coverage(q_grams, doc.grams, doc.n_grams, avg_g))
        shares.append(1.0 - WORD_SHARE)
    if not sims:
        return 0.0
    return sum(s * w for s, w in zip(sims, shares, strict=True)) / sum(shares)


def similarities(
    words: list[str],
    *,
    lang: str,
    article: Article,
    thread: Sequence[str] = (),
    parent: str | None = None,
    background: Sequence[Article] = (),
) -> dict:
    """The comment's similarity to its article, thread, parent and to each background article.
    `words` are the comment's normalised tokens. Exposed for calibration and tests."""
    return _similarities(words, None, lang, article, thread, parent, background)


def _similarities(words, content, lang, article, thread, parent, background) -> dict:
    """`similarities`, given the comment's content words as `_content_words` reads them under this
    article (None: found here)."""
    own = _article_doc(article)
    bg_docs = []
    seen = {id(own)}
    for other in list(background or ())[:BACKGROUND_LIMIT]:
        if other is None:
            continue
        d = _article_doc(other)
        if id(d) not in seen:
            seen.add(id(d))
            bg_docs.append(d)
    collection = [own, *bg_docs]
    latin_as = _latin_as(own, lang)
    if content is None:
        content = _content_words(words, latin_as)
    content = content[:MAX_COMMENT_TOKENS]
    q_words, q_grams = _comment_features(content, latin_as, collection)
    weighted_w = _weights(q_words, _idf(q_words, collection, "words")) if q_words else None
    weighted_g = _weights(q_grams, _idf(q_grams, collection, "grams")) if q_grams else None
    avg_w = sum(d.n_words for d in collection) / len(collection)
    avg_g = sum(d.n_grams for d in collection) / len(collection)

    def sim(doc: _Doc) -> float:
        return _similarity(weighted_w, weighted_g, doc, avg_w, avg_g)

    out = {
        "article": sim(own),
        "background": [sim(d) for d in bg_docs],
        "thread": None,
        "parent": None,
        "content_words": len(content),
    }
    thread_texts = [t for t in thread or () if isinstance(t, str) and t.strip()][-THREAD_LIMIT:]
    if thread_texts:
        out["thread"] = sim(_merged([_comment_doc(t, latin_as) for t in thread_texts]))
    if isinstance(parent, str) and parent.strip():
        out["parent"] = sim(_comment_doc(parent, latin_as))
    return out


def _latin_as(own: _Doc, lang: str) -> str:
    """How to read the comment's Latin words: as transliterated Russian or Armenian under a Russian
    or Armenian article."""
    return _LANG_OF_SCRIPT.get(own.script or "", lang if lang in ("ru", "hy") else "en")


def _reference(background: list[float]) -> float:
    """What the comment covers of articles it does not belong to: between the mean of the closest
    few and the closest one (a sibling article on the same story must not alone make it off-topic)."""
    if not background:
        return NO_BACKGROUND_REF
    top = sorted(background, reverse=True)[:3]
    return 0.5 * top[0] + 0.5 * (sum(top) / len(top))


def _logistic(x: float) -> float:
    if x < -60:
        return 0.0
    if x > 60:
        return 1.0
    return 1.0 / (1.0 + math.exp(-x))


def _unjudged() -> RuleResult:
    return RuleResult(score=0.0, findings=(), judged=False)


def score(
    normalized: Normalized,
    *,
    lang: str,
    article: Article | None = None,
    thread: Sequence[str] = (),
    parent: str | None = None,
    background: Sequence[Article] = (),
    **context,
) -> RuleResult:
    """How likely the comment is off-topic, in [0, 1]; see the module docstring."""
    try:
        return _score(normalized, lang, article, thread, parent, background)
    except Exception:  # the contract: a rule never raises; an unexpected input is simply not judged
        return _unjudged()


def _score(normalized, lang, article, thread, parent, background) -> RuleResult:
    if article is None or normalized is None:
        return _unjudged()
    words = [t.norm for t in normalized.tokens[: MAX_COMMENT_TOKENS * 3]]
    if len(_content_words(words)) < MIN_CONTENT_WORDS:
        return _unjudged()  # cheap first look, before the article is read
    own = _article_doc(article)
    if own.script is None:
        return _unjudged()
    content = _content_words(words, _latin_as(own, lang))
    if len(content) < MIN_CONTENT_WORDS:
        return _unjudged()
    comment_script = _dominant_script(content)
    if comment_script != own.script:
        if comment_script != "latin":
            return _unjudged()  # another language: lexical overlap cannot tell
        if lang == "en":
            return _unjudged()  # an English comment under a Russian or Armenian article
    sims = _similarities(words, content, lang, article, thread, parent, background)
    best = sims["article"]
    if sims["thread"] is not None:
        best = max(best, THREAD_DISCOUNT * sims["thread"])
    is_reply = sims["parent"] is not None
    if is_reply:
        best = max(best, sims["parent"])
    margin = best - BACKGROUND_SHARE * _reference(sims["background"])
    value = _logistic(SLOPE * (MARGIN - margin))
    if best >= SURE_ON_TOPIC:
        value = min(value, 0.1)
    value = round(value, 4)
    findings = ()
    if value >= FLAG_AT:
        key = "off_topic.reply_unrelated" if is_reply else "off_topic.unrelated"
        text = normalized.original or ""
        findings = (Finding(RULE, 0, len(text), evidence="", key=key),)
    return RuleResult(score=value, findings=findings, judged=True)
