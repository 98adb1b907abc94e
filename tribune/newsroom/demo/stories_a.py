"""Demo stories, set A: five stories in English, Russian and Armenian (one per section)."""

ARTICLES = [
    {
        "key": "a-public-transport-bill-committee",
        "section": "politics",
        "hours_ago": 2,
        "image": {
            "credit": "Photolure",
            "hue": 210,
            "alt": {
                "en": "Committee members seated around a table in a parliament hearing room",
                "ru": "Члены комиссии за столом в зале парламентских слушаний",
                "hy": "Հանձնաժողովի անդամները սեղանի շուրջ՝ խորհրդարանի լսումների դահլիճում",
            },
            "caption": {
                "en": "The infrastructure committee discussed the draft law for four hours.",
                "ru": "Комиссия по инфраструктуре обсуждала законопроект четыре часа.",
                "hy": "Ենթակառուցվածքների հարցերի հանձնաժողովը չորս ժամ քննարկել է օրինագիծը։",
            },
        },
        "tags": {
            "en": ["parliament", "transport"],
            "ru": ["парламент", "транспорт"],
            "hy": ["խորհրդարան", "տրանսպորտ"],
        },
        "en": {
            "title": "Parliament committee debates new public transport bill",
            "slug": "committee-debates-public-transport-bill",
            "standfirst": "Members of parliament's infrastructure committee spent four hours on a bill that would set common rules for buses and minibuses across the country. A first reading in the plenary is expected next month.",
            "dateline": "Yerevan",
            "author": "",
            "body": [
                (
                    "p",
                    "Parliament's standing committee on infrastructure today discussed a draft law on public passenger transport that would replace rules in force since 2005. The bill introduces a single licensing system for bus and minibus operators, minimum standards for vehicles and a unified electronic ticket valid in all cities.",
                ),
                (
                    "p",
                    "Under the draft, vehicles older than 15 years would be withdrawn from regular routes by 2028, and every new bus bought for city lines would have to be accessible to wheelchair users. Operators would also be required to share real-time location data with municipalities.",
                ),
                (
                    "quote",
                    "People in Gyumri, Vanadzor or Kapan deserve a bus as reliable as the one people in Yerevan take. This law gives the regions the tools to demand it.",
                    "Gor Melikyan, deputy chair of the committee",
                ),
                (
                    "p",
                    "Opposition members of the committee questioned the cost of the reform. They said the ministry's estimate of 18 billion drams over five years did not include the subsidies smaller towns would need to keep unprofitable routes running.",
                ),
                (
                    "p",
                    "Representatives of private carriers, invited to the hearing, asked for a longer transition period, arguing that without affordable loans most operators could not renew their fleets within three years.",
                ),
                (
                    "p",
                    "The committee voted seven to three to send the bill, with amendments, to the plenary session. The first reading is expected next month.",
                ),
            ],
        },
        "ru": {
            "title": "Комиссия парламента обсудила новый законопроект об общественном транспорте",
            "slug": "komissiya-obsudila-zakon-ob-obshchestvennom-transporte",
            "standfirst": "Члены постоянной комиссии по инфраструктуре четыре часа обсуждали законопроект, который установит единые правила для автобусов и маршруток по всей стране. Первое чтение на пленарном заседании ожидается в следующем месяце.",
            "dateline": "Ереван",
            "author": "",
            "body": [
                (
                    "p",
                    "Постоянная комиссия парламента по инфраструктуре сегодня обсудила проект закона об общественных пассажирских перевозках, который должен заменить правила, действующие с 2005 года. Законопроект вводит единую систему лицензирования для операторов автобусов и маршруток, минимальные требования к транспортным средствам и единый электронный билет, действующий во всех городах.",
                ),
                (
                    "p",
                    "Согласно проекту, транспортные средства старше 15 лет к 2028 году будут сняты с регулярных маршрутов, а каждый новый автобус, закупаемый для городских линий, должен быть приспособлен для пассажиров на инвалидных колясках. Перевозчиков также обяжут передавать муниципалитетам данные о местоположении машин в реальном времени.",
                ),
                (
                    "quote",
                    "Жители Гюмри, Ванадзора или Капана заслуживают такого же надежного автобуса, как и жители Еревана. Этот закон дает регионам инструменты, чтобы этого требовать.",
                    "Гор Меликян, заместитель председателя комиссии",
                ),
                (
                    "p",
                    "Оппозиционные члены комиссии поставили под сомнение стоимость реформы. По их словам, оценка министерства в 18 миллиардов драмов на пять лет не учитывает субсидии, которые понадобятся небольшим городам, чтобы сохранить убыточные маршруты.",
                ),
                (
                    "p",
                    "Приглашенные на слушания представители частных перевозчиков попросили продлить переходный период, заявив, что без доступных кредитов большинство операторов не сможет обновить автопарк за три года.",
                ),
                (
                    "p",
                    "Семью голосами против трех комиссия решила вынести законопроект с поправками на пленарное заседание. Первое чтение ожидается в следующем месяце.",
                ),
            ],
        },
        "hy": {
            "title": "Խորհրդարանի հանձնաժողովը քննարկել է հասարակական տրանսպորտի մասին նոր օրինագիծը",
            "slug": "hanznazhoghovy-qnnarkel-e-transporti-orinagitsy",
            "standfirst": "Ենթակառուցվածքների հարցերի մշտական հանձնաժողովի անդամները չորս ժամ քննարկել են օրինագիծը, որը միասնական կանոններ կսահմանի ամբողջ երկրում ավտոբուսների և միկրոավտոբուսների համար։ Լիագումար նիստում առաջին ընթերցումը սպասվում է հաջորդ ամիս։",
            "dateline": "Երևան",
            "author": "",
            "body": [
                (
                    "p",
                    "Խորհրդարանի ենթակառուցվածքների հարցերի մշտական հանձնաժողովն այսօր քննարկել է ուղևորների հասարակական փոխադրումների մասին օրենքի նախագիծը, որը պետք է փոխարինի 2005 թվականից գործող կանոններին։ Նախագիծը ներդնում է ավտոբուսային և միկրոավտոբուսային փոխադրողների լիցենզավորման միասնական համակարգ, տրանսպորտային միջոցների նվազագույն չափանիշներ և բոլոր քաղաքներում գործող միասնական էլեկտրոնային տոմս։",
                ),
                (
                    "p",
                    "Նախագծի համաձայն՝ 15 տարուց հին տրանսպորտային միջոցները մինչև 2028 թվականը կհանվեն կանոնավոր երթուղիներից, իսկ քաղաքային երթուղիների համար գնվող յուրաքանչյուր նոր ավտոբուս պետք է հարմարեցված լինի անվասայլակով ուղևորների համար։ Փոխադրողները նաև պարտավոր կլինեն համայնքներին իրական ժամանակում տրամադրել մեքենաների գտնվելու վայրի տվյալները։",
                ),
                (
                    "quote",
                    "Գյումրու, Վանաձորի կամ Կապանի բնակիչներն արժանի են նույնքան հուսալի ավտոբուսի, որքան երևանցիները։ Այս օրենքը մարզերին գործիքներ է տալիս դա պահանջելու համար։",
                    "Գոռ Մելիքյան, հանձնաժողովի նախագահի տեղակալ",
                ),
                (
                    "p",
                    "Հանձնաժողովի ընդդիմադիր անդամները կասկածի տակ են դրել բարեփոխման արժեքը։ Նրանց խոսքով՝ նախարարության գնահատած 18 միլիարդ դրամը հինգ տարվա համար չի ներառում այն սուբսիդիաները, որոնք անհրաժեշտ կլինեն փոքր քաղաքներին՝ ոչ շահութաբեր երթուղիները պահպանելու համար։",
                ),
                (
                    "p",
                    "Լսումներին հրավիրված մասնավոր փոխադրողների ներկայացուցիչները խնդրել են երկարաձգել անցումային ժամկետը՝ պնդելով, որ առանց մատչելի վարկերի օպերատորների մեծ մասը չի կարողանա երեք տարում թարմացնել իր ավտոպարկը։",
                ),
                (
                    "p",
                    "Հանձնաժողովը յոթ կողմ, երեք դեմ ձայներով որոշել է նախագիծը փոփոխություններով ներկայացնել լիագումար նիստին։ Առաջին ընթերցումը սպասվում է հաջորդ ամիս։",
                ),
            ],
        },
    },
    {
        "key": "a-apricot-exports-record",
        "section": "economy",
        "hours_ago": 9,
        "image": {
            "credit": "Armenpress",
            "hue": 35,
            "alt": {
                "en": "Crates of ripe apricots stacked in a warehouse",
                "ru": "Ящики со спелыми абрикосами, сложенные на складе",
                "hy": "Հասած ծիրանով արկղեր՝ դարսված պահեստում",
            },
            "caption": {
                "en": "Apricots ready for shipment at a packing house near Yerevan in the summer.",
                "ru": "Абрикосы, готовые к отправке, на упаковочном предприятии под Ереваном летом.",
                "hy": "Առաքման պատրաստ ծիրան Երևանի մերձակայքում գտնվող փաթեթավորման արտադրամասում՝ ամռանը։",
            },
        },
        "tags": {
            "en": ["exports", "agriculture", "economy"],
            "ru": ["экспорт", "сельское хозяйство", "экономика"],
            "hy": ["արտահանում", "գյուղատնտեսություն", "տնտեսություն"],
        },
        "en": {
            "title": "Apricot exports reach a record 31,000 tonnes",
            "slug": "apricot-exports-reach-record-31000-tonnes",
            "standfirst": "Final customs figures show that Armenia shipped 12 percent more fresh apricots this season than a year earlier. Growers say queues at the border remain the main obstacle to further growth.",
            "dateline": "Yerevan",
            "author": "Narek Avetisyan",
            "body": [
                (
                    "p",
                    "Armenia exported 31,200 tonnes of fresh apricots this season, 12 percent more than a year earlier and the highest figure in at least a decade, according to final customs data presented today at a meeting of fruit exporters in Yerevan.",
                ),
                (
                    "p",
                    "Russia remained the largest buyer, taking about three quarters of the volume, but shipments to the Gulf states and to Georgia grew fastest. For the first time, several exporters sent apricots by air to buyers in Poland and Germany.",
                ),
                (
                    "image",
                    {
                        "credit": "Tribune/Lilit Hakobyan",
                        "hue": 28,
                        "alt": "Workers sorting apricots by size on a conveyor belt",
                        "caption": "Sorting fruit at a packing house in the Ararat valley in July.",
                    },
                ),
                (
                    "quote",
                    "The weather was kind to us this year: no late frost in April and no hail in June. What cost us money was the waiting at the border, not the harvest.",
                    "Hovik Manukyan, chairman of a growers' cooperative in Armavir province",
                ),
                (
                    "p",
                    "Farmers in the Ararat valley were paid 300 to 450 drams per kilogram at the farm gate, depending on variety and size, slightly more than the summer before. Makers of dried apricots and jam say they also paid more for lower-grade fruit.",
                ),
                (
                    "p",
                    "Exporters told the meeting that the queue at the Upper Lars crossing remained their main concern: at the peak of the season, trucks waited up to three days. Officials said refrigerated rail shipments were being discussed as an alternative for next summer.",
                ),
                (
                    "p",
                    "Earnings from fresh apricot exports are estimated at about 38 million dollars. Growers hope to pass 35,000 tonnes next year, when new orchards planted in Armavir province begin to bear fruit.",
                ),
            ],
        },
        "ru": {
            "title": "Экспорт абрикосов достиг рекордных 31 тысячи тонн",
            "slug": "eksport-abrikosov-dostig-rekorda",
            "standfirst": "Согласно итоговым таможенным данным, в этом сезоне Армения экспортировала на 12 процентов больше свежих абрикосов, чем годом ранее. Садоводы говорят, что главным препятствием для дальнейшего роста остаются очереди на границе.",
            "dateline": "Ереван",
            "author": "Нарек Аветисян",
            "body": [
                (
                    "p",
                    "В этом сезоне Армения экспортировала 31 200 тонн свежих абрикосов — на 12 процентов больше, чем годом ранее, и больше, чем в любой другой год как минимум за последнее десятилетие. Такие итоговые таможенные данные были представлены сегодня на встрече экспортеров фруктов в Ереване.",
                ),
                (
                    "p",
                    "Крупнейшим покупателем осталась Россия, на которую пришлось около трех четвертей объема, однако быстрее всего росли поставки в страны Персидского залива и в Грузию. Несколько экспортеров впервые отправили абрикосы самолетом покупателям в Польше и Германии.",
                ),
                (
                    "image",
                    {
                        "credit": "Tribune/Lilit Hakobyan",
                        "hue": 28,
                        "alt": "Работники сортируют абрикосы по размеру на конвейерной ленте",
                        "caption": "Сортировка плодов на упаковочном предприятии в Араратской долине в июле.",
                    },
                ),
                (
                    "quote",
                    "В этом году погода была к нам благосклонна: ни поздних заморозков в апреле, ни града в июне. Деньги мы теряли не на урожае, а на ожидании у границы.",
                    "Овик Манукян, председатель кооператива садоводов в Армавирской области",
                ),
                (
                    "p",
                    "Фермерам Араратской долины платили от 300 до 450 драмов за килограмм в зависимости от сорта и размера — немного больше, чем прошлым летом. Производители кураги и варенья говорят, что и за плоды низших сортов им пришлось платить больше.",
                ),
                (
                    "p",
                    "Экспортеры заявили на встрече, что главной проблемой для них по-прежнему остается очередь на КПП «Верхний Ларс»: в разгар сезона грузовики простаивали там до трех суток. По словам чиновников, в качестве альтернативы на следующее лето обсуждаются железнодорожные перевозки в рефрижераторных вагонах.",
                ),
                (
                    "p",
                    "Выручка от экспорта свежих абрикосов оценивается примерно в 38 миллионов долларов. Садоводы надеются превысить 35 000 тонн в следующем году, когда начнут плодоносить новые сады, заложенные в Армавирской области.",
                ),
            ],
        },
        "hy": {
            "title": "Ծիրանի արտահանումը հասել է ռեկորդային 31 հազար տոննայի",
            "slug": "tsirani-artahanumy-hasel-e-rekordayin-tsavali",
            "standfirst": "Մաքսային վերջնական տվյալների համաձայն՝ այս սեզոնին Հայաստանն արտահանել է 12 տոկոսով ավելի թարմ ծիրան, քան մեկ տարի առաջ։ Այգեգործների խոսքով՝ հետագա աճի գլխավոր խոչընդոտը շարունակում են մնալ սահմանի հերթերը։",
            "dateline": "Երևան",
            "author": "Նարեկ Ավետիսյան",
            "body": [
                (
                    "p",
                    "Այս սեզոնին Հայաստանն արտահանել է 31 200 տոննա թարմ ծիրան, ինչը 12 տոկոսով ավելի է, քան նախորդ տարի, և առնվազն վերջին տասնամյակի ամենաբարձր ցուցանիշն է։ Մաքսային այս վերջնական տվյալները այսօր ներկայացվել են Երևանում մրգի արտահանողների հանդիպմանը։",
                ),
                (
                    "p",
                    "Խոշորագույն գնորդը մնացել է Ռուսաստանը, որին բաժին է ընկել ծավալի մոտ երեք քառորդը, սակայն ամենաարագ աճել են առաքումները Պարսից ծոցի երկրներ և Վրաստան։ Մի քանի արտահանող առաջին անգամ ծիրան է ուղարկել օդային ճանապարհով՝ Լեհաստանի և Գերմանիայի գնորդներին։",
                ),
                (
                    "image",
                    {
                        "credit": "Tribune/Lilit Hakobyan",
                        "hue": 28,
                        "alt": "Աշխատողները փոխակրիչ ժապավենի վրա ծիրանը տեսակավորում են ըստ չափի",
                        "caption": "Մրգի տեսակավորում Արարատյան դաշտի փաթեթավորման արտադրամասում՝ հուլիսին։",
                    },
                ),
                (
                    "quote",
                    "Այս տարի եղանակը մեզ բարեհաճ էր՝ ո՛չ ապրիլին ուշ ցրտահարություն եղավ, ո՛չ էլ հունիսին կարկուտ։ Մենք գումար կորցրինք ոչ թե բերքի, այլ սահմանին սպասելու պատճառով։",
                    "Հովիկ Մանուկյան, Արմավիրի մարզի այգեգործական կոոպերատիվի նախագահ",
                ),
                (
                    "p",
                    "Արարատյան դաշտի ֆերմերներին վճարել են կիլոգրամի դիմաց 300-ից 450 դրամ՝ կախված տեսակից և չափից, ինչը մի փոքր ավելի է, քան նախորդ ամռանը։ Չիր և մուրաբա արտադրողներն ասում են, որ ցածր տեսակի մրգի համար ևս ստիպված են եղել ավելի շատ վճարել։",
                ),
                (
                    "p",
                    "Հանդիպմանը արտահանողները նշել են, որ իրենց գլխավոր խնդիրը շարունակում է մնալ «Վերին Լարս» անցակետի հերթը, որտեղ սեզոնի գագաթնակետին բեռնատարները սպասել են մինչև երեք օր։ Պաշտոնյաների խոսքով՝ որպես այլընտրանք հաջորդ ամռան համար քննարկվում են սառնարանային վագոններով երկաթուղային փոխադրումները։",
                ),
                (
                    "p",
                    "Թարմ ծիրանի արտահանումից ստացված հասույթը գնահատվում է մոտ 38 միլիոն դոլար։ Այգեգործները հույս ունեն հաջորդ տարի գերազանցել 35 000 տոննան, երբ բերք կտան Արմավիրի մարզում հիմնված նոր այգիները։",
                ),
            ],
        },
    },
    {
        "key": "a-metro-extension-works-begin",
        "section": "society",
        "hours_ago": 20,
        "image": {
            "credit": "Tribune",
            "hue": 200,
            "alt": {
                "en": "A fenced construction site next to a metro station entrance",
                "ru": "Огороженная стройплощадка рядом со входом на станцию метро",
                "hy": "Ցանկապատված շինհրապարակ մետրոյի կայարանի մուտքի մոտ",
            },
            "caption": {
                "en": "The site of the first tunnel shaft near Barekamutyun station.",
                "ru": "Площадка первой шахты тоннеля у станции «Барекамутюн».",
                "hy": "Թունելի առաջին հորանի տարածքը «Բարեկամություն» կայարանի մոտ։",
            },
        },
        "tags": {
            "en": ["Yerevan", "transport"],
            "ru": ["Ереван", "транспорт"],
            "hy": ["Երևան", "տրանսպորտ"],
        },
        "en": {
            "title": "Works begin on Yerevan metro extension to Ajapnyak",
            "slug": "yerevan-metro-extension-ajapnyak-works-begin",
            "standfirst": "Builders have fenced off a site near Barekamutyun station for the first shaft of a 2.1-kilometre tunnel. The new station, the first in almost three decades, is due to open in 2029.",
            "dateline": "Yerevan",
            "author": "",
            "body": [
                (
                    "p",
                    "Preparatory works for the extension of the Yerevan metro began today near Barekamutyun station, where builders fenced off a site for the first shaft of a new 2.1-kilometre tunnel towards the Ajapnyak district.",
                ),
                (
                    "p",
                    "The extension will add one station to the network, which is expected to serve about 40,000 passengers a day. The project is estimated at 48 billion drams, part of which will come as a loan from an international development bank.",
                ),
                (
                    "quote",
                    "For people in Ajapnyak, the trip to the city centre will take 12 minutes instead of 40 on a crowded bus. We know the works will be a nuisance, and we will try to keep it as small as possible.",
                    "Mariam Hovsepyan, head of the city's transport department",
                ),
                (
                    "p",
                    "During the first phase, which will last about eight months, part of the car park next to the station will be closed and two bus stops will be moved 150 metres. Trains will run as usual throughout the works, the city says.",
                ),
                (
                    "p",
                    "Tunnelling will be done mainly at night to limit noise, and residents of nearby buildings will be able to follow vibration measurements on a public website.",
                ),
                (
                    "p",
                    "Residents who gathered at the fence welcomed the news, though some were cautious. One pensioner said he had been hearing about a station in Ajapnyak since the 1980s and would believe in it when he could take a train there.",
                ),
            ],
        },
        "ru": {
            "title": "В Ереване начались работы по продлению метро до Аджапняка",
            "slug": "nachalis-raboty-po-prodleniyu-metro-do-adzhapnyaka",
            "standfirst": "Строители огородили площадку у станции «Барекамутюн» для первой шахты тоннеля длиной 2,1 километра. Новая станция — первая почти за три десятилетия — должна открыться в 2029 году.",
            "dateline": "Ереван",
            "author": "",
            "body": [
                (
                    "p",
                    "У станции «Барекамутюн» сегодня начались подготовительные работы по продлению ереванского метрополитена: строители огородили площадку для первой шахты нового тоннеля длиной 2,1 километра в сторону района Аджапняк.",
                ),
                (
                    "p",
                    "Продление добавит к сети одну станцию, которая, как ожидается, будет обслуживать около 40 000 пассажиров в день. Стоимость проекта оценивается в 48 миллиардов драмов, часть средств в виде кредита предоставит один из международных банков развития.",
                ),
                (
                    "quote",
                    "Для жителей Аджапняка дорога до центра города займет 12 минут вместо 40 в переполненном автобусе. Мы понимаем, что работы доставят неудобства, и постараемся свести их к минимуму.",
                    "Мариам Овсепян, руководитель управления транспорта мэрии",
                ),
                (
                    "p",
                    "На первом этапе, который продлится около восьми месяцев, будет закрыта часть парковки рядом со станцией, а две автобусные остановки перенесут на 150 метров. По данным мэрии, все это время поезда будут ходить в обычном режиме.",
                ),
                (
                    "p",
                    "Проходка тоннеля будет вестись в основном по ночам, чтобы снизить шум, а жители соседних домов смогут следить за замерами вибрации на открытом сайте.",
                ),
                (
                    "p",
                    "Собравшиеся у ограждения жители встретили новость с радостью, хотя некоторые отнеслись к ней осторожно. Один пенсионер сказал, что слышит о станции в Аджапняке с 1980-х годов и поверит в нее, когда сможет доехать туда на поезде.",
                ),
            ],
        },
        "hy": {
            "title": "Մեկնարկել են Երևանի մետրոյի՝ դեպի Աջափնյակ երկարացման աշխատանքները",
            "slug": "metroyi-erkaracman-ashkhatanqnery-meknarkel-en",
            "standfirst": "Շինարարները «Բարեկամություն» կայարանի մոտ ցանկապատել են 2,1 կիլոմետր երկարությամբ թունելի առաջին հորանի տարածքը։ Նոր կայարանը՝ գրեթե երեք տասնամյակում առաջինը, պետք է բացվի 2029 թվականին։",
            "dateline": "Երևան",
            "author": "",
            "body": [
                (
                    "p",
                    "«Բարեկամություն» կայարանի մոտ այսօր մեկնարկել են Երևանի մետրոպոլիտենի երկարացման նախապատրաստական աշխատանքները։ Շինարարները ցանկապատել են դեպի Աջափնյակ վարչական շրջան տանող 2,1 կիլոմետրանոց նոր թունելի առաջին հորանի տարածքը։",
                ),
                (
                    "p",
                    "Երկարացման շնորհիվ ցանցին կավելանա մեկ կայարան, որը, ըստ կանխատեսումների, օրական կսպասարկի մոտ 40 000 ուղևոր։ Ծրագրի արժեքը գնահատվում է 48 միլիարդ դրամ, որի մի մասը վարկի տեսքով կտրամադրի միջազգային զարգացման բանկերից մեկը։",
                ),
                (
                    "quote",
                    "Աջափնյակի բնակիչների համար ճանապարհը մինչև քաղաքի կենտրոն կտևի 12 րոպե՝ մարդաշատ ավտոբուսով 40 րոպեի փոխարեն։ Մենք գիտենք, որ աշխատանքներն անհարմարություններ կպատճառեն, և կփորձենք դրանք հասցնել նվազագույնի։",
                    "Մարիամ Հովսեփյան, քաղաքապետարանի տրանսպորտի վարչության պետ",
                ),
                (
                    "p",
                    "Առաջին փուլում, որը կտևի մոտ ութ ամիս, կփակվի կայարանի հարևանությամբ գտնվող ավտոկայանատեղիի մի մասը, իսկ ավտոբուսային երկու կանգառ կտեղափոխվի 150 մետր։ Քաղաքապետարանի տվյալներով՝ այդ ամբողջ ընթացքում գնացքները կերթևեկեն սովորական ռեժիմով։",
                ),
                (
                    "p",
                    "Թունելի փորման աշխատանքները հիմնականում կիրականացվեն գիշերը՝ աղմուկը նվազեցնելու նպատակով, իսկ հարակից շենքերի բնակիչները կկարողանան հանրային կայքում հետևել թրթռումների չափումներին։",
                ),
                (
                    "p",
                    "Ցանկապատի մոտ հավաքված բնակիչները ողջունել են լուրը, թեև ոմանք զգուշավոր էին։ Թոշակառուներից մեկն ասաց, որ Աջափնյակում կայարանի մասին լսում է դեռ 1980-ականներից և կհավատա դրան, երբ կկարողանա գնացքով այնտեղ հասնել։",
                ),
            ],
        },
    },
    {
        "key": "a-gyumri-crafts-museum-reopens",
        "section": "culture",
        "hours_ago": 30,
        "image": {
            "credit": "Press office",
            "hue": 280,
            "alt": {
                "en": "The black tuff façade of a two-storey house with carved wooden balconies",
                "ru": "Фасад двухэтажного дома из черного туфа с резными деревянными балконами",
                "hy": "Փորագրված փայտե պատշգամբներով երկհարկանի տան սև տուֆե ճակատը",
            },
            "caption": {
                "en": "The museum occupies a merchant's house built in the 1880s.",
                "ru": "Музей занимает купеческий дом, построенный в 1880-х годах.",
                "hy": "Թանգարանը գտնվում է 1880-ականներին կառուցված վաճառականի տանը։",
            },
        },
        "tags": {
            "en": ["Gyumri", "culture", "tourism"],
            "ru": ["Гюмри", "культура", "туризм"],
            "hy": ["Գյումրի", "մշակույթ", "զբոսաշրջություն"],
        },
        "en": {
            "title": "Gyumri crafts museum reopens after two-year renovation",
            "slug": "gyumri-crafts-museum-reopens-after-renovation",
            "standfirst": "The museum, housed in a 19th-century merchant's house of black tuff, now has a new roof, a lift and a hall for today's craftsmen. Entry is free this weekend.",
            "dateline": "Gyumri",
            "author": "",
            "body": [
                (
                    "p",
                    "The Gyumri Museum of Crafts reopened to visitors today after a two-year renovation that cost 620 million drams, paid for by the state budget and a grant from a cultural heritage foundation.",
                ),
                (
                    "p",
                    "Builders replaced the roof and the heating of the two-storey house, built by a merchant family in the 1880s, and restored its carved wooden balconies. A lift and a ramp at the side entrance now make both floors accessible to visitors in wheelchairs.",
                ),
                (
                    "quote",
                    "For two years our collection lived in boxes. Today the copper pots, the carpets and the silver belts are back in the light, and for the first time visitors can also see how such things are made.",
                    "Siranush Karapetyan, director of the museum",
                ),
                (
                    "p",
                    "The permanent exhibition shows about 900 of the museum's 3,800 objects, from 18th-century copperware to woodcarving by Gyumri masters of the early 20th century. Many of the pieces have never been shown before because there was no room for them.",
                ),
                (
                    "p",
                    "A new hall on the ground floor will host weekly demonstrations by working craftsmen. The first guests are a blacksmith and two carpet weavers from Shirak province, who will work in front of the public until the end of the month.",
                ),
                (
                    "p",
                    "Entry will be free on Saturday and Sunday. From next week, tickets will cost 1,000 drams for adults and 300 drams for schoolchildren.",
                ),
            ],
        },
        "ru": {
            "title": "Музей ремесел в Гюмри вновь открылся после двухлетней реконструкции",
            "slug": "muzey-remesel-v-gyumri-vnov-otkrylsya",
            "standfirst": "В музее, который занимает купеческий дом XIX века из черного туфа, теперь новая крыша, лифт и зал для современных мастеров. В эти выходные вход бесплатный.",
            "dateline": "Гюмри",
            "author": "",
            "body": [
                (
                    "p",
                    "Гюмрийский музей ремесел сегодня вновь открылся для посетителей после двухлетней реконструкции стоимостью 620 миллионов драмов, которую оплатили из государственного бюджета и за счет гранта фонда культурного наследия.",
                ),
                (
                    "p",
                    "Строители заменили крышу и отопление двухэтажного дома, построенного купеческой семьей в 1880-х годах, и отреставрировали его резные деревянные балконы. Лифт и пандус у бокового входа теперь делают оба этажа доступными для посетителей на инвалидных колясках.",
                ),
                (
                    "quote",
                    "Два года наша коллекция пролежала в коробках. Сегодня медные котлы, ковры и серебряные пояса снова на свету, и впервые посетители могут увидеть еще и то, как такие вещи делаются.",
                    "Сирануш Карапетян, директор музея",
                ),
                (
                    "p",
                    "Постоянная экспозиция представляет около 900 из 3800 предметов музейного собрания — от медной посуды XVIII века до резьбы по дереву гюмрийских мастеров начала XX века. Многие предметы прежде никогда не выставлялись, потому что для них не было места.",
                ),
                (
                    "p",
                    "В новом зале на первом этаже каждую неделю будут проходить показы работы современных мастеров. Первыми гостями стали кузнец и две ковровщицы из Ширакской области, которые будут работать на глазах у публики до конца месяца.",
                ),
                (
                    "p",
                    "В субботу и воскресенье вход будет бесплатным. Со следующей недели билет будет стоить 1000 драмов для взрослых и 300 драмов для школьников.",
                ),
            ],
        },
        "hy": {
            "title": "Գյումրու արհեստների թանգարանը վերաբացվել է երկամյա վերանորոգումից հետո",
            "slug": "gyumru-arhestneri-tangarany-verabacvel-e",
            "standfirst": "Թանգարանը, որը գտնվում է 19-րդ դարի սև տուֆից կառուցված վաճառականի տանը, այժմ ունի նոր տանիք, վերելակ և դահլիճ՝ ժամանակակից վարպետների համար։ Այս հանգստյան օրերին մուտքն անվճար է։",
            "dateline": "Գյումրի",
            "author": "",
            "body": [
                (
                    "p",
                    "Գյումրու արհեստների թանգարանն այսօր կրկին բացել է իր դռները այցելուների առջև՝ երկու տարի տևած վերանորոգումից հետո։ Աշխատանքներն արժեցել են 620 միլիոն դրամ և ֆինանսավորվել են պետական բյուջեից ու մշակութային ժառանգության հիմնադրամի դրամաշնորհով։",
                ),
                (
                    "p",
                    "Շինարարները փոխել են 1880-ականներին վաճառական ընտանիքի կառուցած երկհարկանի տան տանիքն ու ջեռուցման համակարգը և վերականգնել են դրա փորագրված փայտե պատշգամբները։ Կողային մուտքի մոտ տեղադրված վերելակն ու թեքահարթակն այժմ երկու հարկերն էլ մատչելի են դարձնում անվասայլակով այցելուների համար։",
                ),
                (
                    "quote",
                    "Երկու տարի մեր հավաքածուն արկղերում էր։ Այսօր պղնձե կաթսաները, գորգերը և արծաթե գոտիները կրկին լույսի ներքո են, և առաջին անգամ այցելուները կարող են տեսնել նաև, թե ինչպես են պատրաստվում նման իրերը։",
                    "Սիրանուշ Կարապետյան, թանգարանի տնօրեն",
                ),
                (
                    "p",
                    "Մշտական ցուցադրությունում ներկայացված է թանգարանի 3800 առարկաներից մոտ 900-ը՝ 18-րդ դարի պղնձե ամանեղենից մինչև 20-րդ դարասկզբի գյումրեցի վարպետների փայտի փորագրություններ։ Շատ առարկաներ նախկինում երբեք չեն ցուցադրվել, քանի որ դրանց համար տեղ չկար։",
                ),
                (
                    "p",
                    "Առաջին հարկի նոր դահլիճում ամեն շաբաթ ժամանակակից վարպետները ցույց կտան, թե ինչպես են աշխատում։ Առաջին հյուրերն են Շիրակի մարզից մի դարբին և երկու գորգագործ կին, որոնք մինչև ամսվա վերջ կաշխատեն հանդիսատեսի աչքի առաջ։",
                ),
                (
                    "p",
                    "Շաբաթ և կիրակի օրերին մուտքն անվճար կլինի։ Հաջորդ շաբաթվանից տոմսի արժեքը կկազմի 1000 դրամ մեծահասակների և 300 դրամ դպրոցականների համար։",
                ),
            ],
        },
    },
    {
        "key": "a-youth-chess-open",
        "section": "sport",
        "hours_ago": 50,
        "image": {
            "credit": "Tribune/Lilit Hakobyan",
            "hue": 120,
            "alt": {
                "en": "Young players bent over chessboards in a large hall",
                "ru": "Юные шахматисты склонились над досками в большом зале",
                "hy": "Երիտասարդ շախմատիստները կռացած շախմատի տախտակների վրա՝ մեծ դահլիճում",
            },
            "caption": {
                "en": "Parents and coaches filled the hall for the final round.",
                "ru": "На последний тур зал заполнили родители и тренеры.",
                "hy": "Վերջին տուրին դահլիճը լեփ-լեցուն էր ծնողներով և մարզիչներով։",
            },
        },
        "tags": {
            "en": ["Yerevan", "chess", "sport"],
            "ru": ["Ереван", "шахматы", "спорт"],
            "hy": ["Երևան", "շախմատ", "սպորտ"],
        },
        "en": {
            "title": "Vanadzor teenager wins under-14 title at Yerevan youth chess open",
            "slug": "yerevan-youth-chess-open-vanadzor-teenager-wins",
            "standfirst": "About 240 players from 14 countries competed in four age groups at the nine-round tournament. Armenian players took three of the four titles.",
            "dateline": "Yerevan",
            "author": "",
            "body": [
                (
                    "p",
                    "Fourteen-year-old Davit Mkrtchyan from Vanadzor won the under-14 section of the Yerevan Youth Chess Open, scoring 8 points out of 9 and finishing a full point ahead of his nearest rival.",
                ),
                (
                    "p",
                    "About 240 players aged 8 to 18 from 14 countries took part in the tournament, played over nine rounds in four age groups. Armenian players won three of the four sections, while the under-18 title went to a player from Georgia on tie-break.",
                ),
                (
                    "p",
                    "In the under-12 section, 11-year-old Mane Harutyunyan of Yerevan took the title and was the only player in the whole tournament to finish without a defeat.",
                ),
                (
                    "quote",
                    "The level rises every year. Ten years ago a player rated 1,800 could win the under-14 group; this time 1,800 was barely enough for the middle of the table.",
                    "Levon Aramyan, chief arbiter of the tournament",
                ),
                (
                    "p",
                    "The organisers said the number of foreign participants had doubled compared with last year, with large groups from Iran, Georgia and Kazakhstan. Parents and coaches filled the hall for the final round, which was also broadcast online with commentary in three languages.",
                ),
                (
                    "p",
                    "The winner of each section received a trophy and a paid place at an international training camp in the spring. The next edition is planned for the same time next year.",
                ),
            ],
        },
        "ru": {
            "title": "Подросток из Ванадзора выиграл группу до 14 лет на юношеском шахматном турнире в Ереване",
            "slug": "yunosheskiy-shakhmatnyy-turnir-v-erevane-pobeda-iz-vanadzora",
            "standfirst": "Около 240 шахматистов из 14 стран соревновались в четырех возрастных группах на турнире из девяти туров. Армянские игроки завоевали три титула из четырех.",
            "dateline": "Ереван",
            "author": "",
            "body": [
                (
                    "p",
                    "Четырнадцатилетний Давид Мкртчян из Ванадзора победил в группе до 14 лет на Ереванском юношеском шахматном опене, набрав 8 очков из 9 и на целое очко опередив ближайшего соперника.",
                ),
                (
                    "p",
                    "В турнире, который прошел в девять туров в четырех возрастных группах, участвовали около 240 шахматистов от 8 до 18 лет из 14 стран. Армянские игроки победили в трех группах из четырех, а титул в группе до 18 лет по дополнительным показателям достался шахматисту из Грузии.",
                ),
                (
                    "p",
                    "В группе до 12 лет победила одиннадцатилетняя Мане Арутюнян из Еревана — единственная участница всего турнира, не потерпевшая ни одного поражения.",
                ),
                (
                    "quote",
                    "Уровень растет с каждым годом. Десять лет назад шахматист с рейтингом 1800 мог выиграть группу до 14 лет, а в этот раз с 1800 едва удавалось попасть в середину таблицы.",
                    "Левон Арамян, главный арбитр турнира",
                ),
                (
                    "p",
                    "По словам организаторов, число иностранных участников по сравнению с прошлым годом удвоилось: большие группы приехали из Ирана, Грузии и Казахстана. На последний тур зал заполнили родители и тренеры, а партии транслировались в интернете с комментариями на трех языках.",
                ),
                (
                    "p",
                    "Победители каждой группы получили кубок и оплаченное место в международном тренировочном лагере весной. Следующий турнир планируется провести в то же время в следующем году.",
                ),
            ],
        },
        "hy": {
            "title": "Վանաձորցի պատանին հաղթել է Երևանի պատանեկան շախմատային մրցաշարի մինչև 14 տարեկանների խմբում",
            "slug": "patanekan-shakhmatayin-mrcashar-erevanum",
            "standfirst": "Ինը տուրից բաղկացած մրցաշարին չորս տարիքային խմբերում մասնակցել է 14 երկրի մոտ 240 շախմատիստ։ Հայ շախմատիստները նվաճել են չորս տիտղոսից երեքը։",
            "dateline": "Երևան",
            "author": "",
            "body": [
                (
                    "p",
                    "Վանաձորցի տասնչորսամյա Դավիթ Մկրտչյանը հաղթել է Երևանի պատանեկան շախմատային բաց մրցաշարի մինչև 14 տարեկանների խմբում՝ վաստակելով 9 հնարավորից 8 միավոր և մեկ ամբողջ միավորով առաջ անցնելով մոտակա մրցակցից։",
                ),
                (
                    "p",
                    "Մրցաշարին, որն անցկացվեց ինը տուրով չորս տարիքային խմբերում, մասնակցել է 14 երկրի 8-ից 18 տարեկան մոտ 240 շախմատիստ։ Հայ շախմատիստները հաղթել են չորս խմբից երեքում, իսկ մինչև 18 տարեկանների տիտղոսը լրացուցիչ ցուցանիշներով բաժին է հասել Վրաստանից մի շախմատիստի։",
                ),
                (
                    "p",
                    "Մինչև 12 տարեկանների խմբում հաղթել է երևանցի տասնմեկամյա Մանե Հարությունյանը, որը ողջ մրցաշարում միակ մասնակիցն էր, որ ոչ մի պարտություն չկրեց։",
                ),
                (
                    "quote",
                    "Մակարդակը տարեցտարի բարձրանում է։ Տասը տարի առաջ 1800 վարկանիշ ունեցող շախմատիստը կարող էր հաղթել մինչև 14 տարեկանների խմբում, իսկ այս անգամ 1800-ը հազիվ բավարարում էր աղյուսակի մեջտեղում հայտնվելու համար։",
                    "Լևոն Արամյան, մրցաշարի գլխավոր մրցավար",
                ),
                (
                    "p",
                    "Կազմակերպիչների խոսքով՝ օտարերկրյա մասնակիցների թիվը նախորդ տարվա համեմատ կրկնապատկվել է։ Մեծ խմբեր էին ժամանել Իրանից, Վրաստանից և Ղազախստանից։ Վերջին տուրին դահլիճը լցված էր ծնողներով ու մարզիչներով, իսկ պարտիաները հեռարձակվում էին համացանցով՝ երեք լեզվով մեկնաբանությամբ։",
                ),
                (
                    "p",
                    "Յուրաքանչյուր խմբի հաղթող ստացել է գավաթ և գարնանը կայանալիք միջազգային ուսումնամարզական հավաքում վճարված տեղ։ Հաջորդ մրցաշարը նախատեսվում է անցկացնել հաջորդ տարի՝ նույն ժամանակ։",
                ),
            ],
        },
    },
]
