"""The `off_topic` rule: article-swap ROC-AUC per language, tricky cases, odd inputs, speed.

The article-swap set below is hand-written for these tests: four short articles per language on
distinct topics, and six on-topic comments for each (agreeing, disagreeing, asking, in other words
than the article). Each comment is scored against its own article (on-topic) and against every other
article of its language (off-topic), with the site's other articles as background.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st

from tribune.houserules import off_topic
from tribune.houserules.normalize import normalize
from tribune.houserules.stemming import stem
from tribune.houserules.types import Article, RuleResult

A = Article

ARTICLES: dict[str, list[tuple[Article, list[str]]]] = {
    "en": [
        (
            A(
                "Yerevan metro to get two new stations by 2028",
                "The city council approved the plan to extend the Yerevan metro line beyond Garegin Nzhdeh "
                "Square with two new stations in the Ajapnyak and Shengavit districts. Construction of the "
                "tunnels is to start next spring and cost an estimated 180 million dollars, financed partly "
                "by a loan from the Asian Development Bank. Officials said trains would run every four "
                "minutes at peak hours after the extension, and that the ageing rolling stock would be "
                "replaced with new carriages. Residents of Ajapnyak have waited for a metro connection since "
                "the 1980s, when the project was first drawn up and then abandoned.",
            ),
            [
                "Finally! My commute from Ajapnyak takes over an hour by minibus, an underground line "
                "would change everything.",
                "180 million for two stations sounds inflated. Who audits these loans and the tunnel "
                "contractors?",
                "Will the new carriages have air conditioning? The old Soviet trains are unbearable in July.",
                "They promised this extension in the eighties and again in 2010. I'll believe it when I "
                "ride the train.",
                "Digging tunnels in Shengavit under all those old buildings... has anyone checked the "
                "seismic risk?",
                "Better to spend the money on buses and trams, the subway only covers a small part of the "
                "city.",
            ],
        ),
        (
            A(
                "Apricot exports hit a record as the harvest recovers",
                "Armenia exported 42,000 tonnes of fresh apricots in the first two months of the season, "
                "the ministry of economy reported, a record since independence. Most of the fruit went to "
                "Russia by truck through the Upper Lars checkpoint, while growers in the Ararat valley also "
                "found new buyers in the United Arab Emirates via air cargo. Last year spring frosts "
                "destroyed much of the crop. Farmers complain that the purchase prices offered by "
                "wholesalers fell to 250 drams per kilogram, barely covering the cost of picking and "
                "packaging.",
            ),
            [
                "250 drams a kilo is robbery, the farmers do all the work and the middlemen take the profit.",
                "Upper Lars is closed half the time, trucks full of fruit rot in the queue. We need other "
                "routes.",
                "Our Ararat valley apricot is the best in the world, glad buyers in the Emirates discovered "
                "it.",
                "Why sell fresh fruit cheaply instead of drying it and making jam here? More value would "
                "stay in the country.",
                "After the frost last spring my uncle lost his entire orchard, good that the harvest came "
                "back.",
                "Depending on the Russian market for the whole crop is dangerous, one political decision "
                "and the trade stops.",
            ],
        ),
        (
            A(
                "Young grandmaster wins the Yerevan chess open",
                "Eighteen-year-old grandmaster Aram Hakobyan won the Yerevan Open on Sunday, finishing with "
                "7.5 points out of 9 after a tense draw in the final round against the Indian top seed. The "
                "tournament at the Chess House gathered 140 players from 25 countries. Hakobyan's "
                "performance rating of 2780 will lift him into the world's top 100. Chess has been a "
                "compulsory school subject in Armenia since 2011, and the federation credits the programme "
                "with a new generation of strong players.",
            ),
            [
                "A performance of 2780 at eighteen is remarkable, he could be our next Aronian.",
                "The last game was very cautious, both players were happy with a draw from the opening.",
                "Teaching it in schools was the best decision, my daughter loves the lessons and plays "
                "online every evening.",
                "Too bad the prize fund was so small, strong players from Europe skipped the event.",
                "Does anyone know where the games can be replayed? I want to see the Sicilian from round six.",
                "Compulsory chess lessons are overrated, kids need more mathematics and sport, not another "
                "board game.",
            ],
        ),
        (
            A(
                "Yerevan jazz festival opens on Friday",
                "The Yerevan International Jazz Festival opens on Friday with an open-air concert on Freedom "
                "Square, featuring the Armenian State Jazz Orchestra and guest musicians from France, "
                "Georgia and the United States. Over ten days, 30 concerts will be held in clubs and the "
                "philharmonic hall; tickets for the closing night with pianist Tigran Hamasyan sold out "
                "within hours. The organisers have added free afternoon jam sessions for students and a "
                "workshop on improvisation.",
            ),
            [
                "Tickets for Hamasyan gone in an hour again, resellers are asking triple the price online.",
                "The open-air show last year had terrible sound, I hope they fix the speakers this time.",
                "Great that students get free jam sessions, young musicians need a stage to improvise.",
                "Jazz in Yerevan has a long history, the state orchestra was founded back in Soviet times.",
                "Thirty concerts in ten days and not a single one in Gyumri or Vanadzor. Culture is not "
                "only for the capital.",
                "Honestly this kind of music is for a small elite, most listeners would prefer a folk or pop "
                "concert.",
            ],
        ),
    ],
    "ru": [
        (
            A(
                "Уровень Севана упал на 18 сантиметров за год",
                "Уровень воды в озере Севан за последний год снизился на 18 сантиметров, сообщили в "
                "министерстве окружающей среды. Причинами специалисты называют засушливое лето и забор воды "
                "для орошения полей Араратской долины. Экологи предупреждают, что при дальнейшем падении "
                "уровня усилится цветение водорослей, которое уже второй год подряд наблюдается у побережья. "
                "Правительство обещает ограничить сброс воды из озера и ускорить строительство тоннеля "
                "Воротан–Арпа, по которому в Севан должна поступать дополнительная вода.",
            ),
            [
                "Каждое лето одно и то же: сливают воду на полив, а потом удивляются, что вода зеленеет.",
                "Я в детстве купался у Шоржи, сейчас там берег ушёл на десятки метров. Больно смотреть.",
                "Тоннель Арпа обещают закончить уже лет двадцать. Кто-нибудь вообще следит за этими "
                "работами?",
                "А фермерам чем поливать? Без воды из озера урожай в долине просто сгорит.",
                "Водоросли — это следствие стоков из сёл и гостиниц на берегу, а не только падения воды.",
                "Может, хватит паниковать? 18 см за засушливый год — не катастрофа, в дождливые годы озеро "
                "поднимается.",
            ],
        ),
        (
            A(
                "Из Звартноца откроют прямые рейсы в Милан и Барселону",
                "С июня из ереванского аэропорта Звартноц начнут выполняться прямые рейсы в Милан и "
                "Барселону, сообщила авиакомпания. Полёты будут два раза в неделю, билеты в одну сторону "
                "стоят от 60 евро. В прошлом году аэропорт обслужил более шести миллионов пассажиров, а к "
                "зиме планируется открыть новый терминал прилёта. Туроператоры рассчитывают, что новые "
                "направления привлекут европейских туристов.",
            ),
            [
                "Наконец-то можно будет слетать в Испанию без пересадки в Москве или Стамбуле.",
                "60 евро — это без багажа, конечно. С чемоданом выйдет втрое дороже.",
                "Два раза в неделю мало, хотелось бы летать в Италию ежедневно.",
                "Новый терминал нужен срочно, на паспортном контроле ночью очереди по часу.",
                "Европейцы к нам и так едут, а вот цены на гостиницы в Ереване уже выше, чем в Праге.",
                "Лоукостеры часто отменяют рейсы в последний момент, я бы не стал на них рассчитывать.",
            ],
        ),
        (
            A(
                "Пожар в Хосровском заповеднике потушен через трое суток",
                "Пожар в Хосровском заповеднике, охвативший около 120 гектаров леса и степи, удалось "
                "потушить спустя трое суток. В тушении участвовали спасатели, военные и добровольцы, а также "
                "вертолёт, сбрасывавший воду. По предварительным данным, огонь начался из-за незатушенного "
                "костра туристов. Сотрудники заповедника оценивают ущерб для популяций безоаровых козлов и "
                "редких птиц, гнездящихся на скалах.",
            ),
            [
                "Спасибо добровольцам, ребята трое суток не спали и рисковали жизнью.",
                "Опять туристы с шашлыками. Надо запретить разводить огонь в охраняемых зонах и штрафовать.",
                "Один вертолёт на всю страну, это позор. Почему нет нормальной авиации для тушения?",
                "Безоаровых козлов и так осталось мало, надеюсь, животные успели уйти в горы.",
                "Странно, что сразу обвинили отдыхающих. Может, это был поджог ради земли под застройку?",
                "Лес восстанавливается десятилетиями, нужно сразу начать посадки саженцев на выгоревших "
                "склонах.",
            ],
        ),
        (
            A(
                "Зарплаты учителей вырастут на 20 процентов с сентября",
                "Правительство утвердило повышение заработной платы школьных учителей на 20 процентов с 1 "
                "сентября. Средняя зарплата учителя составит около 250 тысяч драмов. Одновременно вводится "
                "обязательная аттестация: педагоги, успешно сдавшие экзамен, получат дополнительную "
                "надбавку. Профсоюз работников образования считает, что повышения недостаточно, чтобы "
                "привлечь в школы молодых специалистов, особенно в сельских районах.",
            ),
            [
                "250 тысяч при нынешних ценах — всё равно копейки, на такие деньги в Ереване не прожить.",
                "Аттестация — правильная идея, пусть преподают те, кто знает свой предмет.",
                "Моя мама 30 лет работает в сельской школе, экзамен для неё в таком возрасте — унижение.",
                "В деревнях школы пустеют, молодые педагоги не поедут туда даже за двойную ставку.",
                "Главное не деньги, а нагрузка: бумажная работа и отчёты съедают всё время на уроки.",
                "Хорошо, что хоть что-то сделали, учителям не повышали оклады много лет, а цены росли.",
            ],
        ),
    ],
    "hy": [
        (
            A(
                "Արենիում կանցկացվի ամենամյա գինու փառատոնը",
                "Հոկտեմբերի առաջին շաբաթ օրը Վայոց ձորի Արենի գյուղում տեղի կունենա ավանդական գինու "
                "փառատոնը։ Մասնակցելու են ավելի քան հիսուն գինեգործներ, որոնք կներկայացնեն տնական և "
                "գործարանային գինիներ, այդ թվում՝ արենի սև խաղողից պատրաստված։ Այցելուների համար "
                "նախատեսված են համերգներ, ազգային պարեր և խաղողի ճզմման ավանդական արարողություն։ "
                "Կազմակերպիչները սպասում են մոտ քսան հազար հյուրի, այդ թվում՝ արտասահմանցի "
                "զբոսաշրջիկների։ Երևանից Արենի կգործեն հատուկ ավտոբուսներ։",
            ),
            [
                "Անցյալ տարի գնացել էինք, գյուղացիների տնական գինին շատ ավելի համեղ էր, քան գործարանայինը։",
                "Քսան հազար մարդ փոքրիկ գյուղում, ճանապարհը նորից խցանված կլինի ու կայանատեղի չի լինի։",
                "Մուտքն անվճա՞ր է, թե՞ տոմսեր են վաճառում, և երեխաներով կարելի՞ է գալ գինու տոնին։",
                "Արենիի սև խաղողը մեր հպարտությունն է, աշխարհի ամենահին գինու մառանն էլ հենց այնտեղ է "
                "գտնվել։",
                "Փառատոնը դարձել է խմելու տոն, երիտասարդները գալիս են միայն հարբելու համար։",
                "Լավ կլիներ, որ Վայոց ձորի գինեգործներին օգնեին նաև արտահանման հարցում, ոչ միայն "
                "տոնավաճառով։",
            ],
        ),
        (
            A(
                "Գառնիի տաճարը փակվում է վերանորոգման համար",
                "Մշակույթի նախարարությունը հայտարարել է, որ Գառնիի հեթանոսական տաճարը երեք ամսով փակ "
                "կլինի այցելուների համար։ Այդ ընթացքում մասնագետները կամրացնեն սյուները, կմաքրեն քարե "
                "պատերը և կփոխեն տանիքի ջրահեռացման համակարգը։ Աշխատանքները կֆինանսավորվեն պետական "
                "բյուջեից և եվրոպական դրամաշնորհով՝ ընդհանուր առմամբ 400 միլիոն դրամ։ Տաճարի շրջակայքում "
                "գործող հյուրատներն ու ռեստորանները մտահոգված են, որ զբոսաշրջիկների հոսքը կնվազի։",
            ),
            [
                "Սյուների վիճակն իսկապես վատ է, վերջին անգամ տեսա, որ քարերը ճաքճքել են։",
                "Ամռանը փակել ամենաայցելվող հուշարձանը՝ ամենաանհաջող որոշումն է, պետք էր ձմռանը անել։",
                "Գյուղի հյուրատների տերերը կվնասվեն, պետությունը պետք է փոխհատուցի նրանց։",
                "Չորս հարյուր միլիոնը ո՞ւր է գնալու, հետաքրքիր է՝ մրցույթով են ընտրել կապալառուին։",
                "Գոնե Գառնու կիրճը և Բազալտե սիմֆոնիան բաց կմնան, զբոսաշրջիկները կարող են այնտեղ գնալ։",
                "Հուսով եմ՝ վերականգնողները չեն փչացնի հնագույն տեսքը, ինչպես եղավ մի քանի եկեղեցիների "
                "դեպքում։",
            ],
        ),
        (
            A(
                "Եվս քառասուն դպրոց սեյսմիկ ամրացում կանցնի",
                "Կառավարությունը հաստատել է ծրագիր, որով առաջիկա երկու տարում կամրացվեն կամ նորից "
                "կկառուցվեն քառասուն դպրոցական շենքեր Շիրակի և Լոռու մարզերում։ Փորձագետների "
                "գնահատմամբ՝ հանրապետության դպրոցների մեկ երրորդը չի համապատասխանում "
                "երկրաշարժադիմացկունության ժամանակակից պահանջներին։ Աշխատանքների ընթացքում աշակերտները "
                "ժամանակավորապես կսովորեն հարևան դպրոցներում կամ մոդուլային դասասենյակներում։ 1988 "
                "թվականի Սպիտակի երկրաշարժից հետո սա ամենախոշոր նման ծրագիրն է։",
            ),
            [
                "Գյումրիում երեխաներս սովորում են մի շենքում, որի պատերը ճաքած են դեռ 88-ից, վերջապես։",
                "Մոդուլային դասասենյակները ձմռանը սառն են լինում, երեխաները կհիվանդանան։",
                "Ինչու՞ միայն Շիրակ և Լոռի, Երևանի հին դպրոցներն էլ վտանգավոր են երկրաշարժի դեպքում։",
                "Երկու տարում քառասուն շենք՝ անիրատեսական է, շինարարները սովորաբար ուշացնում են։",
                "Սպիտակի ողբերգությունից հետո երեսուն տարի է անցել, իսկ մենք դեռ ամրացնում ենք։",
                "Կարևորը, որ շինանյութի վրա չխնայեն և վերահսկողությունը լինի անկախ ինժեներների կողմից։",
            ],
        ),
        (
            A(
                "Երևանի փողոցներում կշրջեն նոր էլեկտրական ավտոբուսներ",
                "Երևանի քաղաքապետարանը Չինաստանից ձեռք է բերել հիսուն էլեկտրական ավտոբուս, որոնք "
                "գարնանից կսպասարկեն կենտրոնը Դավթաշենի և Նոր Նորքի հետ կապող երթուղիները։ Յուրաքանչյուր "
                "ավտոբուս մեկ լիցքավորմամբ կարող է անցնել 250 կիլոմետր։ Վարորդների համար կազմակերպվել են "
                "վերապատրաստման դասընթացներ, իսկ ավտոպարկում կտեղադրվեն լիցքավորման կայաններ։ Ուղեվարձը "
                "կմնա նույնը՝ 100 դրամ։",
            ),
            [
                "Նոր Նորքից կենտրոն ամեն առավոտ սպասում ենք կես ժամ, հուսով եմ՝ հաճախականությունը կավելանա։",
                "Չինական տեխնիկան ձմռանը հաճախ է փչանում, տեսնենք՝ մարտկոցները ցրտին ինչքան կդիմանան։",
                "Լիցքավորման կայանների համար հոսանքը որտեղի՞ց են վերցնելու, էլի ներմուծված գազով արտադրված։",
                "Հարյուր դրամը պահպանել են՝ լավ որոշում է, թոշակառուների համար կարևոր է։",
                "Հիսուն մեքենան քիչ է այսպիսի մեծ քաղաքի համար, հին միկրոավտոբուսները դեռ կմնան։",
                "Կանաչ տրանսպորտը լավ է, բայց ավելի լավ կլիներ հատուկ գծեր առանձնացնել, որ խցանումների "
                "մեջ չկանգնեն։",
            ],
        ),
    ],
}

ALL_ARTICLES = [article for lang in ARTICLES for article, _ in ARTICLES[lang]]

# Comments about nothing on the site: a rant, sport, a neighbour, prices. Off-topic under any article.
GENERIC: dict[str, list[str]] = {
    "en": [
        "The government is corrupt and the prime minister lies to us every single day. Resign already, "
        "nobody trusts you anymore!",
        "Did anyone watch the football match last night? Our national team defended terribly in the "
        "second half.",
        "My neighbour keeps parking his car across the entrance of our building and the police do "
        "nothing about it.",
        "Prices in supermarkets have doubled since winter, bread and cheese cost a fortune now, "
        "pensioners cannot survive.",
    ],
    "ru": [
        "Власти только воруют и врут, все министры должны уйти в отставку, народ устал от этой коррупции!",
        "Кто смотрел вчера футбол? Наша сборная опять проиграла, вратарь пропустил три мяча.",
        "Соседи сверху третью неделю делают ремонт и сверлят стены по ночам, полиция не реагирует.",
        "Цены в магазинах выросли вдвое, хлеб и сыр стоят как в Европе, пенсионеры едва выживают.",
    ],
    "hy": [
        "Այս իշխանությունները միայն ստում են ու թալանում, վարչապետը պետք է անհապաղ հրաժարական տա։",
        "Երեկ ֆուտբոլ նայե՞լ եք, մեր հավաքականը նորից պարտվեց, դարպասապահը երեք գոլ բաց թողեց։",
        "Հարևանս ամեն գիշեր մեքենան կայանում է մեր մուտքի դիմաց, ոստիկանությունը ոչինչ չի անում։",
        "Խանութներում գները կրկնապատկվել են, հացն ու պանիրը թանկ են, թոշակառուները հազիվ են ապրում։",
    ],
}


def roc_auc(scores: list[float], labels: list[int]) -> float:
    """P(score of a random positive > score of a random negative), ties counting one half."""
    pos = [s for s, y in zip(scores, labels, strict=True) if y]
    neg = [s for s, y in zip(scores, labels, strict=True) if not y]
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def swap_pairs(lang: str, *, own_in_background: bool = True):
    """(off-topic score, label) for every comment of `lang` against its own article (label 0) and
    against each other article of its language (label 1). The background is the site's other
    articles; with `own_in_background=False`, a swapped comment's true article is left out of it too."""
    out = []
    for own, comments in ARTICLES[lang]:
        for comment in comments:
            for target, _ in ARTICLES[lang]:
                excluded = {id(target)} if own_in_background else {id(target), id(own)}
                background = [a for a in ALL_ARTICLES if id(a) not in excluded]
                result = off_topic.score(normalize(comment), lang=lang, article=target, background=background)
                out.append((result, int(target is not own), comment))
    return out


