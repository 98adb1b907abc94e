"""Which language a comment is written in: English, Russian or Armenian, and whether Russian or
Armenian is typed in Latin letters.

The script decides first: Armenian letters mean Armenian, Cyrillic letters Russian (both: the
majority). Native letters decide as long as they are at least a third of the letters; otherwise the
Latin words are told apart -- English, Russian in Latin letters, Armenian in Latin letters -- by a
small character-trigram model plus lists of frequent words, both built at import from the sample
sentences below (written for Tribune; no outside data). Off-the-shelf detectors are not used: they
take Latin-typed Russian and Armenian for Slovak, Croatian or Turkish.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, repeat

from .normalize import normalize
from .types import Normalized

__all__ = ["LanguageGuess", "detect", "latin_scores"]


@dataclass(frozen=True)
class LanguageGuess:
    lang: str | None  # "en", "ru", "hy", or None when there is nothing to judge
    script: str | None  # "latin", "cyrillic", "armenian"
    translit: bool  # Russian or Armenian typed in Latin letters
    confidence: float  # in [0, 1]


NOTHING = LanguageGuess(None, None, False, 0.0)
NATIVE_SHARE = 1 / 3  # native letters at least this share of all letters: the native script decides
MAX_WORDS = 400
EVIDENCE_CAP = 40
TEMPERATURE = 0.5  # enough to judge; keeps 100 KB comments cheap

# Sample sentences, comment-like, on the topics of a news site.
_SAMPLES = {
    "en": """
        thanks for the article, very interesting read
        i don't agree with the author at all
        who is going to pay for all of this
        the government should explain why the prices keep going up
        this is exactly what we have been saying for years
        great reporting, please keep it up
        where is the evidence for these claims
        i live here and nothing has changed since last year
        they promised new roads and we still have none
        what a shame, nobody listens to the people
        the minister said the same thing last week
        can someone tell me when the new law comes into force
        we need better schools and hospitals, not more speeches
        it would be nice to hear the other side of the story
        i think this is a good decision for the country
        the photos are amazing, thank you
        how many people were at the protest yesterday
        this has nothing to do with the topic of the article
        my family moved abroad because there was no work
        let us discuss this calmly and with respect
        the report does not mention the budget at all
        honestly i expected more from this interview
        prices for food and rent are too high for pensioners
        the city should plant more trees in the centre
        why does the article not quote any experts
        good news at last, the border is open again
        they should have done this a long time ago
        i am not sure the numbers in the table are right
        please check the spelling of the village name
        everyone knows how this is going to end
        another empty promise from the authorities
        well written and balanced, thank you for your work
        the opposition has a point, but so does the government
        our neighbours are worried about the water supply
        is there a way to read the full text of the agreement
        the match last night was a disgrace
        which companies won the contract and why
        i remember when this street was full of shops
        that is not what the president said in his speech
        young people are leaving, and that worries me most
        ok, fair enough, but what about the villages
        stop blaming everyone else for your own mistakes
        nice to see some good news for a change
        so what happens next, does anyone know
        the bridge has been closed for months now
        not again, this is the third time this year
        well done to the team, they deserve it
        no way this passes in parliament
        i would like to see the full list of names
        fake news, nothing like that ever happened
        same story every winter, the gas runs out
        who cares about the ranking, fix the roads first
        bravo to the doctors who worked all night
        sad to hear that, my thoughts are with the families
        could you please add a map of the area
        the tourists love the old town, keep it clean
        a friend of mine works there and says the opposite
        this makes no sense to me
        go and ask the farmers what they think
        they never answer the hard questions
    """,
    "ru": """
        privet vsem, kak dela
        spasibo za statyu, ochen interesno
        ya s etim ne soglasen, avtor ne prav
        chto za bred, kto eto pishet
        nu i chto teper delat
        eto uzhe ne v pervyy raz
        pochemu nikto ne govorit ob etom
        ya dumayu, chto vlast dolzhna otvetit
        kak mozhno tak zhit, ceny rastut
        segodnya v erevane ochen zharko
        mne kazhetsya, eto vse politika
        horosho napisano, spasibo avtoru
        vy voobshche chitali statyu
        a gde dokazatelstva, gde fakty
        v rossii tozhe samoe proishodit
        nado chto-to menyat, tak dalshe nelzya
        ya zhivu zdes uzhe desyat let
        eto prosto uzhas, net slov
        kogda uzhe postroyat normalnuyu dorogu
        ne ponimayu, pochemu vse molchat
        davayte obsudim spokoyno
        on skazal pravdu, a emu ne poverili
        ochen zhal, chto tak poluchilos
        u nas v gorode to zhe samoe
        poka nichego ne izmenilos
        a vy kak schitaete
        mozhet byt, ono i k luchshemu
        esli chestno, mne vse ravno
        bolshoe spasibo za informaciyu
        slishkom mnogo deneg tratyat na erundu
        gde mozhno kupit bilety
        zhal, chto tak malo lyudey prishlo
        horoshaya novost, nakonec-to
        kto budet za eto otvechat
        my vse znaem, chem eto zakonchitsya
        eshche odno pustoe obeshchanie
        davno pora bylo sdelat
        ya tozhe tak dumayu
        nichego novogo, vse kak vsegda
        zachem eto nuzhno bylo
        da ladno, ne mozhet byt
        net, ya tak ne dumayu
        nu da, kak vsegda nikto ne vinovat
        molodcy rebyata, tak derzhat
        vse vrut, nikomu nelzya verit
        4to za bespredel tvoritsya
        kuda smotrit policiya i prokuratura
        zhest, prosto net slov
        ochen krasivye foto, spasibo
        pravilno sdelali, davno nado bylo
        budem zhdat, chto iz etogo vyydet
        eto pozor dlya vsey strany
        horosho skazal, polnostyu podderzhivayu
        ty prav, no ne vo vsem
        a chto budet s pensiyami
        skolko mozhno obeshchat i nichego ne delat
        luchshe by dorogi pochinili
        kto-nibud mozhet obyasnit, chto proizoshlo
        ya rodilsya v gyumri i lyublyu etot gorod
        vsem dobrogo dnya i mira
    """,
    "hy": """
        barev dzez, vonc eq
        shnorhakalutyun hodvaci hamar, shat lav er grac
        es hamadzayn chem heghinaki het
        inch es asum, du chgites inch e katarvum hayastanum
        ayo, hamadzayn em, karavarutyuny petq e hrazharakan ta
        voch, da chi kara linel, sut e
        mer erkrum amen inch lav klini
        yerevanum aysor shat shog e
        inchu en senc grum, amot e
        hayeri hamar sa karevor xndir e
        menq petq e miasin ashxatenq
        inch lav nyut e, aprek
        es karcum em vor sa chisht voroshum e
        duq inch eq mtacum ays masin
        chgitem, guce sxalvum em
        hima amen ban tankacel e
        im yerexeqy dprocum en sovorum
        qaxaqapetarany voch mi ban chi anum
        ed mardkanc mi havatacek, sut en xosum
        shat urax em vor sa kardaci
        ur en mer patgamavornery
        vaxy hanrahavaq klini hraparakum
        ays tarva byujey shat poqr e
        ete karox eq, oknecek mer gyuxin
        kyanqy hayastanum hesht chi
        vochinch chi poxvel, amen inch nuyn dzevov e
        sirum em im erkiry
        du chisht es, bayc voch amboghjovin
        mi qani ban asem u gnam
        jur chka, luys chka, inch anenq
        lav, es hetevum em ayd lurerin
        amen tari nuyn patmutyunn e
        menak paterazmi masin en xosum
        tntesutyan hamar nor orenq e petq
        hishum es, ancyal tari nuyn baneri masin ein grum
        bari gisher, hargeli ynkerner
        inchqan kareli e sut xosel
        apres hexinak, lav es grel
        es el em uzum imanal inchu
        hla mi asa, ov e sa voroshel
        ha, lav a, bayc ushacel en
        che, es ayd bann chem asel
        vay qu ara, inch es grum
        amot a, amot, urish ban chka aselu
        sax sut a, mi havatacek
        vonc kareli e senc anel
        du inch es anum, axper jan
        xaytaraka, uzhe qani tari e
        shat sirun e mer qaxaqy garnany
        chisht es asum, hamadzayn em qez het
        ed inch a katarvum mer erkrum
        hayastany hayerinn e u hayerinn klini
        menq chenq morana mer herosnerin
        ari mi qich hangist xosenq
        de lav, gna tun
        ekel en, gnacel en, voch mi ban chi poxvel
        apreq, tghaner, hpartanum enq dzerov
        ste amen inch tank e, ashxatavardzy poqr
        mard chka, voch vok chi ashxatum
        hayreniqs, qez em sirum
    """,
}

# Frequent words, each a strong hint (words shared by two languages hint at both).
_WORDS = {
    "en": """the and is are was were of to in that it this for with on not be have has had you he she i am me
        im its it's dont don't can't cannot must from into out up down over after before while
        they we what who why how but or as at by from about all an will would can should could there
        their people government article thanks thank very just more so if no yes do does did my your our
        his her them than then also only one like think know here where when which because ok sure
        good bad great nice well really never always again still even first last new old now today
        news story way time year years day work country city money life world man woman child police
        said says say see want need make made going get got any some every nothing something much many""",
    "ru": """privet spasibo eto chto shto ochen nu kak ya ty vy my on ona oni ne net da i v na s so po za
        ot do iz u k o ob no a vse vsyo uzhe tolko esli kogda tak tozhe togda zdes tam kto gde pochemu
        zachem mozhno nado nuzhno budet bylo byl byla est tut seychas sejchas teper eshche eshe dazhe vot
        ili chem tebe menya mne nas vas ih ego ee ey emu horosho khorosho ploho pravda lyudi vremya zhizn
        strana vlast prosto voobshche nichego nikto davay ladno konechno sovsem takoy kotoryy svoy etot
        eti etom chtoby potomu poka bez pro pri blin tipa vashe nashe ladno rebyata molodcy zhest
        segodnya vchera zavtra vsegda nikogda ochen luchshe huzhe mnogo malo skolko strana gorod dengi""",
    "hy": """barev barevner shnorhakalutyun merci inch inchu inchpes ches chem chi che chka ka lav vat ayo
        ha voch hayastan hayastanum hayer hay es du na menq duq nranq em e enq eq en ei er ev u vor
        bayc ete aysor hima erek vaxy vonc eli el shat qich mi ban amen inchqan ur erb karox petq asum
        gitem chgitem uzum sirum mer dzer ir im qo ays ayd ayn nuyn mec poqr nor hin tari or jam ynker
        axper jan aprek hargeli yerevan gyux qaxaq erkir zhoxovurd klini linel anel asel grel hamar
        masin het mej vra tak minchev heto araj indz qez irenc a che vay qu sax ed chenq chen ari gna
        hla de ste ara axpers kyanq hayrenik mernem apres apreq ushacel asa ekel gnal tun dzer mard""",
}

_K = 0.5  # add-k smoothing
_WORD_BONUS = 2.5  # nats per word found in a language's list


def _trigrams(word: str) -> list[str]:
    padded = f" {word} "
    return [padded[i : i + 3] for i in range(len(padded) - 2)]


def _words(text: str) -> list[str]:
    return [t.norm for t in normalize(text).tokens if t.script == "latin"]


def _train() -> tuple[dict[str, dict[str, float]], dict[str, float], dict[str, frozenset[str]]]:
    counts: dict[str, dict[str, int]] = {}
    words = {lang: frozenset(_WORDS[lang].split()) for lang in _WORDS}
    for lang, sample in _SAMPLES.items():
        c = counts.setdefault(lang, {})
        for word in _words(sample) + sorted(words[lang]):
            for g in _trigrams(word):
                c[g] = c.get(g, 0) + 1
    vocabulary = {g for c in counts.values() for g in c}
    size = len(vocabulary) + 1
    logp, unseen = {}, {}
    for lang, c in counts.items():
        total = sum(c.values()) + _K * size
        logp[lang] = {g: math.log((n + _K) / total) for g, n in c.items()}
        unseen[lang] = math.log(_K / total)
    return logp, unseen, words


_LOGP, _UNSEEN, _LISTS = _train()


def latin_scores(words: list[str]) -> dict[str, float]:
    """Log-likelihood per language ("en", "ru", "hy") of Latin words, lower-cased."""
    per_word = [_word_logp(word) if len(word) <= _LONGEST_WORD else _logp(word) for word in words]
    scores = {}
    for i, lang in enumerate(_LOGP):
        listed = _LISTS[lang]
        # the trigrams' log-probabilities added in the text's order, as one sum
        total = sum(chain.from_iterable(values[i] for values in per_word))
        scores[lang] = total + _WORD_BONUS * sum(map(listed.__contains__, words))
    return scores


_LONGEST_WORD = 64  # longer "words" are junk: not remembered


def _logp(word: str) -> tuple[tuple[float, ...], ...]:
    """The log-probability of each trigram of `word`, per language (in the order of `_LOGP`)."""
    grams = _trigrams(word)
    return tuple(
        tuple(map(logp.get, grams, repeat(_UNSEEN[lang], len(grams)))) for lang, logp in _LOGP.items()
    )


_word_logp = lru_cache(maxsize=8192)(_logp)  # about 4 MB when full


def _posterior(scores: dict[str, float], evidence: int) -> dict[str, float]:
    """Scores as probabilities, tempered so that a long comment counts as EVIDENCE_CAP trigrams:
    the model is too small to be trusted beyond that."""
    weight = min(1.0, EVIDENCE_CAP / max(evidence, 1)) * TEMPERATURE
    top = max(scores.values())
    exp = {lang: math.exp((s - top) * weight) for lang, s in scores.items()}
    z = sum(exp.values())
    return {lang: e / z for lang, e in exp.items()}


def detect(text: str | Normalized) -> LanguageGuess:
    """The comment's language. Accepts the text or its `normalize()` result. Never raises."""
    try:
        if not isinstance(text, Normalized):
            return _detect(normalize(text if isinstance(text, str) else ""))
        # Several rules ask about the same comment: the guess is kept with it, for as long as its
        # words are the ones it was made from.
        memo = getattr(text, "__dict__", None)
        if memo is None or not isinstance(text.tokens, list) or not isinstance(text.scripts, dict):
            return _detect(text)
        seen = (text.text, len(text.tokens), text.scripts)
        kept = memo.get(_KEPT)
        if kept is not None and kept[0] == seen:
            return kept[1]
        guess = _detect(text)
        memo[_KEPT] = ((seen[0], seen[1], dict(seen[2])), guess)
        return guess
    except Exception:  # a language guess must never fail a comment
        return NOTHING


_KEPT = "_language_guess"


def _detect(normalized: Normalized) -> LanguageGuess:
    letters = {s: n for s, n in normalized.scripts.items() if n > 0}
    total = sum(letters.values())
    if not total:
        return NOTHING
    native = {s: letters.get(s, 0) for s in ("armenian", "cyrillic")}
    native_total = sum(native.values())
    if native_total and native_total >= NATIVE_SHARE * total:
        script = "armenian" if native["armenian"] >= native["cyrillic"] else "cyrillic"
        lang = "hy" if script == "armenian" else "ru"
        return LanguageGuess(lang, script, False, round(letters[script] / total, 3))
    words = [t.norm for t in normalized.tokens if t.script == "latin"][:MAX_WORDS]
    words = [w.replace("'", "") for w in words if w.isalpha() or any(map(str.isalpha, w))]
    if not words:
        return NOTHING
    scores = latin_scores(words)
    evidence = sum(len(w) + 1 for w in words)
    posterior = _posterior(scores, evidence)
    lang = max(posterior, key=posterior.get)
    share = letters.get("latin", 0) / total
    return LanguageGuess(lang, "latin", lang != "en", round(posterior[lang] * share, 3))
