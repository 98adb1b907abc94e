"""Demo stories, part C: six stories, each in two languages."""

ARTICLES = [
    {
        "key": "c-online-consultations-law",
        "section": "politics",
        "hours_ago": 12,
        "image": {
            "credit": "Armenpress",
            "hue": 220,
            "alt": {
                "en": "Members of parliament voting in the plenary hall",
                "ru": "Депутаты голосуют в зале пленарных заседаний",
            },
            "caption": {
                "en": "Deputies voted 78 to 19 for the bill in its final reading.",
                "ru": "Депутаты приняли законопроект в окончательном чтении: 78 голосов «за», 19 «против».",
            },
        },
        "tags": {
            "en": ["parliament", "Yerevan", "IT"],
            "ru": ["парламент", "Ереван", "IT"],
        },
        "en": {
            "title": "Parliament makes online public consultations mandatory for draft laws",
            "slug": "parliament-online-public-consultations-law",
            "standfirst": "Ministries will have to publish every draft law and regulation on a single online portal and keep it open for public comment for at least 21 days.",
            "dateline": "Yerevan",
            "author": "",
            "body": [
                (
                    "p",
                    "The National Assembly on Tuesday adopted in its final reading a law that obliges government bodies to put all draft legislation up for online public consultation before it is sent to the cabinet. The bill passed by 78 votes to 19.",
                ),
                (
                    "p",
                    "Under the new rules, every ministry and state agency must upload its drafts to a single consultation portal together with an explanatory note. Citizens, companies and civil society groups will be able to comment for at least 21 days, and the authors of the draft will have to publish a summary of the comments received and explain which were accepted and which were rejected.",
                ),
                (
                    "quote",
                    "Until now, consultation often meant a document quietly posted for a week in August. From next year, anyone with a phone will see what is being prepared and will get an answer to their proposal.",
                    "Karen Melikyan, deputy chair of the parliamentary committee on state and legal affairs",
                ),
                (
                    "p",
                    "Drafts adopted under an emergency procedure will be exempt, but they will have to be put up for comment retroactively within 30 days of adoption. Opposition deputies argued that the exemption was too broad and proposed limiting it to natural disasters and threats to public health; the amendment was rejected.",
                ),
                (
                    "p",
                    "The Ministry of High-Tech Industry estimates that upgrading the portal, including a mobile version and a notification service for registered users, will cost about 140 million drams. Last year some 1,900 drafts were published for comment, and fewer than a third received any feedback.",
                ),
                (
                    "p",
                    "The law enters into force on 1 January. Government bodies will have six months to bring their internal procedures in line with it.",
                ),
            ],
        },
        "ru": {
            "title": "Парламент обязал выносить законопроекты на онлайн-обсуждение",
            "slug": "parlament-onlajn-obshchestvennye-obsuzhdeniya-zakon",
            "standfirst": "Министерства должны будут публиковать каждый проект закона и постановления на едином онлайн-портале и принимать замечания общественности не менее 21 дня.",
            "dateline": "Ереван",
            "author": "",
            "body": [
                (
                    "p",
                    "Национальное собрание во вторник приняло в окончательном чтении закон, который обязывает государственные органы выносить все проекты нормативных актов на общественное онлайн-обсуждение до их направления в правительство. За законопроект проголосовали 78 депутатов, против — 19.",
                ),
                (
                    "p",
                    "По новым правилам каждое министерство и ведомство должно размещать проекты на едином портале обсуждений вместе с пояснительной запиской. Граждане, компании и общественные организации смогут оставлять замечания не менее 21 дня, а авторы проекта будут обязаны опубликовать сводку поступивших предложений и объяснить, какие из них приняты, а какие отклонены.",
                ),
                (
                    "quote",
                    "До сих пор обсуждение нередко сводилось к документу, тихо выложенному на неделю в августе. Со следующего года любой человек с телефоном увидит, что готовится, и получит ответ на своё предложение.",
                    "Карен Меликян, заместитель председателя парламентской комиссии по государственно-правовым вопросам",
                ),
                (
                    "p",
                    "Исключение сделано для актов, принимаемых в чрезвычайном порядке, однако их придётся вынести на обсуждение задним числом в течение 30 дней после принятия. Оппозиционные депутаты сочли это исключение слишком широким и предложили ограничить его стихийными бедствиями и угрозами здоровью населения, но поправка была отклонена.",
                ),
                (
                    "p",
                    "По оценке Министерства высокотехнологичной промышленности, модернизация портала, включая мобильную версию и сервис уведомлений для зарегистрированных пользователей, обойдётся примерно в 140 млн драмов. В прошлом году на обсуждение было вынесено около 1900 проектов, и менее трети из них получили хотя бы один отзыв.",
                ),
                (
                    "p",
                    "Закон вступает в силу 1 января. На приведение внутренних процедур в соответствие с ним государственным органам отведено шесть месяцев.",
                ),
            ],
        },
    },
    {
        "key": "c-film-festival-opening-night",
        "section": "culture",
        "hours_ago": 40,
        "image": {
            "credit": "Press office",
            "hue": 340,
            "alt": {
                "en": "Guests on a red carpet in front of a cinema at night",
                "ru": "Гости на красной дорожке у входа в кинотеатр вечером",
            },
            "caption": {
                "en": "Guests arriving for the opening screening of the Kino Vernissage festival.",
                "ru": "Гости прибывают на церемонию открытия фестиваля «Кино-Вернисаж».",
            },
        },
        "tags": {
            "en": ["culture", "festival", "Yerevan"],
            "ru": ["культура", "фестиваль", "Ереван"],
        },
        "en": {
            "title": "Kino Vernissage film festival opens with a tram ride through old Yerevan",
            "slug": "kino-vernissage-film-festival-opening-night",
            "standfirst": "The festival's seventh edition opened on Sunday with a debut feature about the last night of a city tram line; 64 films from 23 countries will be shown over the coming week.",
            "dateline": "Yerevan",
            "author": "Narek Avetisyan",
            "body": [
                (
                    "p",
                    "The seventh Kino Vernissage international film festival opened on Sunday evening at the Moscow Cinema with a sold-out screening of The Last Tram to Nork, the first feature by Yerevan-born director Mariam Grigoryan. The film follows a driver and her four passengers on the final night before the city's tram network closes for good.",
                ),
                (
                    "p",
                    "The 600-seat hall gave the film a standing ovation that lasted several minutes. Grigoryan, who shot most of the film in a restored tram carriage borrowed from a depot museum, thanked the crew and the retired drivers who acted as consultants.",
                ),
                (
                    "quote",
                    "Half of my audience tonight remembers riding those trams, and the other half only knows them from their parents' stories. I wanted to make a film that both halves could watch together.",
                    "Mariam Grigoryan, director of The Last Tram to Nork",
                ),
                (
                    "image",
                    {
                        "credit": "Tribune/Lilit Hakobyan",
                        "hue": 25,
                        "alt": "A film director speaking from a stage in front of a screen",
                        "caption": "Mariam Grigoryan presenting her film before the screening.",
                    },
                ),
                (
                    "p",
                    "This year's programme includes 64 feature and short films from 23 countries, among them 11 Armenian productions. Twelve features are competing for the main prize, which will be awarded by a five-member international jury on Saturday.",
                ),
                (
                    "p",
                    "For the first time the festival is also holding free open-air screenings on Northern Avenue every evening at 9 pm, as well as screenings in Gyumri and Dilijan. Tickets for the indoor programme cost 1,500 drams, and organisers say more than 9,000 had been sold before the opening.",
                ),
            ],
        },
        "ru": {
            "title": "Кинофестиваль «Кино-Вернисаж» открылся поездкой на трамвае по старому Еревану",
            "slug": "kinofestival-kino-vernisazh-otkrytie",
            "standfirst": "Седьмой фестиваль открылся в воскресенье дебютной картиной о последней ночи городской трамвайной линии; в течение недели зрители увидят 64 фильма из 23 стран.",
            "dateline": "Ереван",
            "author": "Нарек Аветисян",
            "body": [
                (
                    "p",
                    "Седьмой международный кинофестиваль «Кино-Вернисаж» открылся в воскресенье вечером в кинотеатре «Москва» показом фильма «Последний трамвай до Норка» — полнометражного дебюта уроженки Еревана Мариам Григорян. Картина рассказывает о вагоновожатой и её четырёх пассажирах в последнюю ночь перед окончательным закрытием трамвайной сети города. Все билеты на показ были распроданы.",
                ),
                (
                    "p",
                    "Зал на 600 мест аплодировал фильму стоя несколько минут. Григорян, снявшая большую часть картины в отреставрированном трамвайном вагоне, одолженном у музея при депо, поблагодарила съёмочную группу и бывших вагоновожатых, консультировавших фильм.",
                ),
                (
                    "quote",
                    "Половина моих зрителей сегодня помнит, как ездила на этих трамваях, а другая половина знает о них только по рассказам родителей. Мне хотелось снять фильм, который обе половины могли бы смотреть вместе.",
                    "Мариам Григорян, режиссёр фильма «Последний трамвай до Норка»",
                ),
                (
                    "image",
                    {
                        "credit": "Tribune/Lilit Hakobyan",
                        "hue": 25,
                        "alt": "Режиссёр выступает со сцены перед экраном",
                        "caption": "Мариам Григорян представляет свой фильм перед показом.",
                    },
                ),
                (
                    "p",
                    "В программе этого года 64 полнометражных и короткометражных фильма из 23 стран, в том числе 11 армянских. За главный приз борются двенадцать полнометражных картин; победителя в субботу назовёт международное жюри из пяти человек.",
                ),
                (
                    "p",
                    "Впервые фестиваль проводит бесплатные показы под открытым небом на Северном проспекте — каждый вечер в 21:00, а также показы в Гюмри и Дилижане. Билет на сеансы в залах стоит 1500 драмов; по словам организаторов, ещё до открытия было продано более 9000 билетов.",
                ),
            ],
        },
    },
    {
        "key": "c-yerevan-startup-seed-round",
        "section": "economy",
        "hours_ago": 7,
        "image": {
            "credit": "Tribune",
            "hue": 165,
            "alt": {
                "en": "Software developers working at laptops in an open-plan office",
                "hy": "Ծրագրավորողները աշխատում են նոութբուքերով բաց տարածքով գրասենյակում",
            },
            "caption": {
                "en": "Shelfwise's office in central Yerevan, where the company plans to hire 30 more engineers.",
                "hy": "Shelfwise-ի գրասենյակը Երևանի կենտրոնում, որտեղ ընկերությունը մտադիր է ևս 30 ինժեներ աշխատանքի ընդունել։",
            },
        },
        "tags": {
            "en": ["economy", "IT", "Yerevan", "exports"],
            "hy": ["տնտեսություն", "ՏՏ", "Երևան", "արտահանում"],
        },
        "en": {
            "title": "Yerevan startup Shelfwise raises $4.5 million to take its stock software abroad",
            "slug": "shelfwise-startup-raises-4-5-million",
            "standfirst": "The company, whose software forecasts demand for pharmacies and small grocery shops, will use the money to hire engineers in Yerevan and enter the Georgian and Kazakh markets.",
            "dateline": "Yerevan",
            "author": "",
            "body": [
                (
                    "p",
                    "Shelfwise, a Yerevan-based startup that develops inventory software for pharmacies and neighbourhood grocery shops, has raised $4.5 million in a seed round, the company announced on Thursday. The round was led by Northbridge Capital, a venture fund based in Berlin, with participation from a group of Armenian angel investors.",
                ),
                (
                    "p",
                    "Founded three years ago by Ani Petrosyan and Levon Hovhannisyan, the company sells a subscription service that tracks stock levels and predicts what a shop will need to reorder, taking into account the season, holidays and local weather. It currently serves about 1,200 outlets across Armenia and employs 45 people.",
                ),
                (
                    "quote",
                    "A small pharmacy in Vanadzor does not have an analyst, but it loses money every time a shelf is empty or a box of medicine expires in the back room. We are giving it the kind of forecasting that only large chains used to afford.",
                    "Ani Petrosyan, chief executive of Shelfwise",
                ),
                (
                    "p",
                    "According to the company, shops using the service cut the value of expired and written-off goods by an average of 18 percent in their first year. Shelfwise plans to hire 30 more engineers and data analysts in Yerevan over the next 12 months and to open sales offices in Tbilisi and Almaty.",
                ),
                (
                    "p",
                    "Armenian technology companies attracted around $120 million in venture funding last year, according to estimates by a local industry association, with most deals falling below $5 million. Petrosyan said the company expects foreign customers to account for half of its revenue within two years.",
                ),
            ],
        },
        "hy": {
            "title": "Երևանյան Shelfwise ստարտափը 4,5 միլիոն դոլար է ներգրավել՝ արտասահման դուրս գալու համար",
            "slug": "shelfwise-startapy-4-5-milion-dolar-nergravel",
            "standfirst": "Ընկերությունը, որի ծրագիրը կանխատեսում է դեղատների և փոքր մթերային խանութների պահանջարկը, գումարն օգտագործելու է Երևանում ինժեներներ աշխատանքի ընդունելու և Վրաստանի ու Ղազախստանի շուկաներ մուտք գործելու համար։",
            "dateline": "Երևան",
            "author": "",
            "body": [
                (
                    "p",
                    "Դեղատների և թաղային մթերային խանութների համար պաշարների կառավարման ծրագիր մշակող երևանյան Shelfwise ստարտափը նախնական (seed) փուլում 4,5 միլիոն դոլարի ներդրում է ներգրավել, հինգշաբթի հայտարարել է ընկերությունը։ Ներդրումային փուլը գլխավորել է Բեռլինում գործող Northbridge Capital վենչուրային հիմնադրամը՝ հայ բիզնես հրեշտակների խմբի մասնակցությամբ։",
                ),
                (
                    "p",
                    "Երեք տարի առաջ Անի Պետրոսյանի և Լևոն Հովհաննիսյանի հիմնադրած ընկերությունը բաժանորդագրությամբ ծառայություն է վաճառում, որը հետևում է ապրանքների մնացորդին և կանխատեսում, թե խանութն ինչ պետք է նորից պատվիրի՝ հաշվի առնելով սեզոնը, տոները և տեղի եղանակը։ Այսօր ծառայությունից օգտվում է Հայաստանի շուրջ 1200 վաճառակետ, իսկ ընկերությունում աշխատում է 45 մարդ։",
                ),
                (
                    "quote",
                    "Վանաձորի փոքր դեղատունը վերլուծաբան չունի, բայց գումար է կորցնում ամեն անգամ, երբ դարակը դատարկ է մնում կամ պահեստում դեղի տուփի պիտանելիության ժամկետն անցնում է։ Մենք նրան տալիս ենք այնպիսի կանխատեսում, որը նախկինում միայն խոշոր ցանցերն էին իրենց թույլ տալիս։",
                    "Անի Պետրոսյան, Shelfwise-ի գործադիր տնօրեն",
                ),
                (
                    "p",
                    "Ընկերության տվյալներով՝ ծառայությունից օգտվող խանութներն առաջին տարում ժամկետանց և դուրս գրված ապրանքների արժեքը միջինում 18 տոկոսով կրճատել են։ Shelfwise-ը մտադիր է առաջիկա 12 ամսում Երևանում ևս 30 ինժեներ և տվյալների վերլուծաբան աշխատանքի ընդունել, ինչպես նաև վաճառքի գրասենյակներ բացել Թբիլիսիում և Ալմաթիում։",
                ),
                (
                    "p",
                    "Ոլորտային տեղական միության գնահատմամբ՝ անցյալ տարի հայկական տեխնոլոգիական ընկերությունները շուրջ 120 միլիոն դոլարի վենչուրային ներդրում են ներգրավել, ընդ որում գործարքների մեծ մասը 5 միլիոն դոլարից պակաս է եղել։ Պետրոսյանի խոսքով՝ ընկերությունն ակնկալում է, որ երկու տարվա ընթացքում եկամուտների կեսը կապահովեն արտասահմանյան հաճախորդները։",
                ),
            ],
        },
    },
    {
        "key": "c-wrestling-national-championship",
        "section": "sport",
        "hours_ago": 90,
        "image": {
            "credit": "Photolure",
            "hue": 5,
            "alt": {
                "en": "Two Greco-Roman wrestlers grappling on a mat",
                "hy": "Հունահռոմեական ոճի երկու ըմբիշ գորգի վրա պայքարում են",
            },
            "caption": {
                "en": "Samvel Gabrielyan (in red) on his way to the 67 kg title.",
                "hy": "Սամվել Գաբրիելյանը (կարմիրով) 67 կգ քաշային կարգում չեմպիոնական տիտղոսի ճանապարհին։",
            },
        },
        "tags": {
            "en": ["sport", "Gyumri"],
            "hy": ["սպորտ", "Գյումրի"],
        },
        "en": {
            "title": "Shirak wrestlers win team title at national Greco-Roman championship in Gyumri",
            "slug": "greco-roman-wrestling-national-championship-gyumri",
            "standfirst": "The home team took four of the ten weight classes, while 19-year-old Samvel Gabrielyan won the 67 kg final with a throw in the last ten seconds.",
            "dateline": "Gyumri",
            "author": "",
            "body": [
                (
                    "p",
                    "Wrestlers from Shirak province won the team standings at the national Greco-Roman wrestling championship, which ended in Gyumri on Sunday after three days of competition. A total of 186 athletes from all 11 regions, including Yerevan, competed in ten weight classes.",
                ),
                (
                    "p",
                    "The home side collected four gold medals and 58 team points, ahead of Yerevan with 51 and Kotayk with 37. The most dramatic final came at 67 kg, where 19-year-old Samvel Gabrielyan was trailing 2-3 before scoring a four-point throw with eight seconds left against the defending champion, Erik Danielyan.",
                ),
                (
                    "quote",
                    "I saw the clock and knew I had one chance. My coach had been telling me all year to stop waiting for the perfect moment, so this time I did not wait.",
                    "Samvel Gabrielyan, national champion at 67 kg",
                ),
                (
                    "image",
                    {
                        "credit": "Tribune",
                        "hue": 40,
                        "alt": "Wrestlers standing on a podium with medals",
                        "caption": "Medallists in the 130 kg class at the Gyumri sports complex.",
                    },
                ),
                (
                    "p",
                    "In the heavyweight 130 kg class, Rafik Asatryan of Kotayk defended his title without conceding a point, while Vahagn Poghosyan of Yerevan won at 87 kg after beating three former champions on his way to the final.",
                ),
                (
                    "p",
                    "The national team's coaching staff watched the tournament from the stands. Winners in the Olympic weight classes earn a place at the training camp that begins next month ahead of the European championship, where Armenia plans to enter a full team of ten wrestlers.",
                ),
            ],
        },
        "hy": {
            "title": "Հունահռոմեական ըմբշամարտի ազգային առաջնությունում Շիրակի ըմբիշները հաղթեցին թիմային հաշվարկում",
            "slug": "hunahromeakan-ymbshamart-azgayin-arajnutyun-gyumri",
            "standfirst": "Տանտերերը հաղթեցին տասը քաշային կարգերից չորսում, իսկ 19-ամյա Սամվել Գաբրիելյանը 67 կգ եզրափակիչում հաղթանակը կերտեց վերջին տասը վայրկյանում կատարած նետմամբ։",
            "dateline": "Գյումրի",
            "author": "",
            "body": [
                (
                    "p",
                    "Շիրակի մարզի ըմբիշները հաղթեցին հունահռոմեական ըմբշամարտի ազգային առաջնության թիմային հաշվարկում։ Եռօրյա մրցաշարն ավարտվեց կիրակի Գյումրիում։ Տասը քաշային կարգում մրցեցին բոլոր 11 մարզերից, այդ թվում՝ Երևանից, ժամանած 186 մարզիկ։",
                ),
                (
                    "p",
                    "Տանտերերը նվաճեցին չորս ոսկե մեդալ և վաստակեցին 58 թիմային միավոր՝ առաջ անցնելով Երևանից (51) և Կոտայքից (37)։ Ամենալարված եզրափակիչը 67 կգ քաշային կարգում էր. 19-ամյա Սամվել Գաբրիելյանը 2:3 հաշվով զիջում էր գործող չեմպիոն Էրիկ Դանիելյանին, բայց ավարտից ութ վայրկյան առաջ չորս միավորանոց նետում կատարեց։",
                ),
                (
                    "quote",
                    "Տեսա ժամացույցը և հասկացա, որ մեկ հնարավորություն ունեմ։ Մարզիչս ամբողջ տարի ասում էր, որ դադարեմ կատարյալ պահին սպասելուց, ու այս անգամ չսպասեցի։",
                    "Սամվել Գաբրիելյան, 67 կգ քաշային կարգի ազգային չեմպիոն",
                ),
                (
                    "image",
                    {
                        "credit": "Tribune",
                        "hue": 40,
                        "alt": "Մեդալակիր ըմբիշները պատվանդանի վրա",
                        "caption": "130 կգ քաշային կարգի մեդալակիրները Գյումրու մարզահամալիրում։",
                    },
                ),
                (
                    "p",
                    "Ծանր՝ 130 կգ քաշային կարգում Կոտայքը ներկայացնող Ռաֆիկ Ասատրյանը պաշտպանեց իր տիտղոսը՝ առանց որևէ միավոր զիջելու, իսկ 87 կգ-ում հաղթեց երևանցի Վահագն Պողոսյանը, որը եզրափակիչի ճանապարհին հաղթեց երեք նախկին չեմպիոնների։",
                ),
                (
                    "p",
                    "Ազգային հավաքականի մարզչական շտաբը մրցաշարին հետևում էր տրիբունաներից։ Օլիմպիական քաշային կարգերի հաղթողները տեղ են վաստակել հաջորդ ամիս մեկնարկող ուսումնամարզական հավաքում, որն անցկացվելու է Եվրոպայի առաջնությունից առաջ։ Այնտեղ Հայաստանը նախատեսում է ներկայանալ տասը ըմբիշից բաղկացած լիարժեք թիմով։",
                ),
            ],
        },
    },
    {
        "key": "c-first-snow-northern-roads",
        "section": "society",
        "hours_ago": 16,
        "image": {
            "credit": "Tribune/Lilit Hakobyan",
            "hue": 200,
            "alt": {
                "ru": "Снегоуборочная машина расчищает горную дорогу",
                "hy": "Ձյուն մաքրող մեքենան մաքրում է լեռնային ճանապարհը",
            },
            "caption": {
                "ru": "Снегоуборочная техника на Пушкинском перевале утром во вторник.",
                "hy": "Ձյուն մաքրող տեխնիկան Պուշկինի լեռնանցքում՝ երեքշաբթի առավոտյան։",
            },
        },
        "tags": {
            "ru": ["погода", "транспорт"],
            "hy": ["եղանակ", "տրանսպորտ"],
        },
        "ru": {
            "title": "На север Армении выпал первый снег: на перевалах — только на зимней резине",
            "slug": "pervyj-sneg-sever-armenii-dorogi",
            "standfirst": "В Лори, Шираке и Тавуше за ночь выпало до 20 сантиметров снега; на Пушкинском перевале движение разрешено только автомобилям с зимними шинами.",
            "dateline": "Ванадзор",
            "author": "",
            "body": [
                (
                    "p",
                    "В ночь на вторник в северных областях Армении выпал первый в этом сезоне снег. По данным гидрометеослужбы, в Степанаване толщина снежного покрова достигла 12 сантиметров, в Ташире — 15, а на Пушкинском перевале между Ванадзором и Степанаваном — около 20 сантиметров. Ночью температура в горных районах опускалась до минус шести градусов.",
                ),
                (
                    "p",
                    "Движение на Пушкинском перевале и на участке дороги Бавра — Ашоцк открыто только для легковых автомобилей с зимними шинами. Грузовикам с прицепами проезд через перевал временно запрещён. Спасатели за ночь помогли выбраться водителям 17 застрявших машин; пострадавших нет.",
                ),
                (
                    "quote",
                    "Техника работает с трёх часов ночи, и основные трассы проходимы. Но в первый снег мы каждый год видим одно и то же: люди выезжают на летней резине и надеются, что проскочат. Не проскочат.",
                    "Гоар Манукян, представитель регионального управления дорожного хозяйства",
                ),
                (
                    "p",
                    "На дороги северных областей выведены 38 снегоуборочных машин, которые с ночи рассыпали около 900 тонн песчано-солевой смеси. Дорожники предупреждают, что к вечеру, когда температура снова опустится ниже нуля, на мостах и затенённых участках образуется гололедица.",
                ),
                (
                    "p",
                    "Синоптики ожидают, что снег в горных районах будет идти с перерывами до четверга, после чего потеплеет до плюс пяти градусов. В Ереване осадков не ожидается. Актуальная информация о состоянии дорог публикуется на сайте полиции и по телефону горячей линии спасательной службы.",
                ),
            ],
        },
        "hy": {
            "title": "Հայաստանի հյուսիսում առաջին ձյունն է տեղացել. լեռնանցքներով՝ միայն ձմեռային անվադողերով",
            "slug": "arajin-dzyun-hyusis-chanaparhner",
            "standfirst": "Լոռիում, Շիրակում և Տավուշում գիշերվա ընթացքում մինչև 20 սանտիմետր ձյուն է տեղացել. Պուշկինի լեռնանցքով երթևեկությունը թույլատրված է միայն ձմեռային անվադողերով մեքենաների համար։",
            "dateline": "Վանաձոր",
            "author": "",
            "body": [
                (
                    "p",
                    "Երեքշաբթի լուսադեմին Հայաստանի հյուսիսային մարզերում տեղացել է սեզոնի առաջին ձյունը։ Հիդրոօդերևութաբանական ծառայության տվյալներով՝ Ստեփանավանում ձյան ծածկույթի հաստությունը հասել է 12 սանտիմետրի, Տաշիրում՝ 15-ի, իսկ Վանաձորի և Ստեփանավանի միջև գտնվող Պուշկինի լեռնանցքում՝ մոտ 20 սանտիմետրի։ Գիշերը լեռնային շրջաններում օդի ջերմաստիճանն իջել է մինչև մինուս վեց աստիճան։",
                ),
                (
                    "p",
                    "Պուշկինի լեռնանցքով և Բավրա–Աշոցք ճանապարհահատվածով երթևեկությունը բաց է միայն ձմեռային անվադողերով մարդատար ավտոմեքենաների համար։ Կցորդով բեռնատարների համար լեռնանցքով անցումը ժամանակավորապես արգելված է։ Գիշերվա ընթացքում փրկարարներն օգնել են խրված 17 մեքենայի վարորդների. տուժածներ չկան։",
                ),
                (
                    "quote",
                    "Տեխնիկան աշխատում է գիշերվա ժամը երեքից, և հիմնական մայրուղիներն անցանելի են։ Բայց ամեն տարի առաջին ձյան ժամանակ նույն պատկերն ենք տեսնում. մարդիկ դուրս են գալիս ամառային անվադողերով և հույս ունեն, որ կանցնեն։ Չեն անցնի։",
                    "Գոհար Մանուկյան, ճանապարհային տնտեսության տարածքային վարչության ներկայացուցիչ",
                ),
                (
                    "p",
                    "Հյուսիսային մարզերի ճանապարհներին աշխատում են ձյուն մաքրող 38 մեքենաներ, որոնք գիշերվանից շուրջ 900 տոննա ավազաաղային խառնուրդ են ցանել։ Ճանապարհաշինարարները զգուշացնում են, որ երեկոյան, երբ ջերմաստիճանը կրկին զրոյից ցածր իջնի, կամուրջների վրա և ստվերոտ հատվածներում մերկասառույց կառաջանա։",
                ),
                (
                    "p",
                    "Օդերևութաբանները կանխատեսում են, որ լեռնային շրջաններում ձյունը ընդհատումներով կտեղա մինչև հինգշաբթի, որից հետո կտաքանա մինչև պլյուս հինգ աստիճան։ Երևանում տեղումներ չեն սպասվում։ Ճանապարհների վիճակի մասին թարմ տեղեկությունները հրապարակվում են ոստիկանության կայքում և փրկարար ծառայության թեժ գծով։",
                ),
            ],
        },
    },
    {
        "key": "c-veringet-local-elections-turnout",
        "section": "politics",
        "hours_ago": 150,
        "image": {
            "credit": "Photolure",
            "hue": 265,
            "alt": {
                "ru": "Избиратель опускает бюллетень в прозрачную урну",
                "hy": "Ընտրողը քվեաթերթիկը գցում է թափանցիկ քվեատուփի մեջ",
            },
            "caption": {
                "ru": "Голосование на одном из 19 избирательных участков общины Верингет.",
                "hy": "Քվեարկությունը Վերինգետ համայնքի 19 ընտրատեղամասերից մեկում։",
            },
        },
        "tags": {
            "ru": ["выборы", "Тавуш"],
            "hy": ["ընտրություններ", "Տավուշ"],
        },
        "ru": {
            "title": "Явка на местных выборах в Верингете составила 43,6%",
            "slug": "veringet-mestnye-vybory-yavka",
            "standfirst": "Жители укрупнённой общины в Тавуше избрали новый совет старейшин; явка оказалась заметно выше, чем пять лет назад.",
            "dateline": "Иджеван",
            "author": "",
            "body": [
                (
                    "p",
                    "В укрупнённой общине Верингет Тавушской области, объединяющей девять сёл, в воскресенье прошли выборы в совет старейшин. По данным территориальной избирательной комиссии, из 14 230 зарегистрированных избирателей проголосовали 6205 человек, или 43,6%. На предыдущих выборах пять лет назад явка составила 37,1%.",
                ),
                (
                    "p",
                    "К 11:00 на 19 участков пришли 9,8% избирателей, к 14:00 — 24,3%, к 17:00 — 36,9%. Самая высокая явка зафиксирована в селе Нор Кахнут — 61,2%, самая низкая — в административном центре общины, где проголосовали 38,4% избирателей.",
                ),
                (
                    "quote",
                    "Люди шли голосовать за дорогу, за школьный автобус, за воду в домах. Местные выборы — это выборы о самых конкретных вещах, и, судя по цифрам, жители это понимают.",
                    "Лусине Арутюнян, председатель территориальной избирательной комиссии",
                ),
                (
                    "p",
                    "За 15 мандатов в совете боролись четыре политические силы. По предварительным итогам, партия «Развитие общины» получила 49,1% голосов, альянс «Вместе за Верингет» — 31,4%, ещё две партии набрали 10,5% и 9,0%. Первый номер списка победившей партии, нынешний заместитель главы общины Артак Саакян, может стать главой общины, если совет утвердит его кандидатуру на первом заседании.",
                ),
                (
                    "p",
                    "Местные наблюдатели зарегистрировали три жалобы — на агитационные материалы рядом с участком и на помощь пожилым избирателям в кабинах для голосования. Комиссия сообщила, что нарушений, способных повлиять на итоги, не выявлено. Окончательные результаты будут утверждены в пятницу.",
                ),
            ],
        },
        "hy": {
            "title": "Վերինգետում տեղական ընտրությունների մասնակցությունը կազմել է 43,6%",
            "slug": "veringet-teghakan-yntrutyunner-masnakcutyun",
            "standfirst": "Տավուշի խոշորացված համայնքի բնակիչներն ընտրեցին նոր ավագանի. մասնակցությունը զգալիորեն բարձր էր, քան հինգ տարի առաջ։",
            "dateline": "Իջևան",
            "author": "",
            "body": [
                (
                    "p",
                    "Տավուշի մարզի՝ ինը գյուղ միավորող Վերինգետ խոշորացված համայնքում կիրակի անցկացվեցին ավագանու ընտրություններ։ Տարածքային ընտրական հանձնաժողովի տվյալներով՝ գրանցված 14 230 ընտրողներից քվեարկել է 6205-ը, կամ 43,6 տոկոսը։ Հինգ տարի առաջ կայացած նախորդ ընտրություններում մասնակցությունը 37,1 տոկոս էր։",
                ),
                (
                    "p",
                    "Ժամը 11:00-ի դրությամբ 19 ընտրատեղամաս էր այցելել ընտրողների 9,8 տոկոսը, 14:00-ին՝ 24,3 տոկոսը, 17:00-ին՝ 36,9 տոկոսը։ Ամենաբարձր մասնակցությունը գրանցվել է Նոր Կաղնուտ գյուղում՝ 61,2 տոկոս, ամենացածրը՝ համայնքի վարչական կենտրոնում, որտեղ քվեարկել է ընտրողների 38,4 տոկոսը։",
                ),
                (
                    "quote",
                    "Մարդիկ գալիս էին քվեարկելու ճանապարհի, դպրոցական ավտոբուսի, տներում ջրի համար։ Տեղական ընտրություններն ամենակոնկրետ հարցերի մասին են, և, թվերով դատելով, բնակիչներն այդ բանը հասկանում են։",
                    "Լուսինե Հարությունյան, տարածքային ընտրական հանձնաժողովի նախագահ",
                ),
                (
                    "p",
                    "Ավագանու 15 մանդատի համար պայքարում էր չորս քաղաքական ուժ։ Նախնական արդյունքներով՝ «Համայնքի զարգացում» կուսակցությունը ստացել է ձայների 49,1 տոկոսը, «Միասին հանուն Վերինգետի» դաշինքը՝ 31,4 տոկոսը, ևս երկու կուսակցություն հավաքել են 10,5 և 9,0 տոկոս։ Հաղթած կուսակցության ցուցակը գլխավորող համայնքապետի գործող տեղակալ Արտակ Սահակյանը կարող է դառնալ համայնքի ղեկավար, եթե ավագանին առաջին նիստում հաստատի նրա թեկնածությունը։",
                ),
                (
                    "p",
                    "Տեղական դիտորդները երեք բողոք են գրանցել՝ ընտրատեղամասի մոտ քարոզչական նյութերի և քվեախցիկներում տարեց ընտրողներին օգնելու վերաբերյալ։ Հանձնաժողովը հայտնել է, որ արդյունքների վրա ազդելու ունակ խախտումներ չեն արձանագրվել։ Վերջնական արդյունքները կհաստատվեն ուրբաթ։",
                ),
            ],
        },
    },
]