@pytest.mark.parametrize("lang", ["en", "ru", "hy"])
@pytest.mark.parametrize("own_in_background", [True, False], ids=["own-in-bg", "own-not-in-bg"])
def test_article_swap_roc_auc(lang, own_in_background):
    pairs = swap_pairs(lang, own_in_background=own_in_background)
    assert all(result.judged for result, _, _ in pairs)
    auc = roc_auc([r.score for r, _, _ in pairs], [y for _, y, _ in pairs])
    assert auc >= 0.85, f"{lang}: ROC-AUC {auc:.3f}"


@pytest.mark.parametrize("lang", ["en", "ru", "hy"])
def test_swap_at_the_flag_threshold(lang):
    """Most on-topic comments are left alone and most swapped ones flagged, at the default threshold."""
    pairs = swap_pairs(lang)
    on = [r for r, y, _ in pairs if not y]
    off = [r for r, y, _ in pairs if y]
    assert sum(bool(r.findings) for r in on) <= len(on) // 4
    assert sum(bool(r.findings) for r in off) >= len(off) * 2 // 3


def generic_pairs(lang: str):
    """(off-topic score, label) for the on-topic comments under their article (0) and the generic
    ones under every article of the language (1), the other articles as background."""
    out = []
    for own, comments in ARTICLES[lang]:
        background = [a for a in ALL_ARTICLES if a is not own]
        for text, label in [(c, 0) for c in comments] + [(g, 1) for g in GENERIC[lang]]:
            result = off_topic.score(normalize(text), lang=lang, article=own, background=background)
            out.append((result.score, label))
    return out


