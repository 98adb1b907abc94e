"""Demo stories, part B: five fictional agency stories in English, Russian and Armenian."""

ARTICLES = [
    {
        "key": "b-yerevan-new-schools-budget",
        "section": "politics",
        "hours_ago": 5,
        "image": {
            "credit": "Photolure",
            "hue": 25,
            "alt": {
                "en": "Pupils with school bags in a crowded school corridor",
                "ru": "Школьники с рюкзаками в переполненном школьном коридоре",
                "hy": "Ուսապարկերով աշակերտներ՝ մարդաշատ դպրոցական միջանցքում",
            },
            "caption": {
                "en": "Several schools in Nor Nork and Avan now teach well above their design capacity.",
                "ru": "Ряд школ в Нор-Норке и Аване сегодня работает далеко сверх проектной мощности.",
                "hy": "Նոր Նորքի և Ավանի մի շարք դպրոցներ այսօր աշխատում են նախագծային հզորությունից շատ ավելի։",
            },
        },
        "tags": {
            "en": ["Yerevan", "education"],
            "ru": ["Ереван", "образование"],
            "hy": ["Երևան", "կրթություն"],
        },
        "en": {
            "title": "Yerevan council approves 14.6 billion drams for four new schools",
            "slug": "yerevan-council-four-new-schools",
            "standfirst": "The city's council of elders has voted to fund new school buildings in Nor Nork, Avan, Malatia-Sebastia and Shengavit, with construction due to begin in the spring.",
            "dateline": "Yerevan",
            "author": "",
            "body": [
                (
                    "p",
                    "Yerevan's council of elders has approved a 14.6 billion dram programme to build four new school buildings in the city's fastest-growing districts. The plan passed with 48 votes in favour and 7 against after a debate that lasted nearly three hours.",
                ),
                (
                    "p",
                    "Each of the new schools, in Nor Nork, Avan, Malatia-Sebastia and Shengavit, will be designed for between 960 and 1,200 pupils. According to the city's education department, several existing schools in these districts now hold more than 40 per cent more pupils than they were designed for, and some have moved to teaching in two shifts.",
                ),
                (
                    "quote",
                    "Children should not be learning in corridors or in an afternoon shift just because a district has grown faster than its schools. These buildings are being designed for the next forty years, not the next four.",
                    "Gayane Melkonyan, head of the city's education department",
                ),
                (
                    "p",
                    "The buildings will have gyms, science laboratories, and ramps and lifts for pupils with disabilities, and will use rooftop solar panels and heat pumps. Tenders for design and construction are to be announced within a month, and work on the first two sites is expected to begin in the spring.",
                ),
                (
                    "p",
                    "Opposition members of the council supported the goal but criticised the timetable, arguing that the money should first go to repairing about 30 existing schools with leaking roofs and outdated heating. The city administration said a separate repair programme would be presented with next year's budget.",
                ),
                (
                    "p",
                    "If the tenders go to plan, the first two schools will open within two years and the other two a year after that.",
                ),
            ],
        },
        "ru": {
            "title": "Совет старейшин Еревана выделил 14,6 млрд драмов на четыре новые школы",
            "slug": "erevan-chetyre-novye-shkoly",
            "standfirst": "Городской совет старейшин проголосовал за финансирование новых школьных зданий в Нор-Норке, Аване, Малатия-Себастии и Шенгавите; строительство должно начаться весной.",
            "dateline": "Ереван",
            "author": "",
            "body": [
                (
                    "p",
                    "Совет старейшин Еревана утвердил программу стоимостью 14,6 млрд драмов по строительству четырех новых школьных зданий в самых быстрорастущих районах города. Решение было принято 48 голосами против 7 после дискуссии, продолжавшейся почти три часа.",
                ),
                (
                    "p",
                    "Каждая из новых школ — в Нор-Норке, Аване, Малатия-Себастии и Шенгавите — будет рассчитана на 960–1200 учеников. По данным управления образования мэрии, в ряде действующих школ этих районов учится более чем на 40 процентов больше детей, чем предусмотрено проектом, а некоторые перешли на обучение в две смены.",
                ),
                (
                    "quote",
                    "Дети не должны учиться в коридорах или во вторую смену только потому, что район вырос быстрее, чем его школы. Эти здания проектируются на ближайшие сорок лет, а не на четыре года.",
                    "Гаяне Мелконян, начальник управления образования мэрии",
                ),
                (
                    "p",
                    "В зданиях будут спортивные залы, естественно-научные лаборатории, пандусы и лифты для учеников с инвалидностью, а также солнечные панели на крышах и тепловые насосы. Тендеры на проектирование и строительство объявят в течение месяца, а работы на первых двух площадках должны начаться весной.",
                ),
                (
                    "p",
                    "Оппозиционные члены совета поддержали саму цель, но раскритиковали сроки, заявив, что в первую очередь деньги следует направить на ремонт около 30 действующих школ с протекающими крышами и устаревшим отоплением. В мэрии ответили, что отдельная программа ремонта будет представлена вместе с бюджетом на следующий год.",
                ),
                (
                    "p",
                    "Если тендеры пройдут по плану, первые две школы откроются в течение двух лет, а остальные две — годом позже.",
                ),
            ],
        },
        "hy": {
            "title": "Երևանի ավագանին 14,6 մլրդ դրամ հատկացրեց չորս նոր դպրոցի համար",
            "slug": "yerevan-avagani-chors-nor-dprots",
            "standfirst": "Քաղաքի ավագանին կողմ է քվեարկել Նոր Նորքում, Ավանում, Մալաթիա-Սեբաստիայում և Շենգավիթում նոր դպրոցական շենքերի ֆինանսավորմանը. շինարարությունը կսկսվի գարնանը։",
            "dateline": "Երևան",
            "author": "",
            "body": [
                (
                    "p",
                    "Երևանի ավագանին հաստատել է 14,6 մլրդ դրամ արժողությամբ ծրագիր՝ քաղաքի ամենաարագ աճող վարչական շրջաններում չորս նոր դպրոցական շենք կառուցելու համար։ Որոշումն ընդունվել է 48 կողմ և 7 դեմ ձայնով՝ շուրջ երեք ժամ տևած քննարկումից հետո։",
                ),
                (
                    "p",
                    "Նոր Նորքի, Ավանի, Մալաթիա-Սեբաստիայի և Շենգավիթի նոր դպրոցներից յուրաքանչյուրը նախատեսված կլինի 960-ից 1200 աշակերտի համար։ Քաղաքապետարանի կրթության վարչության տվյալներով՝ այդ շրջանների մի շարք գործող դպրոցներում սովորում է նախագծով նախատեսվածից ավելի քան 40 տոկոսով շատ երեխա, իսկ որոշ դպրոցներ անցել են երկհերթ ուսուցման։",
                ),
                (
                    "quote",
                    "Երեխաները չպետք է սովորեն միջանցքներում կամ երկրորդ հերթում միայն այն պատճառով, որ թաղամասն ավելի արագ է աճել, քան նրա դպրոցները։ Այս շենքերը նախագծվում են առաջիկա քառասուն տարվա, այլ ոչ թե չորս տարվա համար։",
                    "Գայանե Մելքոնյան, քաղաքապետարանի կրթության վարչության պետ",
                ),
                (
                    "p",
                    "Շենքերում կլինեն մարզադահլիճներ, բնագիտական լաբորատորիաներ, թեքահարթակներ և վերելակներ հաշմանդամություն ունեցող աշակերտների համար, ինչպես նաև տանիքներին տեղադրված արևային վահանակներ և ջերմային պոմպեր։ Նախագծման և շինարարության մրցույթները կհայտարարվեն մեկ ամսվա ընթացքում, իսկ առաջին երկու հատվածներում աշխատանքները կսկսվեն գարնանը։",
                ),
                (
                    "p",
                    "Ավագանու ընդդիմադիր անդամները պաշտպանել են բուն նպատակը, սակայն քննադատել են ժամկետները՝ պնդելով, որ գումարն առաջին հերթին պետք է ուղղել կաթող տանիքներով և հնացած ջեռուցմամբ շուրջ 30 գործող դպրոցների վերանորոգմանը։ Քաղաքապետարանից պատասխանել են, որ վերանորոգման առանձին ծրագիր կներկայացվի հաջորդ տարվա բյուջեի հետ միասին։",
                ),
                (
                    "p",
                    "Եթե մրցույթներն անցնեն ըստ ծրագրի, առաջին երկու դպրոցները կբացվեն երկու տարվա ընթացքում, իսկ մնացած երկուսը՝ մեկ տարի անց։",
                ),
            ],
        },
    },
    {
        "key": "b-gyumri-it-park-opens",
        "section": "economy",
        "hours_ago": 14,
        "image": {
            "credit": "Press office",
            "hue": 15,
            "alt": {
                "en": "The restored brick facade of the former textile factory that now houses Gyumri's IT park",
                "ru": "Отреставрированный кирпичный фасад бывшей текстильной фабрики, где теперь находится IT-парк Гюмри",
                "hy": "Նախկին տեքստիլ գործարանի վերականգնված աղյուսե ճակատը, որտեղ այժմ գործում է Գյումրիի ՏՏ պարկը",
            },
            "caption": {
                "en": "The factory building stood empty for almost two decades before its restoration.",
                "ru": "До реставрации здание фабрики почти два десятилетия пустовало.",
                "hy": "Մինչև վերականգնումը գործարանի շենքը գրեթե երկու տասնամյակ դատարկ էր։",
            },
        },
        "tags": {
            "en": ["Gyumri", "IT", "economy"],
            "ru": ["Гюмри", "IT", "экономика"],
            "hy": ["Գյումրի", "ՏՏ", "տնտեսություն"],
        },
        "en": {
            "title": "IT park opens in a former Gyumri textile factory",
            "slug": "gyumri-it-park-opens",
            "standfirst": "Fourteen companies have signed leases in the restored building, which its operators expect to house up to 600 jobs within three years.",
            "dateline": "Gyumri",
            "author": "Narine Avetisyan",
            "body": [
                (
                    "p",
                    "A new IT park has opened in Gyumri in a Soviet-era textile factory on the city's northern edge, which had stood empty for almost two decades. Restoring the 9,000-square-metre building cost 4.2 billion drams, shared between the state, the city and a group of private investors.",
                ),
                (
                    "p",
                    "Fourteen companies, mostly small software and game studios, have already signed leases, and the operators expect the park to house up to 600 jobs within three years. Tenants will pay a reduced rent for their first three years, and firms that hire graduates of local universities will get a further discount.",
                ),
                (
                    "quote",
                    "For years our best graduates took the morning bus to Yerevan and never came back. Now a developer can earn a Yerevan salary and still walk home to the old town for lunch.",
                    "Hovhannes Mkrtchyan, director of the park",
                ),
                (
                    "p",
                    "The park also houses a training centre that plans to teach 200 students a year programming, design and software testing, in Armenian and English. The first intake of 60 students, a third of them women, began classes this week.",
                ),
                (
                    "image",
                    {
                        "credit": "Tribune/Lilit Hakobyan",
                        "hue": 205,
                        "alt": "Young developers working at laptops in an open-plan office with brick walls",
                        "caption": "One of the open-plan offices on the park's second floor, where the factory's original brickwork has been kept.",
                    },
                ),
                (
                    "p",
                    "Local business owners welcomed the opening, saying the new jobs would bring more customers to cafés and shops in the surrounding streets. Some residents, however, raised concerns about the lack of parking and asked the city to extend bus routes to the area.",
                ),
                (
                    "p",
                    "If occupancy passes 80 per cent by the end of next year, the operators plan a second phase, with a conference hall and a dormitory for students from other towns of Shirak province.",
                ),
            ],
        },
        "ru": {
            "title": "В бывшей текстильной фабрике Гюмри открылся IT-парк",
            "slug": "gyumri-it-park-otkrylsya",
            "standfirst": "Договоры аренды в отреставрированном здании уже подписали четырнадцать компаний; по оценке операторов, в течение трех лет здесь будет до 600 рабочих мест.",
            "dateline": "Гюмри",
            "author": "Нарине Аветисян",
            "body": [
                (
                    "p",
                    "В Гюмри открылся новый IT-парк — в здании советской текстильной фабрики на северной окраине города, почти два десятилетия простоявшем пустым. Реставрация здания площадью 9000 квадратных метров обошлась в 4,2 млрд драмов, расходы разделили государство, город и группа частных инвесторов.",
                ),
                (
                    "p",
                    "Договоры аренды уже подписали четырнадцать компаний, в основном небольшие студии разработки программ и игр, а операторы рассчитывают, что в течение трех лет в парке будет до 600 рабочих мест. Первые три года арендаторы будут платить по льготной ставке, а компании, нанимающие выпускников местных вузов, получат дополнительную скидку.",
                ),
                (
                    "quote",
                    "Годами наши лучшие выпускники садились на утренний автобус в Ереван и больше не возвращались. Теперь разработчик может получать ереванскую зарплату и при этом ходить обедать домой, в старый город.",
                    "Ованнес Мкртчян, директор парка",
                ),
                (
                    "p",
                    "В парке также работает учебный центр, который планирует ежегодно обучать 200 студентов программированию, дизайну и тестированию программного обеспечения на армянском и английском языках. Первый набор из 60 студентов, треть из которых — девушки, приступил к занятиям на этой неделе.",
                ),
                (
                    "image",
                    {
                        "credit": "Tribune/Lilit Hakobyan",
                        "hue": 205,
                        "alt": "Молодые разработчики за ноутбуками в офисе открытой планировки с кирпичными стенами",
                        "caption": "Один из офисов открытой планировки на втором этаже парка, где сохранили исходную кирпичную кладку фабрики.",
                    },
                ),
                (
                    "p",
                    "Местные предприниматели приветствовали открытие, отметив, что новые рабочие места приведут больше посетителей в кафе и магазины на соседних улицах. Часть жителей, однако, выразила обеспокоенность нехваткой парковочных мест и попросила город продлить сюда автобусные маршруты.",
                ),
                (
                    "p",
                    "Если к концу следующего года заполняемость превысит 80 процентов, операторы намерены начать второй этап — с конференц-залом и общежитием для студентов из других городов Ширакской области.",
                ),
            ],
        },
        "hy": {
            "title": "Գյումրիի նախկին տեքստիլ գործարանում ՏՏ պարկ է բացվել",
            "slug": "gyumri-tt-park-batsvel-e",
            "standfirst": "Վերականգնված շենքում վարձակալության պայմանագրեր են կնքել տասնչորս ընկերություններ. շահագործողների գնահատմամբ՝ երեք տարվա ընթացքում այստեղ կլինի մինչև 600 աշխատատեղ։",
            "dateline": "Գյումրի",
            "author": "Նարինե Ավետիսյան",
            "body": [
                (
                    "p",
                    "Գյումրիում բացվել է նոր ՏՏ պարկ՝ քաղաքի հյուսիսային ծայրամասում գտնվող խորհրդային շրջանի տեքստիլ գործարանի շենքում, որը գրեթե երկու տասնամյակ դատարկ էր։ 9000 քառակուսի մետր մակերեսով շենքի վերականգնումն արժեցել է 4,2 մլրդ դրամ, որը կիսել են պետությունը, համայնքը և մասնավոր ներդրողների խումբը։",
                ),
                (
                    "p",
                    "Վարձակալության պայմանագրեր արդեն կնքել են տասնչորս ընկերություններ՝ հիմնականում ծրագրային ապահովման և խաղերի փոքր ստուդիաներ, իսկ շահագործողներն ակնկալում են, որ երեք տարվա ընթացքում պարկում կլինի մինչև 600 աշխատատեղ։ Առաջին երեք տարին վարձակալները կվճարեն արտոնյալ դրույքաչափով, իսկ տեղի բուհերի շրջանավարտներին աշխատանքի ընդունող ընկերությունները լրացուցիչ զեղչ կստանան։",
                ),
                (
                    "quote",
                    "Տարիներ շարունակ մեր լավագույն շրջանավարտները նստում էին առավոտյան ավտոբուսը դեպի Երևան և այլևս չէին վերադառնում։ Հիմա ծրագրավորողը կարող է երևանյան աշխատավարձ ստանալ և, միևնույն ժամանակ, ճաշի ընդմիջմանը տուն գնալ՝ հին քաղաք։",
                    "Հովհաննես Մկրտչյան, պարկի տնօրեն",
                ),
                (
                    "p",
                    "Պարկում գործում է նաև ուսումնական կենտրոն, որը նախատեսում է տարեկան 200 ուսանողի սովորեցնել ծրագրավորում, դիզայն և ծրագրային ապահովման թեստավորում՝ հայերենով և անգլերենով։ Առաջին հոսքի 60 ուսանողները, որոնց մեկ երրորդը աղջիկներ են, դասերն սկսել են այս շաբաթ։",
                ),
                (
                    "image",
                    {
                        "credit": "Tribune/Lilit Hakobyan",
                        "hue": 205,
                        "alt": "Երիտասարդ ծրագրավորողներ նոութբուքերի առջև՝ աղյուսե պատերով բաց տարածքով գրասենյակում",
                        "caption": "Պարկի երկրորդ հարկի բաց տարածքով գրասենյակներից մեկը, որտեղ պահպանվել է գործարանի սկզբնական աղյուսե շարվածքը։",
                    },
                ),
                (
                    "p",
                    "Տեղի գործարարները ողջունել են պարկի բացումը՝ նշելով, որ նոր աշխատատեղերը հարակից փողոցների սրճարաններին և խանութներին ավելի շատ հաճախորդներ կբերեն։ Սակայն բնակիչների մի մասը մտահոգություն է հայտնել կայանատեղերի պակասի կապակցությամբ և խնդրել համայնքին ավտոբուսային երթուղիները երկարացնել մինչև այս թաղամաս։",
                ),
                (
                    "p",
                    "Եթե մինչև հաջորդ տարվա վերջ զբաղվածությունը գերազանցի 80 տոկոսը, շահագործողները մտադիր են սկսել երկրորդ փուլը՝ համաժողովների դահլիճով և Շիրակի մարզի այլ բնակավայրերից եկած ուսանողների համար հանրակացարանով։",
                ),
            ],
        },
    },
    {
        "key": "b-lake-sevan-level-survey",
        "section": "society",
        "hours_ago": 26,
        "image": {
            "credit": "Armenpress",
            "hue": 195,
            "alt": {
                "en": "A research boat on the calm surface of Lake Sevan with mountains behind",
                "ru": "Исследовательское судно на спокойной глади Севана на фоне гор",
                "hy": "Հետազոտական նավակ Սևանա լճի հանդարտ մակերևույթին՝ լեռների ֆոնին",
            },
            "caption": {
                "en": "Hydrologists took measurements at 36 points around the lake over three weeks.",
                "ru": "Гидрологи в течение трех недель проводили измерения в 36 точках озера.",
                "hy": "Հիդրոլոգները երեք շաբաթվա ընթացքում չափումներ են կատարել լճի 36 կետում։",
            },
        },
        "tags": {
            "en": ["Lake Sevan", "environment", "agriculture"],
            "ru": ["Севан", "экология", "сельское хозяйство"],
            "hy": ["Սևան", "շրջակա միջավայր", "գյուղատնտեսություն"],
        },
        "en": {
            "title": "Lake Sevan rises 14 centimetres in a year, survey finds",
            "slug": "lake-sevan-level-rises-survey",
            "standfirst": "A snowy winter and tighter limits on water drawn for irrigation lifted the lake to 1,901.36 metres above sea level, but scientists warn that algal blooms remain a concern.",
            "dateline": "Sevan",
            "author": "",
            "body": [
                (
                    "p",
                    "The water level of Lake Sevan has risen by 14 centimetres over the past twelve months and now stands at 1,901.36 metres above sea level, according to the annual survey of the lake's hydrological monitoring centre.",
                ),
                (
                    "p",
                    "A team of eleven hydrologists and biologists took measurements at 36 points around the lake over three weeks, from a research boat and at gauging stations on the shore. They attributed the rise mainly to heavy snowfall in the surrounding mountains last winter and to a lower cap on the water drawn from the lake for irrigation in the Ararat valley.",
                ),
                (
                    "quote",
                    "Fourteen centimetres may not sound like much, but for a lake of this size it is about 175 million cubic metres of water. It shows that careful management works, even if we are still far from the target.",
                    "Sona Harutyunyan, hydrologist who led the survey",
                ),
                (
                    "p",
                    "The long-term target set by law is 1,903.5 metres. The survey found that about 120 hectares of trees and shrubs in the shoreline zone due to be flooded have still not been cleared; vegetation rotting under water releases nutrients that feed algae.",
                ),
                (
                    "p",
                    "Water samples showed blooms of blue-green algae in the shallow southern bays on nine days in August, down from sixteen a year earlier. The centre recommended expanding wastewater treatment in lakeside villages and at guest houses, which fill with tourists in summer.",
                ),
                (
                    "p",
                    "Farmers' associations in the Ararat valley have asked for the irrigation cap to be reviewed before the next growing season. The full report of the survey is to be presented to the government next month.",
                ),
            ],
        },
        "ru": {
            "title": "Уровень Севана за год поднялся на 14 сантиметров",
            "slug": "uroven-sevana-podnyalsya-na-14-santimetrov",
            "standfirst": "Снежная зима и более жесткие ограничения на забор воды для орошения подняли уровень озера до 1901,36 метра над уровнем моря, однако ученые предупреждают, что проблема цветения воды сохраняется.",
            "dateline": "Севан",
            "author": "",
            "body": [
                (
                    "p",
                    "Уровень воды в озере Севан за последние двенадцать месяцев поднялся на 14 сантиметров и сейчас составляет 1901,36 метра над уровнем моря, говорится в результатах ежегодного обследования центра гидрологического мониторинга озера.",
                ),
                (
                    "p",
                    "Группа из одиннадцати гидрологов и биологов в течение трех недель проводила измерения в 36 точках озера — с исследовательского судна и на береговых гидропостах. Подъем уровня специалисты объясняют прежде всего обильными снегопадами в окрестных горах прошлой зимой, а также снижением лимита на забор воды из озера для орошения в Араратской долине.",
                ),
                (
                    "quote",
                    "Четырнадцать сантиметров — вроде бы немного, но для озера такого размера это около 175 миллионов кубометров воды. Это показывает, что продуманное управление работает, даже если до цели нам еще далеко.",
                    "Сона Арутюнян, гидролог, руководитель обследования",
                ),
                (
                    "p",
                    "Установленный законом долгосрочный целевой уровень составляет 1903,5 метра. По данным обследования, около 120 гектаров деревьев и кустарников в прибрежной зоне, которая должна уйти под воду, до сих пор не расчищены; гниющая под водой растительность выделяет питательные вещества, которые подпитывают водоросли.",
                ),
                (
                    "p",
                    "Пробы воды показали цветение сине-зеленых водорослей в мелководных южных заливах в течение девяти дней в августе — против шестнадцати годом ранее. Центр рекомендовал расширить очистку сточных вод в прибрежных селах и гостевых домах, которые летом заполняются туристами.",
                ),
                (
                    "p",
                    "Ассоциации фермеров Араратской долины попросили пересмотреть лимит на орошение до начала следующего сельскохозяйственного сезона. Полный отчет об обследовании будет представлен правительству в следующем месяце.",
                ),
            ],
        },
        "hy": {
            "title": "Սևանա լճի մակարդակը մեկ տարում բարձրացել է 14 սանտիմետրով",
            "slug": "sevana-lchi-makardaky-bardzratsel-e",
            "standfirst": "Ձյունառատ ձմեռը և ոռոգման համար ջրառի ավելի խիստ սահմանափակումները լճի մակարդակը հասցրել են ծովի մակերևույթից 1901,36 մետրի, սակայն գիտնականները զգուշացնում են, որ ջրի ծաղկման խնդիրը պահպանվում է։",
            "dateline": "Սևան",
            "author": "",
            "body": [
                (
                    "p",
                    "Սևանա լճի ջրի մակարդակը վերջին տասներկու ամսում բարձրացել է 14 սանտիմետրով և այժմ կազմում է ծովի մակերևույթից 1901,36 մետր, ասված է լճի հիդրոլոգիական մշտադիտարկման կենտրոնի ամենամյա հետազոտության արդյունքներում։",
                ),
                (
                    "p",
                    "Տասնմեկ հիդրոլոգներից և կենսաբաններից կազմված խումբը երեք շաբաթվա ընթացքում չափումներ է կատարել լճի 36 կետում՝ հետազոտական նավակից և ափամերձ ջրաչափական կետերից։ Մակարդակի բարձրացումը մասնագետները առաջին հերթին պայմանավորում են անցած ձմռանը շրջակա լեռներում տեղացած առատ ձյունով, ինչպես նաև Արարատյան դաշտի ոռոգման համար լճից ջրառի սահմանաչափի նվազեցմամբ։",
                ),
                (
                    "quote",
                    "Տասնչորս սանտիմետրը կարող է քիչ թվալ, բայց այս չափերի լճի համար դա մոտ 175 միլիոն խորանարդ մետր ջուր է։ Սա ցույց է տալիս, որ հետևողական կառավարումն արդյունք է տալիս, թեև մինչև նպատակը դեռ հեռու ենք։",
                    "Սոնա Հարությունյան, հիդրոլոգ, հետազոտության ղեկավար",
                ),
                (
                    "p",
                    "Օրենքով սահմանված երկարաժամկետ նպատակային մակարդակը 1903,5 մետր է։ Հետազոտության տվյալներով՝ ափամերձ գոտում, որը պետք է ջրի տակ անցնի, մոտ 120 հեկտար ծառեր և թփեր դեռ մաքրված չեն. ջրի տակ փտող բուսականությունն արտազատում է սննդանյութեր, որոնք նպաստում են ջրիմուռների աճին։",
                ),
                (
                    "p",
                    "Ջրի նմուշները ցույց են տվել, որ օգոստոսին հարավային ծանծաղ ծոցերում կապտականաչ ջրիմուռների ծաղկում է գրանցվել ինը օր՝ նախորդ տարվա տասնվեց օրվա դիմաց։ Կենտրոնը խորհուրդ է տվել ընդլայնել կեղտաջրերի մաքրումն ափամերձ գյուղերում և հյուրատներում, որոնք ամռանը լցվում են զբոսաշրջիկներով։",
                ),
                (
                    "p",
                    "Արարատյան դաշտի ֆերմերների միավորումները խնդրել են վերանայել ոռոգման սահմանաչափը մինչև հաջորդ գյուղատնտեսական սեզոնի մեկնարկը։ Հետազոտության ամբողջական զեկույցը կառավարությանը կներկայացվի հաջորդ ամիս։",
                ),
            ],
        },
    },
    {
        "key": "b-cascade-jazz-festival-lineup",
        "section": "culture",
        "hours_ago": 75,
        "image": {
            "credit": "Tribune",
            "hue": 280,
            "alt": {
                "en": "A saxophonist performing on an open-air stage at dusk",
                "ru": "Саксофонист выступает на сцене под открытым небом в сумерках",
                "hy": "Սաքսոֆոնահարը ելույթ է ունենում բացօթյա բեմում՝ մթնշաղին",
            },
            "caption": {
                "en": "An open-air concert on the Cascade steps at last year's festival; three evenings will again be free this time.",
                "ru": "Концерт под открытым небом на лестнице Каскада во время прошлогоднего фестиваля; в этот раз три вечера снова будут бесплатными.",
                "hy": "Բացօթյա համերգ Կասկադի աստիճաններին՝ նախորդ տարվա փառատոնի ժամանակ. այս անգամ ևս երեք երեկո կլինի անվճար։",
            },
        },
        "tags": {
            "en": ["Yerevan", "culture", "festival", "tourism"],
            "ru": ["Ереван", "культура", "фестиваль", "туризм"],
            "hy": ["Երևան", "մշակույթ", "փառատոն", "զբոսաշրջություն"],
        },
        "en": {
            "title": "Jazz at the Cascade festival announces line-up with musicians from 12 countries",
            "slug": "jazz-at-the-cascade-festival-line-up",
            "standfirst": "The festival's ninth edition will bring 26 concerts to Yerevan over six days next month, including free open-air evenings on the Cascade steps.",
            "dateline": "Yerevan",
            "author": "",
            "body": [
                (
                    "p",
                    "The organisers of the Jazz at the Cascade international festival have announced the line-up of its ninth edition, which will bring 26 concerts by musicians from 12 countries to Yerevan over six days next month.",
                ),
                (
                    "p",
                    "The festival will open with a piano trio from Norway and close with a big band from Tbilisi playing arrangements of Georgian and Armenian folk songs. Other guests include a vocal quartet from Brazil, a saxophonist from New Orleans and a Lebanese duo that blends jazz with the sound of the oud.",
                ),
                (
                    "p",
                    "Armenian musicians make up almost half of the programme. Pianist Levon Abrahamyan will present an album recorded with a string quartet, and the festival's youth stage will give twelve student bands from Yerevan and Gyumri their first chance to play in front of a large audience.",
                ),
                (
                    "quote",
                    "We wanted a festival where a student band and a touring star can play on the same evening. Jazz in Yerevan has always been exactly that kind of conversation between generations.",
                    "Ani Grigoryan, the festival's artistic director",
                ),
                (
                    "p",
                    "Concerts will take place in two halls in the city centre and at a club in the Kond district, while three evenings on the Cascade steps will be free of charge.",
                ),
                (
                    "p",
                    "Tickets, priced between 3,000 and 12,000 drams, go on sale next week, with discounts for students. The organisers expect about 15,000 visitors, a fifth of them from abroad.",
                ),
            ],
        },
        "ru": {
            "title": "Фестиваль «Джаз на Каскаде» объявил программу с участием музыкантов из 12 стран",
            "slug": "dzhaz-na-kaskade-programma-festivalya",
            "standfirst": "Девятый фестиваль пройдет в Ереване в следующем месяце и за шесть дней предложит 26 концертов, в том числе бесплатные вечера под открытым небом на лестнице Каскада.",
            "dateline": "Ереван",
            "author": "",
            "body": [
                (
                    "p",
                    "Организаторы международного фестиваля «Джаз на Каскаде» объявили программу девятого фестиваля: в следующем месяце за шесть дней в Ереване пройдут 26 концертов с участием музыкантов из 12 стран.",
                ),
                (
                    "p",
                    "Фестиваль откроет фортепианное трио из Норвегии, а завершит биг-бэнд из Тбилиси с аранжировками грузинских и армянских народных песен. Среди других гостей — вокальный квартет из Бразилии, саксофонист из Нового Орлеана и ливанский дуэт, соединяющий джаз со звучанием уда.",
                ),
                (
                    "p",
                    "Почти половину программы составляют армянские музыканты. Пианист Левон Абраамян представит альбом, записанный со струнным квартетом, а на молодежной сцене фестиваля двенадцать студенческих коллективов из Еревана и Гюмри впервые выступят перед большой аудиторией.",
                ),
                (
                    "quote",
                    "Нам хотелось фестиваля, на котором студенческий ансамбль и гастролирующая звезда могут сыграть в один вечер. Джаз в Ереване всегда был именно таким разговором поколений.",
                    "Ани Григорян, художественный руководитель фестиваля",
                ),
                (
                    "p",
                    "Концерты пройдут в двух залах в центре города и в клубе в районе Конд, а три вечера на лестнице Каскада будут бесплатными.",
                ),
                (
                    "p",
                    "Билеты стоимостью от 3000 до 12 000 драмов поступят в продажу на следующей неделе, для студентов предусмотрены скидки. Организаторы ожидают около 15 000 зрителей, пятая часть из которых приедет из-за рубежа.",
                ),
            ],
        },
        "hy": {
            "title": "«Ջազը Կասկադում» փառատոնը հրապարակել է ծրագիրը՝ 12 երկրի երաժիշտների մասնակցությամբ",
            "slug": "jazy-kaskadum-paratoni-tsragir",
            "standfirst": "Իններորդ փառատոնը Երևանում կանցկացվի հաջորդ ամիս և վեց օրվա ընթացքում կներկայացնի 26 համերգ, այդ թվում՝ անվճար բացօթյա երեկոներ Կասկադի աստիճաններին։",
            "dateline": "Երևան",
            "author": "",
            "body": [
                (
                    "p",
                    "«Ջազը Կասկադում» միջազգային փառատոնի կազմակերպիչները հրապարակել են իններորդ փառատոնի ծրագիրը. հաջորդ ամիս վեց օրվա ընթացքում Երևանում տեղի կունենա 12 երկրի երաժիշտների 26 համերգ։",
                ),
                (
                    "p",
                    "Փառատոնը կբացի Նորվեգիայից ժամանած դաշնամուրային եռյակը, իսկ կեզրափակի Թբիլիսիի բիգ-բենդը՝ վրացական և հայկական ժողովրդական երգերի մշակումներով։ Մյուս հյուրերի թվում են վոկալ քառյակ Բրազիլիայից, սաքսոֆոնահար Նոր Օռլեանից և լիբանանյան դուետ, որը ջազը համադրում է ուդի հնչողության հետ։",
                ),
                (
                    "p",
                    "Ծրագրի գրեթե կեսը կազմում են հայ երաժիշտները։ Դաշնակահար Լևոն Աբրահամյանը կներկայացնի լարային քառյակի հետ ձայնագրած ալբոմը, իսկ փառատոնի երիտասարդական բեմում Երևանի և Գյումրիի տասներկու ուսանողական խմբեր առաջին անգամ կելույթ ունենան մեծ լսարանի առջև։",
                ),
                (
                    "quote",
                    "Մենք ուզում էինք փառատոն, որտեղ ուսանողական անսամբլը և հյուրախաղերով եկած աստղը կարող են նվագել նույն երեկոյան։ Երևանում ջազը միշտ եղել է հենց սերունդների այդպիսի երկխոսություն։",
                    "Անի Գրիգորյան, փառատոնի գեղարվեստական ղեկավար",
                ),
                (
                    "p",
                    "Համերգները տեղի կունենան քաղաքի կենտրոնի երկու դահլիճներում և Կոնդ թաղամասի ակումբներից մեկում, իսկ Կասկադի աստիճաններին երեք երեկոները կլինեն անվճար։",
                ),
                (
                    "p",
                    "3000-ից 12 000 դրամ արժողությամբ տոմսերը վաճառքի կհանվեն հաջորդ շաբաթ, ուսանողների համար նախատեսված են զեղչեր։ Կազմակերպիչներն ակնկալում են շուրջ 15 000 հանդիսատես, որոնց մեկ հինգերորդը կժամանի արտասահմանից։",
                ),
            ],
        },
    },
    {
        "key": "b-yerevan-half-marathon-record",
        "section": "sport",
        "hours_ago": 120,
        "image": {
            "credit": "Tribune/Lilit Hakobyan",
            "hue": 50,
            "alt": {
                "en": "Runners crowd the start line on Republic Square",
                "ru": "Бегуны у линии старта на площади Республики",
                "hy": "Վազորդները մեկնարկային գծի մոտ՝ Հանրապետության հրապարակում",
            },
            "caption": {
                "en": "Registration closed three weeks early after the field reached its limit.",
                "ru": "Регистрацию закрыли на три недели раньше срока, когда число участников достигло лимита.",
                "hy": "Գրանցումը փակվել է ժամկետից երեք շաբաթ շուտ, երբ մասնակիցների թիվը հասել է սահմանաչափին։",
            },
        },
        "tags": {
            "en": ["Yerevan", "sport", "tourism"],
            "ru": ["Ереван", "спорт", "туризм"],
            "hy": ["Երևան", "սպորտ", "զբոսաշրջություն"],
        },
        "en": {
            "title": "Yerevan half-marathon draws a record 6,400 runners",
            "slug": "yerevan-half-marathon-record-field",
            "standfirst": "Runners from 38 countries took part in the race and its shorter distances, and the men's course record fell in cool, dry weather.",
            "dateline": "Yerevan",
            "author": "",
            "body": [
                (
                    "p",
                    "A record 6,400 runners from 38 countries took part in this year's Yerevan half-marathon, about 1,500 more than last year.",
                ),
                (
                    "p",
                    "The 21.1-kilometre course started and finished on Republic Square and took runners past the Opera, along Mashtots Avenue and down to the banks of the Hrazdan. A steep climb out of the Hrazdan gorge in the final third makes it one of the more demanding courses in the region.",
                ),
                (
                    "p",
                    "The men's race was won by Armenian runner Gor Avagyan in 1 hour 4 minutes 51 seconds, improving the course record by 38 seconds. In the women's race Lusine Tonoyan crossed the line first in 1:15:02, just ahead of a runner from Georgia.",
                ),
                (
                    "quote",
                    "Five years ago we were happy with two thousand runners. This year we had to close registration three weeks early, and a third of the field came from abroad.",
                    "Karen Tadevosyan, race director",
                ),
                (
                    "p",
                    "Alongside the half-marathon, 2,100 people ran a 10-kilometre race and about 900 children took part in a 1-kilometre fun run. Medical teams helped 46 runners, mostly with cramps and blisters; none needed to be taken to hospital.",
                ),
                (
                    "p",
                    "Hotels in the city centre reported occupancy above 90 per cent over the race days. The organisers plan to raise the limit to 8,000 runners next year and are discussing adding a full marathon distance.",
                ),
            ],
        },
        "ru": {
            "title": "Ереванский полумарафон собрал рекордные 6400 бегунов",
            "slug": "erevanskij-polumarafon-rekord-uchastnikov",
            "standfirst": "В забеге и на более коротких дистанциях участвовали бегуны из 38 стран, а у мужчин в прохладную сухую погоду был побит рекорд трассы.",
            "dateline": "Ереван",
            "author": "",
            "body": [
                (
                    "p",
                    "В нынешнем Ереванском полумарафоне приняли участие рекордные 6400 бегунов из 38 стран — примерно на 1500 больше, чем в прошлом году.",
                ),
                (
                    "p",
                    "Трасса длиной 21,1 километра со стартом и финишем на площади Республики проходила мимо Оперы, по проспекту Маштоца и спускалась к берегам Раздана. Из-за крутого подъема из ущелья Раздана на последней трети дистанции ее считают одной из самых сложных в регионе.",
                ),
                (
                    "p",
                    "У мужчин победил армянский бегун Гор Авагян с результатом 1 час 4 минуты 51 секунда, улучшив рекорд трассы на 38 секунд. У женщин первой финишировала Лусине Тоноян — 1:15:02, немного опередив бегунью из Грузии.",
                ),
                (
                    "quote",
                    "Пять лет назад мы радовались двум тысячам участников. В этом году нам пришлось закрыть регистрацию на три недели раньше срока, а треть участников приехала из-за рубежа.",
                    "Карен Тадевосян, директор забега",
                ),
                (
                    "p",
                    "Помимо полумарафона, 2100 человек пробежали 10 километров, а около 900 детей приняли участие в забеге на 1 километр. Медики оказали помощь 46 бегунам, в основном при судорогах и мозолях; госпитализация никому не потребовалась.",
                ),
                (
                    "p",
                    "Гостиницы в центре города сообщили о заполняемости более 90 процентов в дни забега. В следующем году организаторы планируют увеличить лимит до 8000 участников и обсуждают добавление полной марафонской дистанции.",
                ),
            ],
        },
        "hy": {
            "title": "Երևանյան կիսամարաթոնին մասնակցել է ռեկորդային 6400 վազորդ",
            "slug": "yerevanyan-kisamaraton-rekordayin-masnakits",
            "standfirst": "Մրցավազքին և ավելի կարճ տարածություններին մասնակցել են 38 երկրի վազորդներ, իսկ զով ու չոր եղանակին տղամարդկանց մրցավազքում բարելավվել է երթուղու ռեկորդը։",
            "dateline": "Երևան",
            "author": "",
            "body": [
                (
                    "p",
                    "Այս տարվա Երևանյան կիսամարաթոնին մասնակցել է ռեկորդային 6400 վազորդ 38 երկրից՝ մոտ 1500-ով ավելի, քան անցյալ տարի։",
                ),
                (
                    "p",
                    "Հանրապետության հրապարակից մեկնարկող և այնտեղ ավարտվող 21,1 կիլոմետրանոց երթուղին անցնում էր Օպերայի մոտով, Մաշտոցի պողոտայով և իջնում էր դեպի Հրազդանի ափեր։ Վերջին երրորդում Հրազդանի կիրճից դեպի վեր կտրուկ վերելքի պատճառով այն համարվում է տարածաշրջանի ամենադժվար երթուղիներից մեկը։",
                ),
                (
                    "p",
                    "Տղամարդկանց մրցավազքում հաղթել է հայ վազորդ Գոռ Ավագյանը, որը տարածությունն անցել է 1 ժամ 4 րոպե 51 վայրկյանում և 38 վայրկյանով բարելավել երթուղու ռեկորդը։ Կանանց մրցավազքում առաջինը ավարտագիծը հատել է Լուսինե Տոնոյանը (1:15:02)՝ փոքր-ինչ առաջ անցնելով Վրաստանից ժամանած վազորդուհուց։",
                ),
                (
                    "quote",
                    "Հինգ տարի առաջ մենք ուրախ էինք երկու հազար մասնակցի համար։ Այս տարի ստիպված էինք գրանցումը փակել ժամկետից երեք շաբաթ շուտ, իսկ մասնակիցների մեկ երրորդը եկել էր արտասահմանից։",
                    "Կարեն Թադևոսյան, մրցավազքի տնօրեն",
                ),
                (
                    "p",
                    "Կիսամարաթոնին զուգահեռ 2100 մարդ վազել է 10 կիլոմետր, իսկ շուրջ 900 երեխա մասնակցել է 1 կիլոմետրանոց վազքին։ Բժիշկները օգնություն են ցուցաբերել 46 վազորդի՝ հիմնականում ջղաձգությունների և ոտքերի բշտիկների պատճառով. հոսպիտալացման կարիք ոչ ոք չի ունեցել։",
                ),
                (
                    "p",
                    "Քաղաքի կենտրոնի հյուրանոցները մրցավազքի օրերին հաղորդել են 90 տոկոսից բարձր զբաղվածության մասին։ Կազմակերպիչները մտադիր են հաջորդ տարի մասնակիցների սահմանաչափը հասցնել 8000-ի և քննարկում են լիարժեք մարաթոնյան տարածության ավելացումը։",
                ),
            ],
        },
    },
]
