"""Demo pages: the agency's dateline, photo credits, sections, house rules and the About page."""

AGENCY_DATELINE = {"en": "Yerevan", "ru": "Ереван", "hy": "Երևան"}

CREDITS = [
    "Photolure",
    "Tribune",
    "Armenpress",
    "Tribune/Lilit Hakobyan",
    "Press office",
]

SECTIONS = [
    {
        "key": "politics",
        "slug": {"en": "politics", "ru": "politika", "hy": "qaghaqakanutyun"},
        "title": {"en": "Politics", "ru": "Политика", "hy": "Քաղաքականություն"},
        "introduction": {
            "en": "Parliament, government and elections: the decisions that shape public life in Armenia.",
            "ru": "Парламент, правительство и выборы: решения, которые определяют общественную жизнь Армении.",
            "hy": "Խորհրդարան, կառավարություն և ընտրություններ՝ որոշումներ, որոնք ձևավորում են Հայաստանի հանրային կյանքը։",
        },
    },
    {
        "key": "economy",
        "slug": {"en": "economy", "ru": "ekonomika", "hy": "tntesutyun"},
        "title": {"en": "Economy", "ru": "Экономика", "hy": "Տնտեսություն"},
        "introduction": {
            "en": "Markets, trade, jobs and prices, from the orchards of the Ararat valley to Yerevan's IT companies.",
            "ru": "Рынки, торговля, рабочие места и цены — от садов Араратской долины до IT-компаний Еревана.",
            "hy": "Շուկաներ, առևտուր, աշխատատեղեր և գներ՝ Արարատյան դաշտի այգիներից մինչև Երևանի ՏՏ ընկերություններ։",
        },
    },
    {
        "key": "society",
        "slug": {"en": "society", "ru": "obshchestvo", "hy": "hasarakutyun"},
        "title": {"en": "Society", "ru": "Общество", "hy": "Հասարակություն"},
        "introduction": {
            "en": "Cities, schools, health and transport: everyday life across the country.",
            "ru": "Города, школы, здравоохранение и транспорт: повседневная жизнь по всей стране.",
            "hy": "Քաղաքներ, դպրոցներ, առողջապահություն և տրանսպորտ՝ առօրյա կյանքը ողջ երկրում։",
        },
    },
    {
        "key": "culture",
        "slug": {"en": "culture", "ru": "kultura", "hy": "mshakuyt"},
        "title": {"en": "Culture", "ru": "Культура", "hy": "Մշակույթ"},
        "introduction": {
            "en": "Museums, theatre, music, books and festivals in Armenia and beyond.",
            "ru": "Музеи, театр, музыка, книги и фестивали в Армении и за ее пределами.",
            "hy": "Թանգարաններ, թատրոն, երաժշտություն, գրքեր և փառատոներ Հայաստանում և նրա սահմաններից դուրս։",
        },
    },
    {
        "key": "sport",
        "slug": {"en": "sport", "ru": "sport", "hy": "sport"},
        "title": {"en": "Sport", "ru": "Спорт", "hy": "Սպորտ"},
        "introduction": {
            "en": "Results, tournaments and the people of Armenian sport, from chess to football.",
            "ru": "Результаты, турниры и люди армянского спорта — от шахмат до футбола.",
            "hy": "Հայկական սպորտի արդյունքները, մրցաշարերը և մարդիկ՝ շախմատից մինչև ֆուտբոլ։",
        },
    },
]