@pytest.mark.parametrize("lang", ["en", "ru", "hy"])
def test_generic_comments_are_flagged(lang):
    pairs = generic_pairs(lang)
    assert roc_auc([s for s, _ in pairs], [y for _, y in pairs]) >= 0.85
    generic = [s for s, y in pairs if y]
    assert sum(s >= off_topic.FLAG_AT for s in generic) >= len(generic) * 3 // 4


def _article(lang: str, i: int) -> Article:
    return ARTICLES[lang][i][0]


def _others(*articles: Article) -> list[Article]:
    return [a for a in ALL_ARTICLES if all(a is not x for x in articles)]


def _score(text: str, lang: str, article: Article | None, **kw) -> RuleResult:
    kw.setdefault("background", _others(article) if article is not None else ())
    return off_topic.score(normalize(text), lang=lang, article=article, **kw)


# --- tricky cases ---


def test_short_reply_is_not_judged():
    parent = "The metro extension is a waste of money, buses would serve Ajapnyak better."
    result = _score("I agree with you", "en", _article("en", 0), parent=parent)
    assert result == RuleResult(score=0.0, findings=(), judged=False)


def test_government_rant_under_apricots_is_flagged():
    rant = (
        "The government is corrupt and the prime minister lies to us every single day. "
        "Resign already, nobody trusts you anymore!"
    )
    result = _score(rant, "en", _article("en", 1))
    assert result.judged and result.score >= off_topic.FLAG_AT
    assert [f.key for f in result.findings] == ["off_topic.unrelated"]
    f = result.findings[0]
    assert (f.rule, f.start, f.end, f.evidence) == ("off_topic", 0, len(rant), "")


