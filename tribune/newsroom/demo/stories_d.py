ARTICLES = [
    {
        "key": "d-dilijan-hiking-trail",
        "section": "society",
        "hours_ago": 30,
        "image": {
            "credit": "Tribune/Lilit Hakobyan",
            "hue": 120,
            "alt": {"en": "A marked forest path winding between beech trees on a hillside near Dilijan"},
            "caption": {"en": "The new trail climbs through beech and oak forest above Dilijan."},
        },
        "tags": {"en": ["tourism", "environment", "Dilijan"]},
        "en": {
            "title": "New 14-kilometre hiking trail opens in the forests above Dilijan",
            "slug": "dilijan-forest-hiking-trail-opens",
            "standfirst": "A waymarked loop linking the town centre with two mountain lakes opened to walkers on Saturday, with route signs in three languages and two new rest shelters.",
            "dateline": "Dilijan",
            "author": "",
            "body": [
                (
                    "p",
                    "A new hiking trail opened on Saturday in the forested hills above Dilijan, giving walkers a marked 14-kilometre loop that starts near the town's central bus stop and returns through the old Sharambeyan street quarter.",
                ),
                (
                    "p",
                    "The route climbs about 650 metres through beech and oak woodland, passes two small mountain lakes and crosses three streams on newly built timber footbridges. Organisers estimate that a walker of average fitness needs five to six hours to complete the full loop, while a shorter 6-kilometre section is suitable for families.",
                ),
                (
                    "p",
                    "Volunteers spent most of the summer and autumn clearing overgrown paths, painting red-and-white waymarks on trees and rocks and installing 40 signposts with distances in Armenian, English and Russian. Two wooden shelters with benches were built at the halfway point.",
                ),
                (
                    "quote",
                    "We wanted a trail that people can walk on their own, without a guide and without getting lost. Every junction now has a sign, and the map can be downloaded before you leave the town.",
                    "Garik Martirosyan, coordinator of the volunteer trail group",
                ),
                (
                    "p",
                    "The project cost about 18 million drams and was financed by the local community budget together with a grant from a regional tourism fund. Park rangers will inspect the route every month and close sections after heavy snow or storms.",
                ),
                (
                    "p",
                    "Local guesthouse owners hope the trail will bring more visitors outside the summer season. Dilijan received an estimated 120,000 overnight guests last year, most of them in July and August.",
                ),
            ],
        },
    },
    {
        "key": "d-ararat-solar-plant",
        "section": "economy",
        "hours_ago": 200,
        "image": {
            "credit": "Press office",
            "hue": 45,
            "alt": {"en": "Rows of solar panels on a flat plain with Mount Ararat in the distance"},
            "caption": {
                "en": "The 55-megawatt plant covers about 90 hectares of former pasture in Ararat province."
            },
        },
        "tags": {"en": ["energy", "economy", "environment"]},
        "en": {
            "title": "Solar power plant in Ararat province begins supplying the grid",
            "slug": "ararat-province-solar-plant-starts-work",
            "standfirst": "A 55-megawatt solar plant near the village of Dalar has been connected to the national grid and is expected to generate enough electricity for about 40,000 households a year.",
            "dateline": "Ararat",
            "author": "Narek Ghazaryan",
            "body": [
                (
                    "p",
                    "A solar power plant built on the plain near the village of Dalar in Ararat province began feeding electricity into the national grid this week after several months of testing, its operator said.",
                ),
                (
                    "p",
                    "The plant has a capacity of 55 megawatts and consists of roughly 110,000 panels mounted on tracking frames that turn to follow the sun. It is expected to produce about 120 million kilowatt-hours a year, which the company says is comparable to the annual consumption of 40,000 households.",
                ),
                (
                    "quote",
                    "The Ararat valley has more than 2,500 hours of sunshine a year, which makes it one of the best places in the region for this kind of project. From today every sunny hour here goes straight into the grid.",
                    "Arsen Vardanyan, director of the operating company",
                ),
                (
                    "p",
                    "Construction took 14 months and cost about 48 million US dollars, financed by a group of private investors and a long-term loan from an international development bank. The electricity will be sold to the grid operator under a 20-year contract at a fixed tariff.",
                ),
                (
                    "p",
                    "About 300 workers, most of them from nearby villages, were employed during construction, and 35 people will work at the plant permanently on maintenance, cleaning and security.",
                ),
                (
                    "p",
                    "Solar energy accounts for a fast-growing share of Armenia's electricity output. Energy analysts note that larger plants like this one will require additional investment in storage and grid capacity to balance output during cloudy days and at night.",
                ),
            ],
        },
    },
    {
        "key": "d-yerevan-winter-wine-fair",
        "section": "economy",
        "hours_ago": 22,
        "image": {
            "credit": "Photolure",
            "hue": 340,
            "alt": {"ru": "Посетители дегустируют вино у деревянных стоек ярмарки на площади в Ереване"},
            "caption": {"ru": "В первый день ярмарку посетили около шести тысяч человек."},
        },
        "tags": {"ru": ["Ереван", "экономика", "фестиваль"]},
        "ru": {
            "title": "В Ереване открылась зимняя винная ярмарка",
            "slug": "v-erevane-otkrylas-zimnyaya-vinnaya-yarmarka",
            "standfirst": "Более 60 винодельческих хозяйств из всех регионов страны представляют свою продукцию на трехдневной ярмарке в центре Еревана.",
            "dateline": "Ереван",
            "author": "",
            "body": [
                (
                    "p",
                    "В пятницу в центре Еревана открылась зимняя винная ярмарка, которая продлится до воскресенья. Свою продукцию представляют 64 винодельческих хозяйства — от крупных заводов Арарата и Армавира до небольших семейных погребов Вайоц Дзора и Тавуша.",
                ),
                (
                    "p",
                    "Посетители могут купить дегустационный бокал за 3000 драмов и попробовать вина на любом из стендов. Помимо красных и белых вин из местных сортов арени, воскеат и харджи, на ярмарке представлены фруктовые вина, коньяк и глинтвейн, приготовленный по рецептам разных регионов.",
                ),
                (
                    "quote",
                    "Зима для небольших виноделен — самое трудное время: туристов мало, продажи падают. Ярмарка позволяет нам встретиться напрямую с покупателями и с ресторанами, которые ищут новых поставщиков.",
                    "Ашот Мелконян, владелец семейной винодельни из Ехегнадзора",
                ),
                (
                    "p",
                    "По данным организаторов, в первый день ярмарку посетили около шести тысяч человек. В прошлом году за три дня участники продали около 25 тысяч бутылок, в этом году они рассчитывают превысить этот показатель.",
                ),
                (
                    "p",
                    "Параллельно на площадке проходят мастер-классы сомелье и лекции о традиционном виноделии в карасах — больших глиняных сосудах. Для детей работает отдельная зона с мастерскими и гранатовым соком.",
                ),
                (
                    "p",
                    "Ярмарка открыта ежедневно с 12:00 до 22:00. Вход свободный, а продажа алкоголя лицам младше 18 лет запрещена.",
                ),
            ],
        },
    },
    {
        "key": "d-youth-football-academy",
        "section": "sport",
        "hours_ago": 260,
        "image": {
            "credit": "Armenpress",
            "hue": 100,
            "alt": {"ru": "Юные футболисты в одинаковой форме тренируются на искусственном поле"},
            "caption": {"ru": "Первые воспитанники академии на тренировке в день открытия."},
        },
        "tags": {"ru": ["спорт", "образование", "Гюмри"]},
        "ru": {
            "title": "В Гюмри открылась детско-юношеская футбольная академия",
            "slug": "v-gyumri-otkrylas-futbolnaya-akademiya",
            "standfirst": "В академии с двумя полями и интернатом на 60 мест будут бесплатно заниматься около 300 детей и подростков в возрасте от 8 до 17 лет.",
            "dateline": "Гюмри",
            "author": "Карен Аветисян",
            "body": [
                (
                    "p",
                    "В Гюмри в понедельник открылась детско-юношеская футбольная академия, построенная на месте заброшенного стадиона в северной части города. Первыми воспитанниками стали около 300 детей и подростков в возрасте от 8 до 17 лет, отобранных на весенних и летних просмотрах.",
                ),
                (
                    "p",
                    "В комплекс входят поле с натуральным газоном и подогревом, крытое поле с искусственным покрытием, тренажерный зал, медицинский кабинет и интернат на 60 мест для ребят из сел Ширакской и соседних областей. Строительство обошлось примерно в 2,3 миллиарда драмов.",
                ),
                (
                    "quote",
                    "Раньше талантливому мальчику из Ширака, чтобы серьезно заниматься футболом, приходилось переезжать в Ереван. Теперь у него есть все условия здесь, рядом с семьей.",
                    "Артур Манукян, спортивный директор академии",
                ),
                (
                    "image",
                    {
                        "credit": "Tribune",
                        "hue": 30,
                        "alt": "Двухэтажный корпус интерната академии рядом с футбольным полем",
                        "caption": "Интернат рассчитан на 60 воспитанников из сел Ширакской и соседних областей.",
                    },
                ),
                (
                    "p",
                    "Занятия для всех воспитанников бесплатные: расходы на тренеров, форму, питание и проживание покрывают частный благотворительный фонд и городской бюджет. С детьми будут работать 18 тренеров, в том числе четыре специалиста по работе с вратарями.",
                ),
                (
                    "p",
                    "Помимо тренировок, ребята из интерната будут посещать обычные школы города, а академия организует для них дополнительные занятия по английскому языку и математике. Руководство академии планирует в следующем году создать и женские команды.",
                ),
            ],
        },
    },
    {
        "key": "d-folk-dance-ensemble-anniversary",
        "section": "culture",
        "hours_ago": 36,
        "image": {
            "credit": "Tribune",
            "hue": 15,
            "alt": {"hy": "Ավանդական տարազներով պարողները բեմում շրջանաձև պար են պարում"},
            "caption": {"hy": "Հոբելյանական համերգում բեմ բարձրացավ համույթի երեք սերունդ։"},
        },
        "tags": {"hy": ["մշակույթ", "Երևան", "պար"]},
        "hy": {
            "title": "«Շողեր» ժողովրդական պարի համույթը 40-ամյակը նշեց հոբելյանական համերգով",
            "slug": "shogher-hamuyt-40-amyak-hamerg",
            "standfirst": "Երևանում կայացած համերգին մասնակցեց համույթի ավելի քան 120 պարող՝ ներկայիս կազմը, երիտասարդական և մանկական խմբերը, ինչպես նաև տարբեր տարիների շրջանավարտներ։",
            "dateline": "Երևան",
            "author": "",
            "body": [
                (
                    "p",
                    "«Շողեր» ժողովրդական պարի համույթը շաբաթ երեկոյան Երևանում մեծ համերգով նշեց իր հիմնադրման 40-ամյակը։ Շուրջ երկուսուկես ժամ տևած ծրագրում բեմ բարձրացավ ավելի քան 120 պարող՝ ներկայիս կազմը, երիտասարդական և մանկական խմբերը, ինչպես նաև տարբեր տարիների շրջանավարտներ։",
                ),
                (
                    "p",
                    "Համերգում ներկայացվեցին Շիրակի, Լոռու, Սյունիքի և պատմական Հայաստանի այլ շրջանների ավանդական պարեր, այդ թվում՝ «Քոչարի», «Շալախո», «Բերդ» և «Յարխուշտա»։ Պարողներին նվագակցում էր համույթի նվագախումբը՝ դուդուկով, զուռնայով, քամանչայով և դհոլով։",
                ),
                (
                    "quote",
                    "Քառասուն տարի առաջ մենք սկսեցինք ընդամենը տասներկու պարողով՝ դպրոցի մարզադահլիճում։ Այսօր մեր բեմում երեք սերունդ է պարում, և դա ամենամեծ նվերն է, որ կարող էինք ստանալ։",
                    "Սուսաննա Գրիգորյան, համույթի գեղարվեստական ղեկավար",
                ),
                (
                    "p",
                    "Համույթը հիմնադրվել է 1985 թվականին։ Իր պատմության ընթացքում այն ելույթներ է ունեցել ավելի քան 30 երկրում և տվել է շուրջ 2000 համերգ։ Տարիների ընթացքում համույթի պարային դպրոցով անցել է մոտ երեք հազար երեխա։",
                ),
                (
                    "p",
                    "Հոբելյանական համերգի տոմսերը սպառվել էին դեռ երկու շաբաթ առաջ, ուստի կազմակերպիչները որոշել են ծրագիրը կրկնել հունվարի վերջին։ Գարնանը համույթը համերգաշրջագայությամբ կմեկնի Գյումրի, Վանաձոր և Կապան։",
                ),
            ],
        },
    },
    {
        "key": "d-yerevan-electric-bus-route",
        "section": "society",
        "hours_ago": 300,
        "image": {
            "credit": "Armenpress",
            "hue": 200,
            "alt": {"hy": "Նոր էլեկտրական ավտոբուսը կանգառում ուղևորներ է վերցնում"},
            "caption": {"hy": "Նոր երթուղում շահագործվում է 20 էլեկտրական ավտոբուս։"},
        },
        "tags": {"hy": ["Երևան", "տրանսպորտ", "շրջակա միջավայր"]},
        "hy": {
            "title": "Երևանում գործարկվեց էլեկտրական ավտոբուսների նոր երթուղի",
            "slug": "yerevanum-elektrakan-avtobusi-nor-ertughi",
            "standfirst": "47 համարի նոր երթուղին Ավան վարչական շրջանը կապում է քաղաքի կենտրոնի հետ. պիկ ժամերին ավտոբուսները կերթևեկեն 6–8 րոպե միջակայքով։",
            "dateline": "Երևան",
            "author": "",
            "body": [
                (
                    "p",
                    "Երևանում երկուշաբթի առավոտից գործում է էլեկտրական ավտոբուսների նոր՝ 47 համարի երթուղին, որը Ավան վարչական շրջանը կապում է քաղաքի կենտրոնի հետ։ Երթուղու երկարությունը 13 կիլոմետր է, այն ունի 26 կանգառ։",
                ),
                (
                    "p",
                    "Երթուղում շահագործվում է 20 նոր էլեկտրական ավտոբուս, որոնցից յուրաքանչյուրը տեղավորում է մինչև 85 ուղևոր։ Ավտոբուսները հագեցած են օդորակիչներով, անվասայլակի համար թեքահարթակով, տեսախցիկներով և USB լիցքավորման վարդակներով։ Մեկ լիցքավորումը բավարարում է մոտ 250 կիլոմետր ճանապարհի համար։",
                ),
                (
                    "p",
                    "Երթևեկության միջակայքը պիկ ժամերին կլինի 6–8 րոպե, մնացած ժամերին՝ 10–12 րոպե։ Ուղեվարձը նույնն է, ինչ մյուս երթուղիներում՝ 100 դրամ, և այն կարելի է վճարել բանկային կամ տրանսպորտային քարտով։",
                ),
                (
                    "quote",
                    "Նոր երթուղին փոխարինում է միկրոավտոբուսային երկու հին գծի, որոնցում ուղևորները հաճախ ստիպված էին կանգնած երթևեկել։ Մեր հաշվարկներով՝ այն օրական կսպասարկի մոտ 18 հազար ուղևոր։",
                    "Լևոն Հովհաննիսյան, քաղաքապետարանի տրանսպորտի վարչության պետի տեղակալ",
                ),
                (
                    "p",
                    "Ավտոբուսները լիցքավորվում են Ավանի ավտոբուսային պարկում տեղադրված 12 արագ լիցքավորման կայաններում՝ հիմնականում գիշերային ժամերին։ Քաղաքապետարանը նախատեսում է մինչև հաջորդ տարվա վերջ գործարկել ևս երեք նման երթուղի։",
                ),
            ],
        },
    },
]