HOUSE_RULES = {
    "en": {
        "title": "House rules",
        "slug": "house-rules",
        "body_paragraphs": [
            "Most of our articles are open for comments, so that readers can give their opinion of what they have just read. Disagreement is welcome, including disagreement with us, as long as it is expressed with respect.",
            "Be polite to other readers and to the people in the story. Argue with ideas, not with persons: insults, threats and mockery have no place here.",
            "Keep to the subject of the article. Off-topic comments, the same message posted again and again, and advertisements of any kind, including links to shops and services, will be removed.",
            "Abusive, obscene or filthy language is not allowed in any of our three languages, and neither is hatred towards anyone because of their nationality, religion, sex or origin.",
            "Our editorial staff moderate the comments and may remove, without notice, any comment that breaks these rules. Readers who break them repeatedly may lose the right to comment.",
            "If you think a comment breaks the rules, click “Report” under it, or write to comments@tribune.example naming the article and the comment. An editor will look at it, usually within one working day.",
        ],
    },
    "ru": {
        "title": "Правила комментирования",
        "slug": "pravila",
        "body_paragraphs": [
            "Под большинством наших материалов открыты комментарии, чтобы читатели могли высказать свое мнение о прочитанном. Мы рады несогласию — в том числе с нами, — если оно выражено уважительно.",
            "Будьте вежливы с другими читателями и с героями публикаций. Спорьте с мнениями, а не с людьми: оскорблениям, угрозам и насмешкам здесь не место.",
            "Пишите по теме статьи. Комментарии не по теме, одно и то же сообщение, повторенное много раз, и реклама в любом виде, включая ссылки на магазины и услуги, будут удаляться.",
            "Брань, непристойные и грубые выражения запрещены на любом из трех наших языков, как и ненависть к кому бы то ни было из-за национальности, религии, пола или происхождения.",
            "Редакция модерирует комментарии и может без предупреждения удалить любой комментарий, нарушающий эти правила. Те, кто нарушает их систематически, могут лишиться возможности комментировать.",
            "Если вы считаете, что комментарий нарушает правила, нажмите «Пожаловаться» под ним или напишите на comments@tribune.example, указав статью и комментарий. Редактор рассмотрит обращение, как правило, в течение одного рабочего дня.",
        ],
    },
    "hy": {
        "title": "Մեկնաբանությունների կանոններ",
        "slug": "kanonner",
        "body_paragraphs": [
            "Մեր հոդվածների մեծ մասի տակ մեկնաբանությունները բաց են, որպեսզի ընթերցողները կարողանան հայտնել իրենց կարծիքը կարդացածի մասին։ Մենք ողջունում ենք տարակարծությունը, այդ թվում՝ մեզ հետ, եթե այն արտահայտված է հարգանքով։",
            "Քաղաքավարի եղեք մյուս ընթերցողների և հրապարակումների հերոսների նկատմամբ։ Վիճեք մտքերի, ոչ թե մարդկանց հետ։ Վիրավորանքները, սպառնալիքները և ծաղրն այստեղ տեղ չունեն։",
            "Գրեք հոդվածի թեմայով։ Թեմային չառնչվող մեկնաբանությունները, միևնույն հաղորդագրության բազմակի կրկնությունը և ցանկացած տեսակի գովազդը, այդ թվում՝ խանութների և ծառայությունների հղումները, կհեռացվեն։",
            "Արգելվում են հայհոյանքները, անպարկեշտ և գռեհիկ արտահայտությունները մեր երեք լեզուներից որևէ մեկով, ինչպես նաև ատելությունը որևէ մեկի նկատմամբ՝ ազգության, կրոնի, սեռի կամ ծագման պատճառով։",
            "Խմբագրությունը վարում է մեկնաբանությունների մոդերացիան և կարող է առանց նախազգուշացման հեռացնել կանոնները խախտող ցանկացած մեկնաբանություն։ Կանոնները պարբերաբար խախտողները կարող են զրկվել մեկնաբանելու հնարավորությունից։",
            "Եթե կարծում եք, որ մեկնաբանությունը խախտում է կանոնները, սեղմեք դրա տակ գտնվող «Բողոքել» հղումը կամ գրեք comments@tribune.example հասցեին՝ նշելով հոդվածը և մեկնաբանությունը։ Խմբագիրը կուսումնասիրի այն, որպես կանոն, մեկ աշխատանքային օրվա ընթացքում։",
        ],
    },
}

ABOUT = {
    "en": {
        "title": "About Tribune",
        "slug": "about",
        "body_paragraphs": [
            "Tribune is an independent news agency founded in Yerevan in 2009 by a group of reporters who wanted to report on Armenia quickly, accurately and without taking sides. It belongs to its journalists and is not affiliated with any party, government body or business group.",
            "Every day our editors and correspondents in Yerevan, Gyumri and Vanadzor publish news on politics, the economy, society, culture and sport in three languages: English, Russian and Armenian. Most stories appear in all three; some are written for one audience only.",
            "Every photograph carries the name of the person or agency who took it, and corrections are published openly under the article concerned. You can write to the newsroom at newsroom@tribune.example. This site is a demonstration: the agency, its staff and its news are invented.",
        ],
    },
    "ru": {
        "title": "О «Трибуне»",
        "slug": "o-nas",
        "body_paragraphs": [
            "«Трибуна» — независимое информационное агентство, основанное в Ереване в 2009 году группой журналистов, которые хотели рассказывать об Армении быстро, точно и беспристрастно. Агентство принадлежит своим журналистам и не связано ни с одной партией, государственным органом или бизнес-группой.",
            "Каждый день наши редакторы и корреспонденты в Ереване, Гюмри и Ванадзоре публикуют новости политики, экономики, общества, культуры и спорта на трех языках — английском, русском и армянском. Большинство материалов выходит на всех трех языках, некоторые пишутся только для одной аудитории.",
            "Под каждой фотографией указан ее автор или агентство, а исправления мы публикуем открыто, под той статьей, к которой они относятся. Написать в редакцию можно по адресу newsroom@tribune.example. Этот сайт — демонстрационный: агентство, его сотрудники и новости вымышлены.",
        ],
    },
    "hy": {
        "title": "«Տրիբունայի» մասին",
        "slug": "mer-masin",
        "body_paragraphs": [
            "«Տրիբունան» անկախ լրատվական գործակալություն է, որը 2009 թվականին Երևանում հիմնել է լրագրողների մի խումբ՝ Հայաստանի մասին արագ, ճշգրիտ և անկողմնակալ պատմելու նպատակով։ Գործակալությունը պատկանում է իր լրագրողներին և կապված չէ որևէ կուսակցության, պետական մարմնի կամ գործարար խմբի հետ։",
            "Ամեն օր մեր խմբագիրներն ու թղթակիցները Երևանում, Գյումրիում և Վանաձորում հրապարակում են քաղաքականության, տնտեսության, հասարակության, մշակույթի և սպորտի լուրեր երեք լեզվով՝ անգլերեն, ռուսերեն և հայերեն։ Նյութերի մեծ մասը լույս է տեսնում երեք լեզուներով էլ, իսկ որոշները գրվում են միայն մեկ լսարանի համար։",
            "Յուրաքանչյուր լուսանկարի տակ նշված է դրա հեղինակը կամ գործակալությունը, իսկ ուղղումները մենք հրապարակում ենք բացահայտ՝ համապատասխան հոդվածի տակ։ Խմբագրությանը կարող եք գրել newsroom@tribune.example հասցեով։ Այս կայքը ցուցադրական է՝ գործակալությունը, նրա աշխատակիցները և լուրերը հորինված են։",
        ],
    },
}