def test_russian_rant_under_sevan_is_flagged():
    rant = "Власти только воруют и врут, все министры должны уйти в отставку, народ устал от этой коррупции!"
    assert _score(rant, "ru", _article("ru", 0)).score >= off_topic.FLAG_AT


def test_armenian_rant_under_buses_is_flagged():
    rant = "Այս իշխանությունները միայն ստում են ու թալանում, վարչապետը պետք է անհապաղ հրաժարական տա։"
    assert _score(rant, "hy", _article("hy", 3)).score >= off_topic.FLAG_AT


def test_topic_only_through_a_synonym_is_not_flagged():
    # "subway", "underground", "trains" for "metro"; the places named keep it on the article's topic
    comment = "A subway to Shengavit would save me an hour every day, the underground trains beat minibuses."
    result = _score(comment, "en", _article("en", 0))
    assert result.judged and result.score < off_topic.FLAG_AT


@pytest.mark.xfail(strict=True, reason="known miss: no shared word or name, only synonyms")
def test_pure_synonym_comment_is_a_known_miss():
    comment = "The subway expansion is overdue, underground railways beat the traffic jams of minibuses."
    assert _score(comment, "en", _article("en", 0)).score < off_topic.FLAG_AT


def test_reply_about_its_parent_is_on_topic():
    parent = "Those jam sessions will be packed, last year students queued outside the club for hours."
    reply = "Students queuing outside the club for hours is the sign of a lively jazz scene, not a problem."
    result = _score(reply, "en", _article("en", 1), parent=parent)  # posted under the apricot story
    assert result.judged and result.score < off_topic.FLAG_AT
    assert _score(reply, "en", _article("en", 1)).score >= off_topic.FLAG_AT  # without its parent


def test_unrelated_reply_gets_the_reply_key():
    parent = "250 drams a kilo is robbery, the farmers do all the work and the middlemen take the profit."
    reply = "Has anyone seen the grandmaster's final game, the Sicilian defence he played was brilliant?"
    result = _score(reply, "en", _article("en", 1), parent=parent)
    assert result.score >= off_topic.FLAG_AT
    assert [f.key for f in result.findings] == ["off_topic.reply_unrelated"]


def test_thread_keeps_a_thread_topic_on_topic():
    thread = [
        "Exporters should get organic certification, European supermarkets pay double for certified produce.",
        "Organic certification costs a fortune in laboratory tests for pesticide residues.",
    ]
    comment = "Laboratory tests for pesticide residues are cheap in Tbilisi, certification there is quick."
    assert _score(comment, "en", _article("en", 1)).score >= off_topic.FLAG_AT  # nothing of the article
    assert _score(comment, "en", _article("en", 1), thread=thread).score < off_topic.FLAG_AT


def test_latin_translit_armenian_about_the_article():
    comment = "Antsyal tari gnacel einq Areni, gyughi gininery shat hamov ein, xaghoghy el anpayman kgnem"
    result = _score(comment, "hy", _article("hy", 0))
    assert result.judged and result.score < off_topic.FLAG_AT
    swapped = _score(comment, "hy", _article("hy", 2))
    assert swapped.score > result.score


def test_latin_translit_russian_about_the_article():
    comment = "Uroven Sevana padaet kazhdyi god, vodu slivayut na poliv, a vodorosli zeleneyut u berega"
    result = _score(comment, "ru", _article("ru", 0))
    assert result.judged and result.score < off_topic.FLAG_AT
    assert _score(comment, "ru", _article("ru", 3)).score >= off_topic.FLAG_AT


def test_comment_in_another_script_than_the_article_is_not_judged():
    comment = "Уровень Севана падает каждый год, воду сливают на полив, а водоросли зеленеют у берега."
    assert not _score(comment, "ru", _article("hy", 0)).judged


def test_article_without_body_uses_the_title():
    title_only = Article("Apricot exports hit a record as the harvest recovers", "")
    on = "Record apricot exports are good news, the harvest recovered after the frosts ruined it."
    off = "Grandmaster Hakobyan played a brilliant tournament, his performance rating impressed everyone."
    r_on = _score(on, "en", title_only)
    r_off = _score(off, "en", title_only)
    assert r_on.judged and r_off.judged
    assert r_on.score < off_topic.FLAG_AT <= r_off.score


def test_no_article_is_not_judged():
    text = "A long comment about apricot exports, farmers, prices and trucks at Upper Lars checkpoint."
    assert _score(text, "en", None) == RuleResult(score=0.0, findings=(), judged=False)


def test_without_background_still_judges():
    on = "Farmers in the Ararat valley deserve better apricot prices than 250 drams per kilogram."
    off = "The government is corrupt and the prime minister lies to us every single day, resign!"
    r_on = _score(on, "en", _article("en", 1), background=())
    r_off = _score(off, "en", _article("en", 1), background=())
    assert r_on.judged and r_on.score < off_topic.FLAG_AT <= r_off.score


# --- odd inputs: a defined result, never an exception ---


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "😀🔥👍🎉😡" * 20,
        "https://example.com/apricots",
        "\x00\x01\x02\ufffd" * 50,
        "1234 5678 9012",
    ],
    ids=["empty", "blank", "emoji", "url", "junk", "digits"],
)
def test_odd_input_is_not_judged(text):
    assert _score(text, "en", _article("en", 1)) == RuleResult(score=0.0, findings=(), judged=False)


def test_empty_article_is_not_judged():
    comment = "Farmers in the Ararat valley deserve better apricot prices than 250 drams per kilogram."
    assert not _score(comment, "en", Article("", "")).judged
    assert not _score(comment, "en", Article("😀", "")).judged


def test_hundred_kilobyte_comment():
    text = ("Apricot farmers in the Ararat valley sell their fruit to wholesalers for too little. " * 1200)[
        :100_000
    ]
    result = _score(text, "en", _article("en", 1))
    assert result.judged and 0.0 <= result.score < off_topic.FLAG_AT


def test_garbage_context_does_not_raise():
    comment = "Farmers in the Ararat valley deserve better apricot prices than 250 drams per kilogram."
    n = normalize(comment)
    weird = [
        {"article": Article(None, None)},  # type: ignore[arg-type]
        {"article": _article("en", 1), "background": [None, "plain text", Article("x", "")]},
        {"article": _article("en", 1), "thread": [None, 42, ""], "parent": ""},
        {"article": "Apricot exports hit a record"},
    ]
    for kw in weird:
        result = off_topic.score(n, lang="en", **kw)
        assert isinstance(result, RuleResult) and 0.0 <= result.score <= 1.0
    assert off_topic.score(None, lang="en", article=_article("en", 1)).judged is False  # type: ignore[arg-type]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.sampled_from(["en", "ru", "hy"]), st.booleans())
def test_property_score_in_range_and_deterministic(text, lang, reply):
    try:
        normalized = normalize(text)
    except Exception:  # normalize's own contract, tested with it; here only the rule is under test
        reject()
    article = _article(lang, 0)
    kw = {
        "parent": "A parent comment about the festival and its tickets." if reply else None,
        "background": _others(article),
    }
    a = off_topic.score(normalized, lang=lang, article=article, **kw)
    b = off_topic.score(normalized, lang=lang, article=article, **kw)
    assert a == b
    assert 0.0 <= a.score <= 1.0
    assert bool(a.findings) == (a.score >= off_topic.FLAG_AT)
    if not a.judged:
        assert a.score == 0.0 and not a.findings
    for f in a.findings:
        assert f.rule == "off_topic" and 0 <= f.start <= f.end == len(text)


_VOCABULARY = sorted({w for a in ALL_ARTICLES for w in (a.title + " " + a.body).split()})


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(_VOCABULARY), min_size=0, max_size=40), st.sampled_from(["en", "ru", "hy"]))
def test_property_on_site_vocabulary(words, lang):
    text = " ".join(words)
    article = _article(lang, 1)
    a = off_topic.score(normalize(text), lang=lang, article=article, background=_others(article))
    assert a == off_topic.score(normalize(text), lang=lang, article=article, background=_others(article))
    assert 0.0 <= a.score <= 1.0 and bool(a.findings) == (a.score >= off_topic.FLAG_AT)


# --- stemming ---


@pytest.mark.parametrize(
    "forms",
    [
        ("export", "exports", "exported", "exporting"),
        ("tunnel", "tunnels"),
        ("apricot", "apricots"),
        ("construction", "constructed", "constructing"),
        ("абрикос", "абрикосы", "абрикосов", "абрикосами"),
        ("озеро", "озера", "озере", "озером"),
        ("уровня", "уровне", "уровнем"),
        ("фестиваль", "фестиваля", "фестивалем"),
        ("ծիրան", "ծիրանի", "ծիրանը", "ծիրաններ", "ծիրանների", "ծիրաններից"),
        ("մակարդակ", "մակարդակը", "մակարդակի", "մակարդակով"),
        ("մետրո", "մետրոյի", "մետրոյում"),
        ("շինարարություն", "շինարարության", "շինարարությունը"),
    ],
)
def test_stemmer_conflates_inflections(forms):
    assert len({stem(f) for f in forms}) == 1, {f: stem(f) for f in forms}


@given(st.text(max_size=40))
def test_stemmer_total(word):
    assert isinstance(stem(word.lower()), str)


if __name__ == "__main__":  # the figures for the report: python -m tests.houserules.test_off_topic
    for lang in ARTICLES:
        row = []
        for own_in_bg in (True, False):
            pairs = swap_pairs(lang, own_in_background=own_in_bg)
            scores, labels = [r.score for r, _, _ in pairs], [y for _, y, _ in pairs]
            on = [r for r, y, _ in pairs if not y]
            off = [r for r, y, _ in pairs if y]
            row.append(
                f"swap AUC {roc_auc(scores, labels):.3f} ({'own in bg' if own_in_bg else 'own not in bg'}; "
                f"flagged: on-topic {sum(bool(r.findings) for r in on)}/{len(on)}, "
                f"swapped {sum(bool(r.findings) for r in off)}/{len(off)})"
            )
        gp = generic_pairs(lang)
        flagged = sum(s >= off_topic.FLAG_AT for s, y in gp if y)
        row.append(
            f"generic AUC {roc_auc([s for s, _ in gp], [y for _, y in gp]):.3f} "
            f"(flagged {flagged}/{sum(y for _, y in gp)})"
        )
        print(lang, *row, sep="\n  ")
