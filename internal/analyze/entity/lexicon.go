package entity

import "strings"

// The word lists below are general English news vocabulary and world
// geography, built once into read-only sets. They are cues, not answers: a
// name missing from them is still found by its capital letters and typed
// by its context.

// wordSet is a read-only set of words.
type wordSet map[string]struct{}

func newSet(lists ...string) wordSet {
	m := wordSet{}
	for _, l := range lists {
		for _, w := range strings.Split(l, "|") {
			if w = strings.TrimSpace(w); w != "" {
				m[w] = struct{}{}
			}
		}
	}
	return m
}

// class is a set of word classes, one bit per list below.
type class uint32

// The word classes.
const (
	cTitleHead class = 1 << iota
	cTitleMod
	cPersonNoun
	cReportVerb
	cOrgHead
	cOrgStart
	cOrgWord
	cPlaceHead
	cEventHead
	cDemonym
	cCommon
	cFirstName
	cParticle
	cCalendar
	cPlacePrep
	cLeading
	cDotName
	cSuffix
	cPlaceStart
	cNumber
	cStop      // an English function word, in lower, title or upper case
	cGazetteer // a word of a place's or organization's name in the gazetteer
	cFemale    // a woman's first name
	cKnown     // a place or organization by itself: "Iraq", "NATO"
)

// lookup returns the classes of w. A bit set (a Bloom filter, 8 kB) in front
// of the map answers most words that are in no list, such as most names,
// without hashing them twice and probing the map.
func (lx *lexicon) lookup(w string) class {
	h := fnv(w)
	if lx.bloom[h>>6&bloomMask]&(1<<(h&63)) == 0 || lx.bloom[h>>38&bloomMask]&(1<<(h>>32&63)) == 0 {
		return 0
	}
	return lx.class[w]
}

const bloomMask = 1<<10 - 1 // 1024 words of 64 bits

// fnv returns the 64-bit FNV-1a hash of w.
func fnv(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h ^= uint64(w[i])
		h *= 1099511628211
	}
	return h
}

// lexicon holds every list the recogniser uses. It is built once by
// newLexicon and never changed.
type lexicon struct {
	titleHead  wordSet // a person's title that may precede a name: President, Mr, Sen
	titleMod   wordSet // words that may stand inside a title phrase: Prime, Defence, Vice
	personNoun wordSet // lower-case nouns before a name that make it a person: spokesman, nominee
	reportVerb wordSet // reporting verbs: said, told
	orgHead    wordSet // last words of organization names: Department, Party, Inc
	orgStart   wordSet // first words of organization names followed by "of": University, Bank
	orgWord    wordSet // single-word organizations: Pentagon, NATO
	placeHead  wordSet // last words of place names: River, Province
	eventHead  wordSet // last words of names that are none of our types: War, Act, Cup
	places     map[string]string
	orgAlias   map[string]string
	demonym    wordSet // nationality and party adjectives and plurals
	common     wordSet // capitalised at a sentence start, never names: However, Many
	firstNames wordSet
	particles  wordSet // lower-case name particles standing alone: bin, van, de
	prefixes   []string
	calendar   wordSet // day and month names
	placePrep  wordSet // prepositions before places: in, from
	leading    wordSet // adjectives before a name or title that are not part of it: Former
	dotName    wordSet // abbreviations with a dot that are not titles: St., Jr., Inc.
	suffix     wordSet // name suffixes: Jr, III
	placeStart wordSet // first words of place names: San, Fort
	numbers    wordSet // number words
	class      map[string]class
	bloom      [bloomMask + 1]uint64 // the words of class, see lookup
}

func newLexicon() *lexicon {
	lx := &lexicon{
		titleHead: newSet(`President|President-elect|Vice-President|Mr|Mrs|Ms|Miss|Mx|Dr|Sen|Senator|Gov|Governor|Rep|Representative|
			Congressman|Congresswoman|Secretary|Minister|Chancellor|Premier|Speaker|Leader|Chairman|Chairwoman|Chair|Mayor|Judge|Justice|
			Ambassador|Envoy|Spokesman|Spokeswoman|Spokesperson|Prof|Professor|Sir|Dame|Lord|Lady|King|Queen|Prince|Princess|Pope|
			Sheikh|Sheik|Ayatollah|Imam|Cardinal|Archbishop|Bishop|Rabbi|Rev|Reverend|Father|Gen|Lt|Lieutenant|Col|Colonel|
			Maj|Capt|Captain|Cmdr|Commander|Adm|Admiral|Sgt|Sergeant|Cpl|Corporal|Pvt|Officer|Detective|Det|Insp|Inspector|
			Director|Commissioner|Superintendent|Attorney|Prosecutor|Coach|Candidate|Nominee|Emir|Sultan|Crown|Tsar|Czar|
			Deputy|Secretary-General|Prime|Sens|Reps|Govs|Messrs|Mme|Mlle|Herr|Frau|Monsieur|Madame|Senora|Senor|Hon|Pres|Supt|Amb|
			Atty|Brig|Fr|Msgr|Lieut|Comdr|Marshal|Ayatullah|Mullah|CEO|CFO|COO|Reporter|Correspondent|Anchor|Columnist|Analyst|Economist|Writer|Author|Historian|Activist|Strategist|Pollster|Adviser|Advisor|Aide|Lawyer|Businessman|Businesswoman|Billionaire|Comedian|Actor|Actress|Singer|Rapper|Producer|Filmmaker|Journalist|Blogger|Pastor|Preacher|Evangelist|Hopeful|Challenger|Front-runner|Frontrunner|Lawmaker|Delegate|
			Councilman|Councilwoman|Councillor|Councilor|Alderman|Sheriff|Trooper|Constable|Magistrate|Vizier|Regent|Baroness|Baron|Earl|Duke|Duchess|Viscount|Countess`),
		titleMod: newSet(`Vice|Prime|Deputy|Assistant|Acting|Former|Interim|Foreign|Defence|Defense|Interior|Home|Finance|Treasury|
			State|Justice|Health|Education|Labor|Labour|Trade|Energy|Agriculture|Transport|Transportation|Commerce|Homeland|Security|
			Veterans|Affairs|Housing|Environment|Culture|Information|Oil|Economy|Economic|Development|Immigration|Intelligence|Communications|
			Majority|Minority|Senate|House|Press|White|Joint|Chiefs|Staff|Supreme|Court|Chief|Executive|Senior|Junior|Lead|Presidential|
			General|Attorney|Solicitor|Surgeon|Auditor|Inspector|Police|Army|Navy|Air|Force|Marine|Corps|Foreign|Opposition|Party|
			National|Federal|Regional|Provincial|District|County|City|Town|Council|Government|Cabinet|Republican|Democratic|Democrat|
			Independent|Conservative|Liberal|Labour|Green|Campaign|Communications|Policy|Political|Military|Special|
			High|Grand|Crown|Field|Rear|Brigadier|Major|Lieutenant|Staff|First|Second|Third|Master|Chairman|Chief-of-Staff|Mayor|Governor|
			Minister|Secretary|Speaker|Leader|President|Director|Commissioner|Spokesman|Spokeswoman|Adviser|Advisor|Counsel|Envoy|Ambassador`),
		personNoun: newSet(`spokesman|spokeswoman|spokesperson|nominee|candidate|president|senator|secretary|minister|leader|chairman|
			chairwoman|director|adviser|advisor|aide|official|ambassador|envoy|general|commander|analyst|professor|governor|mayor|lawyer|
			attorney|son|daughter|wife|husband|brother|sister|father|mother|colleague|rival|opponent|challenger|frontrunner|front-runner|
			businessman|businesswoman|billionaire|host|anchor|reporter|correspondent|editor|author|activist|economist|expert|strategist|
			pollster|manager|chief|executive|founder|player|coach|star|actor|actress|singer|judge|justice|prosecutor|officer|sergeant|
			soldier|premier|king|queen|prince|princess|pope|cleric|imam|congressman|congresswoman|lawmaker|legislator|representative|
			chancellor|speaker|vice|deputy|dr|mr|mrs|ms|sen|gov|rep|campaigner|supporter|voter|resident|witness|victim|suspect|survivor|
			partner|boss|chair|counsel|consultant|scientist|researcher|doctor|surgeon|nurse|teacher|student|writer|columnist|commentator|
			historian|journalist|photographer|filmmaker|director|producer|musician|artist|comedian|athlete|striker|midfielder|defender|
			goalkeeper|quarterback|pitcher|captain|colonel|lieutenant|major|admiral|detective|inspector|sheriff|trooper|agent|investigator|
			chief-of-staff|secretary-general|delegate|councilman|councilwoman|councillor|alderman|magistrate|philanthropist|entrepreneur|
			investor|banker|tycoon|mogul|heir|heiress|widow|widower|grandson|granddaughter|nephew|niece|cousin|uncle|aunt|friend|
			girlfriend|boyfriend|fiancé|fiancee|stepfather|stepmother|predecessor|successor|incumbent|challenger|contender|hopeful|surrogate|
			staffer|operative|loyalist|confidant|biographer|protégé|ally|critic|spokesmen|officials|leaders`),
		reportVerb: newSet(`said|says|say|told|tells|added|adds|asked|asks|insisted|insists|argued|argues|explained|explains|noted|notes|
			wrote|writes|tweeted|tweets|stated|states|claimed|claims|warned|warns|replied|replies|responded|responds|announced|announces|
			declared|declares|acknowledged|acknowledges|admitted|admits|continued|continues|recalled|recalls|suggested|suggests|conceded|
			concedes|contended|contends|countered|counters|predicted|predicts|promised|promises|vowed|vows|urged|urges|thinks|believes|
			believed|thought|felt|feels|wants|wanted|hopes|hoped|shouted|yelled|joked|jokes|quipped|mused|observed|observes|remarked|
			remarks|reported|reports|testified|testifies|confirmed|confirms|denied|denies|emphasized|emphasised|stressed|stresses|
			pointed|posted|blasted|slammed|criticized|criticised|praised|accused|accuses|charged|wondered|speculated|agreed|agrees|
			disagreed|complained|complains|lamented|boasted|bragged|pledged|pledges|repeated|repeats|answered|answers|whispered|
			cautioned|assured|reiterated|maintained|maintains|asserted|asserts|alleged|alleges|estimated|estimates|conceded|
			spoke|speaks|who|wrote|tweeted|campaigned|campaigns|testified|resigned|died`),
		orgHead: newSet(`Department|Dept|Ministry|Party|Council|Agency|Inc|Corp|Corporation|Company|Co|Ltd|LLC|Plc|PLC|GmbH|AG|SA|
			University|College|Institute|Institution|School|Academy|Bank|Committee|Commission|Association|Union|Organization|Organisation|
			Group|Foundation|Court|Office|Bureau|Service|Services|Army|Navy|Forces|Force|Corps|Police|Guard|Guards|Times|Post|News|Network|
			Journal|Press|Church|Congress|Parliament|Assembly|House|Club|Airlines|Airways|Motors|Fund|Reserve|Board|Authority|Administration|
			Federation|League|Coalition|Alliance|Movement|Front|Brigade|Brigades|Channel|Media|Television|TV|Radio|Magazine|Herald|Tribune|
			Gazette|Telegraph|Guardian|Independent|Observer|Express|Mirror|Standard|Chronicle|Examiner|Inquirer|Globe|Sun|Review|Weekly|
			Daily|Center|Centre|Society|Trust|Hospital|Holdings|Partners|Systems|Technologies|Technology|Industries|Pharmaceuticals|Labs|
			Laboratories|Enterprises|Entertainment|Studios|Records|Publishing|Communications|Telecom|Energy|Oil|Petroleum|Airport|Senate|
			Cabinet|Government|Regime|Junta|Tribunal|Caucus|Institute|Museum|Library|Zoo|Team|Squad|Battalion|Regiment|Division|Command|
			Secretariat|Directorate|Inspectorate|Unit|Council|Chamber|Exchange|Consortium|Cooperative|Co-op|Bancorp|Capital|Ventures|
			Insurance|Bank|Stores|Foods|Motor|Group|Agency|PAC|Inc.|Corp.|Ltd.|Co.|Mission|Charity|Appeal|Campaign|Project|Initiative|
			Institute|Conference|Synod|Diocese|Parish|Mosque|Cathedral|Temple|Republicans|Democrats|Brotherhood|Jazeera|Qaeda|Taliban|
			Books|Publishers|Business|Images|Scouts|Headquarters|Workers|Strategies|Lab|Labs|Chiefs|LLP|L.L.P|L.L.C|LP|Post-Dispatch|Post-Gazette|Journal-Constitution|Courier|Register|Star|Star-Tribune|Bulletin|Dispatch|Times-Picayune|Reuters`),
		orgStart: newSet(`Department|Ministry|University|Bank|Church|Office|Bureau|Council|Court|Museum|Center|Centre|Committee|
			Commission|Association|Federation|Union|League|College|School|Board|Chamber|Society|Institute|Foundation|Fund|Party|
			Organization|Organisation|Agency|Dept|Friends|Order|Academy|Army|Navy|Corps|House|Senate|Government|Federal|Royal|
			Assembly|Parliament|Congress|Supreme|Secretariat|Conference|Alliance|Coalition|Movement|Front|Brotherhood|Institution|
			Club|Hospital|Library|Mission|Administration|Authority|Service|Services|Force|Forces|Guard|Cabinet|Tribunal|Caucus`),
		orgWord: newSet(`Pentagon|Kremlin|Congress|Senate|Parliament|Hamas|Hezbollah|Hizbollah|Taliban|Reuters|Interpol|Europol|Nato|NATO|
			UN|U.N|EU|E.U|FBI|F.B.I|CIA|C.I.A|NSA|N.S.A|IRS|I.R.S|EPA|E.P.A|FDA|F.D.A|DHS|DOJ|DOD|DoD|NASA|ISIS|ISIL|IS|GOP|G.O.P|
			BBC|CNN|NBC|ABC|CBS|MSNBC|NPR|PBS|AP|AFP|FIFA|IOC|IMF|WHO|WTO|OPEC|ASEAN|NAACP|ACLU|NRA|DNC|RNC|SEC|FCC|FTC|FAA|ATF|DEA|
			ICE|CDC|NIH|NHS|MI5|MI6|KGB|FSB|Mossad|Google|Facebook|Twitter|Microsoft|Apple|Amazon|Boeing|Toyota|Walmart|Wal-Mart|
			Fox|Politico|Breitbart|Bloomberg|Gallup|WikiLeaks|Wikileaks|Vatican|Knesset|Duma|Bundestag|Likud|Fatah|Baath|Ba'ath|
			Qaeda|al-Qaeda|al-Qaida|Al-Qaeda|Al-Qaida|Al-Shabab|al-Shabab|Boko|Pfizer|Exxon|ExxonMobil|Chevron|Shell|BP|Gazprom|Netflix|
			Uber|Tesla|Yahoo|Instagram|YouTube|Samsung|Sony|Nissan|Honda|Volkswagen|Intel|IBM|Oracle|Citigroup|Goldman|JPMorgan|Barclays|
			HSBC|UBS|Nasdaq|Fed|Treasury|Whitehall|Downing|Stormont|Politburo|Hamas|Harvard|Yale|Stanford|Princeton|Oxford|Cambridge|
			MIT|UCLA|Medicare|Medicaid|Obamacare|Interior|Unicef|UNICEF|Unesco|UNESCO|UNHCR|Nato's|Fifa|Opec|Nasa|Isis|Isil|Daesh`),
		placeHead: newSet(`River|Sea|Ocean|Gulf|Bay|Lake|Mountains|Mountain|Mount|Mt|Hills|Valley|Strait|Straits|Peninsula|Desert|
			Island|Islands|Coast|Province|County|District|Region|Territory|Territories|Republic|Kingdom|Emirates|City|Town|Village|
			Square|Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Bridge|Park|Heights|Falls|Beach|Harbor|Harbour|Canal|Basin|Plain|Plains|
			Forest|Springs|Canyon|Delta|Highlands|Glacier|Cape|Hill|Border|Prefecture|Governorate|Oblast|Municipality|Borough|Township|
			Parish|Quarter|Zone|Hall|Stadium|Arena|Palace|Tower|Towers|Hotel|Base|Airbase|Camp|Prison|Port|Station|Crossing|Corridor`),
		eventHead: newSet(`War|Wars|Revolution|Spring|Games|Olympics|Cup|Act|Bill|Amendment|Agreement|Accord|Accords|Treaty|Day|
			Summit|Convention|Election|Elections|Crisis|Award|Awards|Prize|Festival|Championship|Championships|Series|Bowl|Open|Marathon|
			Rule|Law|Doctrine|Plan|Protocol|Declaration|Constitution|Charter|Index|Report|Survey|Poll|Debate|Debates|Primary|Primaries|
			Caucuses|Storm|Hurricane|Typhoon|Earthquake|Attack|Attacks|Massacre|Bombing|Operation|Christmas|Easter|Ramadan|Eid|Thanksgiving|
			Week|Month|Year|Order|Orders|Clause|Era|Age|Century|Dynasty|Empire|Era|Gate|Scandal|Affair|Trial|Case|Tour|Show|Movie|Film|Book|Album|Song|Prize`),
		demonym: newSet(`American|Americans|Iraqi|Iraqis|British|Briton|Britons|English|Scottish|Scot|Scots|Welsh|Irish|French|German|Germans|
			Italian|Italians|Spanish|Spaniard|Spaniards|Portuguese|Dutch|Belgian|Belgians|Swiss|Austrian|Austrians|Swedish|Swede|Swedes|
			Norwegian|Norwegians|Danish|Dane|Danes|Finnish|Finn|Finns|Polish|Pole|Poles|Czech|Czechs|Slovak|Hungarian|Hungarians|
			Romanian|Romanians|Bulgarian|Bulgarians|Greek|Greeks|Turkish|Turk|Turks|Russian|Russians|Ukrainian|Ukrainians|Belarusian|
			Georgian|Georgians|Armenian|Armenians|Azerbaijani|Iranian|Iranians|Persian|Afghan|Afghans|Pakistani|Pakistanis|Indian|Indians|
			Chinese|Japanese|Korean|Koreans|Vietnamese|Thai|Filipino|Filipinos|Indonesian|Indonesians|Malaysian|Malaysians|Australian|
			Australians|Canadian|Canadians|Mexican|Mexicans|Brazilian|Brazilians|Argentine|Argentinian|Chilean|Colombian|Colombians|
			Peruvian|Venezuelan|Venezuelans|Cuban|Cubans|Haitian|Haitians|Egyptian|Egyptians|Libyan|Libyans|Tunisian|Tunisians|
			Algerian|Algerians|Moroccan|Moroccans|Sudanese|Ethiopian|Ethiopians|Somali|Somalis|Kenyan|Kenyans|Nigerian|Nigerians|
			Ghanaian|African|Africans|Saudi|Saudis|Emirati|Qatari|Kuwaiti|Bahraini|Omani|Yemeni|Yemenis|Jordanian|Jordanians|
			Syrian|Syrians|Lebanese|Israeli|Israelis|Palestinian|Palestinians|Arab|Arabs|Arabic|Kurdish|Kurd|Kurds|Sunni|Sunnis|Shia|
			Shiite|Shiites|Shi'ite|Muslim|Muslims|Christian|Christians|Jewish|Jew|Jews|Catholic|Catholics|Protestant|Hindu|Hindus|Buddhist|
			Western|Eastern|European|Europeans|Asian|Asians|Latin|Latino|Latinos|Latina|Hispanic|Hispanics|Republican|Republicans|
			Democrat|Democrats|Democratic|Conservative|Conservatives|Liberal|Liberals|Labour|Tory|Tories|Socialist|Socialists|
			Communist|Communists|Islamist|Islamists|Islamic|Jihadist|Jihadists|Baathist|Zionist|Soviet|Soviets|Nazi|Nazis|Bosnian|
			Serbian|Serb|Serbs|Croatian|Croat|Croats|Albanian|Albanians|Kosovar|Chechen|Chechens|Uzbek|Kazakh|Tajik|Mongolian|Tibetan|
			Taiwanese|Singaporean|Burmese|Bangladeshi|Sri|Nepalese|Zimbabwean|Ugandan|Rwandan|Congolese|Malian|Senegalese|Cameroonian|
			Angolan|Mozambican|Zambian|Tanzanian|Icelandic|Estonian|Latvian|Lithuanian|Slovenian|Maltese|Cypriot|Luxembourgish|Scandinavian|
			Balkan|Caucasian|Gulf|Persian|Pashtun|Baluch|Yazidi|Alawite|Druze|Coptic|Copt|Copts|Evangelical|Evangelicals|Mormon|Mormons|
			Sikh|Sikhs|Indigenous|Aboriginal|Rican|Californian|Texan|Texans|Yorker|Yorkers|Floridian|Midwestern`),
		common: newSet(`The|A|An|But|And|Or|So|Yet|However|Meanwhile|Moreover|Furthermore|Nevertheless|Nonetheless|Still|Also|Then|Now|
			Thus|Hence|Indeed|Instead|Otherwise|Therefore|Later|Earlier|Recently|Finally|Lastly|First|Firstly|Second|Secondly|Third|
			Next|Last|Many|Most|Some|Several|Few|Both|All|Each|Every|No|None|Other|Others|Another|Such|Much|More|Less|Despite|
			According|After|Before|During|Although|Though|While|Whereas|Since|Until|Unless|Because|If|When|Where|Why|How|What|Which|
			Who|Whom|Whose|That|This|These|Those|There|Here|Asked|Speaking|Meanwhile|Among|Amid|Against|Without|Within|Under|Over|
			About|Above|Below|Between|Beyond|Through|Throughout|Towards|Toward|Into|Onto|Upon|Like|Unlike|Including|Following|
			Given|Perhaps|Maybe|Certainly|Clearly|Obviously|Apparently|Actually|Really|Only|Just|Even|Yes|Not|Nor|Please|Thank|Thanks|
			Sources|Officials|Critics|Supporters|Analysts|Experts|Residents|Witnesses|Police|Troops|Soldiers|People|Voters|Lawmakers|
			Authorities|Investigators|Protesters|Democrats|Republicans|Reporters|Observers|Aides|Advisers|Leaders|Members|Citizens|
			Local|Federal|State|National|International|Global|World|Government|Military|Public|Private|Political|Economic|Social|
			Today|Tonight|Tomorrow|Yesterday|Overall|Again|Already|Almost|Always|Never|Often|Sometimes|Usually|Soon|Once|Twice|
			Editor|Editors|Note|Update|Updated|Related|Read|Watch|Click|Share|Follow|Subscribe|Photo|Video|Image|Source|Sign|Copyright|
			Is|Are|Was|Were|Be|Been|Do|Does|Did|Has|Have|Had|Will|Would|Can|Could|Should|May|Might|Must|Shall|Let|Let's|It|Its|It's|
			He|She|They|We|You|I|Me|Him|Her|Them|Us|My|Your|His|Our|Their|Mine|Yours|Hers|Ours|Theirs|Oh|Well|Okay|OK|Hey|Wow|
			Good|Great|Bad|Old|New|Big|Small|Young|High|Low|Long|Short|Full|Top|Key|Major|Minor|Senior|Former|Current|Future|Past|
			Breaking|Exclusive|Unlike|Like|Whether|Except|Besides|Beyond|Via|Per|Plus|Rather|Opinion|Analysis|Comment|Editorial|Transcript|Statement|Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|
			Saturday|Mr|Mrs|Ms|Dr|Sen|Gov|Rep|Gen|Part|Chapter|Section|Article|Figure|Table|Page|Vol|Fig|No|Nos`),
		firstNames: newSet(`James|John|Robert|Michael|William|David|Richard|Joseph|Thomas|Charles|Christopher|Daniel|Matthew|Anthony|
			Donald|Mark|Paul|Steven|Stephen|Andrew|Kenneth|Joshua|Kevin|Brian|George|Edward|Ronald|Timothy|Jason|Jeffrey|Ryan|Jacob|Gary|
			Nicholas|Eric|Jonathan|Larry|Justin|Scott|Brandon|Benjamin|Samuel|Frank|Gregory|Raymond|Alexander|Patrick|Jack|Dennis|Jerry|
			Tyler|Aaron|Jose|Adam|Henry|Nathan|Douglas|Zachary|Peter|Kyle|Walter|Ethan|Jeremy|Harold|Keith|Christian|Roger|Noah|Gerald|
			Carl|Terry|Sean|Austin|Arthur|Lawrence|Jesse|Dylan|Bryan|Joe|Jordan|Billy|Bruce|Albert|Willie|Gabriel|Logan|Alan|Juan|Wayne|
			Roy|Ralph|Randy|Eugene|Vincent|Russell|Elijah|Louis|Bobby|Philip|Phil|Johnny|Mary|Patricia|Jennifer|Linda|Elizabeth|Barbara|
			Susan|Jessica|Sarah|Karen|Nancy|Lisa|Betty|Margaret|Sandra|Ashley|Kimberly|Emily|Donna|Michelle|Dorothy|Carol|Amanda|Melissa|
			Deborah|Stephanie|Rebecca|Sharon|Laura|Cynthia|Kathleen|Amy|Shirley|Angela|Helen|Anna|Brenda|Pamela|Nicole|Emma|Samantha|
			Katherine|Christine|Debra|Rachel|Catherine|Carolyn|Janet|Ruth|Maria|Heather|Diane|Virginia|Julie|Joyce|Victoria|Olivia|Kelly|
			Christina|Lauren|Joan|Evelyn|Judith|Megan|Cheryl|Andrea|Hannah|Martha|Jacqueline|Frances|Gloria|Ann|Teresa|Kathryn|Sara|Janice|
			Jean|Alice|Madison|Doris|Abigail|Julia|Judy|Grace|Denise|Amber|Marilyn|Beverly|Danielle|Theresa|Sophia|Marie|Diana|Brittany|
			Natalie|Isabella|Charlotte|Rose|Alexis|Kayla|Barack|Hillary|Bill|Bernie|Ted|Marco|Jeb|Ben|Chris|Mike|Tim|Tom|Jim|Bob|Dick|Rick|
			Newt|Mitt|Mitch|Nancy|Harry|Chuck|Elizabeth|Al|Jimmy|Ronald|Lyndon|Dwight|Franklin|Woodrow|Abraham|Condoleezza|Colin|Hamid|
			Nouri|Ali|Mohammed|Muhammad|Mohamed|Mohammad|Ahmed|Ahmad|Hassan|Hussein|Saddam|Bashar|Osama|Abu|Abdul|Abdullah|Omar|Khalid|
			Mahmoud|Mustafa|Ibrahim|Yusuf|Youssef|Tariq|Tarek|Jalal|Masoud|Massoud|Recep|Vladimir|Dmitry|Sergei|Sergey|Angela|Emmanuel|
			Francois|François|Nicolas|Jacques|Theresa|Boris|Gordon|Tony|David|Nick|Ed|Jeremy|Justin|Stephen|Shinzo|Xi|Narendra|Benjamin|
			Binyamin|Ehud|Ariel|Shimon|Yitzhak|Mahmoud|Kim|Moon|Park|Luiz|Dilma|Jair|Enrique|Andres|Andrés|Nicolas|Hugo|Fidel|Raul|Raúl|
			Kofi|Ban|Antonio|António|Jens|Anders|Ursula|Jean-Claude|Donald|Kamala|Pete|Beto|Cory|Kirsten|Amy|Lindsey|Rand|Ron|Rudy|Rudolph|
			Sarah|Paul|Rahm|Leon|Chuck|Hank|Ash|Ashton|Lloyd|Stanley|Martin|Luther|Malcolm|Jesse|Al|Sam|Max|Alex|Andy|Dan|Dave|Doug|Fred|
			Greg|Jeff|Jon|Ken|Matt|Nate|Pat|Ray|Rob|Ron|Steve|Will|Kate|Liz|Meg|Sue|Jill|Laura|Michele|Carly|Melania|Ivanka|Jared|Eric|
			Reince|Kellyanne|Sean|Corey|Hope|Huma|Anthony|Debbie|Loretta|Eric|Jeh|Janet|Sonia|Elena|Ruth|Antonin|Clarence|Samuel|Neil|John|
			Joaquin|Julian|Martin|Carlos|Luis|Jorge|Pedro|Miguel|Manuel|Francisco|Javier|Rafael|Fernando|Ricardo|Alberto|Roberto|Eduardo|
			Ahmet|Mehmet|Mustafa|Ismail|Yasser|Saeb|Salam|Ayad|Iyad|Adel|Adil|Tareq|Hoshyar|Moqtada|Muqtada|Ammar|Haider|Hayder|Fouad|
			Walid|Rafik|Saad|Michel|Emile|Amin|Hosni|Mohamed|Anwar|Gamal|Muammar|Moammar|Zine|Abdel|Abdelaziz|Salman|Faisal|Fahd|Sultan|
			Hamad|Tamim|Qaboos|Jaber|Sabah|Nasser|Yasir|Benazir|Nawaz|Pervez|Imran|Asif|Manmohan|Rahul|Sonia|Indira|Rajiv|Mahatma|Nelson|
			Jacob|Thabo|Robert|Goodluck|Muhammadu|Uhuru|Paul|Yoweri|Haile|Meles|Hailemariam|Abiy|Isaias|Omar|Ellen|Joyce|Olusegun|
			Don|Donnie|Ronnie|Lou|Leo|Ray|Joel|Josh|Jake|Luke|Zach|Ian|Evan|Todd|Chad|Brad|Craig|Glenn|Dean|Neil|Ross|
			Grant|Wade|Clay|Cody|Travis|Marc|Lee|Allen|Warren|Mitchell|Marshall|Hugh|Reid|Earl|Cal|Mel|Herb|Howard|Floyd|
			Stuart|Rex|Trey|Rod|Beau|Hunter|Kurt|Curt|Darrell|Darryl|Troy|Shane|Derek|Trevor|Spencer|Seth|Gavin|Jay|
			Wes|Wesley|Barry|Lamar|Marcus|Terrence|Jamal|Tyrone|Andre|Cornel|Orrin|Lamar|Harry|Jon|Van|Jerome|Jared|
			Lindsey|Trent|Thad|Ralph|Jimmy|Franklin|Ted|Ike|Rahm|Mick|Mickey|Newt|Jeff|Lowell|Reince|Roger|Rupert|Tucker|
			Bret|Brit|Sean|Glenn|Rush|Lou|Chris|Kellyanne|Sheldon|Roy|Elton|Elvis|Bruce|Bono|Mitt|Rick|Dick|Mike|Kevin|
			Fred|Frederick|Boris|Mikhail|Nikita|Leonid|Viktor|Victor|Petro|Volodymyr|Alexei|Alexander|Dmitri|Igor|Ivan|
			Yuri|Hans|Klaus|Wolfgang|Helmut|Gerhard|Olaf|Frank-Walter|Pierre|Jean|Francois|Emmanuel|Manuel|Lula|Evo|
			Shinzo|Yoshihide|Fumio|Naoto|Junichiro|Hu|Wen|Li|Deng|Mao|Zhou|Chiang|Lee|Rodrigo|Joko|Mahathir|Najib|
			Recep|Ahmet|Bashar|Hafez|Hosni|Abdel|Benjamin|Naftali|Yair|Benny|Avigdor|Tzipi|Golda|Menachem|Yasser|
			Ismail|Khaled|Hassan|Ali|Mahmoud|Hamid|Ashraf|Nouri|Haider|Mustafa|Fuad|Barham|Massoud|Masrour|Nechirvan`),
		particles:  newSet(`al|el|bin|ibn|bint|abu|de|da|di|del|della|der|den|van|von|la|le|du|dos|das|do|y|ter|ten|zu|af|st`),
		prefixes:   []string{"al-", "el-", "al'", "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-", "ibn-", "bin-", "abu-", "abd-", "d'", "d’", "al‑", "al–"},
		calendar:   newSet(`Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec`),
		placePrep:  newSet(`in|from|near|to|across|throughout|outside|inside|into|toward|towards|via|at|around|visited|visit|visiting|invaded|invade|bombed|entered|left|leave|leaving|reach|reached|returned|travel|traveled|travelled|flew|fled|within|between|northern|southern|eastern|western|central|north|south|east|west|of`),
		leading:    newSet(`Former|Ex|Then|Late|Top|Outgoing|Incoming|Embattled|Veteran|Longtime|Disgraced|Acting|Interim|Fellow|Rival|Dear|Frontrunner|Front-runner`),
		dotName:    newSet(`St|Jr|Sr|Inc|Corp|Co|Ltd|Bros|Mt|Ft|Dept|Univ`),
		suffix:     newSet(`Jr|Sr|II|III|IV|V|Jnr|Snr`),
		placeStart: newSet(`San|Santa|Los|Las|Fort|Ft|Port|Saint|Mount|Mt|Lake|Cape|Isle|Gulf|Sierra|Bahia|Puerto|Rio|Nueva|Nuevo|Novo|Nizhny`),
		numbers:    newSet(`One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve|Thirteen|Fifteen|Twenty|Thirty|Forty|Fifty|Sixty|Seventy|Eighty|Ninety|Hundred|Hundreds|Thousand|Thousands|Million|Millions|Billion|Billions|Dozens|Half|Third|Fourth|Fifth`),
	}
	lx.class = map[string]class{}
	for c, set := range map[class]wordSet{
		cTitleHead: lx.titleHead, cTitleMod: lx.titleMod, cPersonNoun: lx.personNoun, cReportVerb: lx.reportVerb,
		cOrgHead: lx.orgHead, cOrgStart: lx.orgStart, cOrgWord: lx.orgWord, cPlaceHead: lx.placeHead,
		cEventHead: lx.eventHead, cDemonym: lx.demonym, cCommon: lx.common, cFirstName: lx.firstNames,
		cParticle: lx.particles, cCalendar: lx.calendar, cPlacePrep: lx.placePrep, cLeading: lx.leading,
		cDotName: lx.dotName, cSuffix: lx.suffix, cPlaceStart: lx.placeStart, cNumber: lx.numbers,
	} {
		for w := range set {
			lx.class[w] |= c
		}
	}
	for _, set := range []wordSet{lx.calendar, lx.numbers} {
		for w := range set {
			lx.class[strings.ToUpper(w)] |= lx.class[w] // THURSDAY
		}
	}
	for _, w := range strings.Split(femaleNames, "|") {
		lx.class[strings.TrimSpace(w)] |= cFemale | cFirstName
	}
	for _, w := range strings.Fields(stopWords) {
		for _, v := range []string{w, strings.ReplaceAll(w, "'", "’")} {
			lx.class[v] |= cStop
			lx.class[strings.ToUpper(v[:1])+v[1:]] |= cStop
			lx.class[strings.ToUpper(v)] |= cStop
		}
	}
	defer func() {
		for w := range lx.class {
			h := fnv(w)
			lx.bloom[h>>6&bloomMask] |= 1 << (h & 63)
			lx.bloom[h>>38&bloomMask] |= 1 << (h >> 32 & 63)
		}
	}()
	lx.places = map[string]string{}
	for _, l := range []string{countries, usStates, cities, regions} {
		for _, e := range strings.Split(l, "|") {
			e = strings.TrimSpace(e)
			if e == "" {
				continue
			}
			names := strings.Split(e, "=")
			canon := names[0]
			for _, n := range names {
				lx.places[strings.TrimSpace(n)] = canon
			}
		}
	}
	lx.orgAlias = map[string]string{}
	for _, e := range strings.Split(orgAliases, "|") {
		names := strings.Split(strings.TrimSpace(e), "=")
		for _, n := range names {
			lx.orgAlias[strings.TrimSpace(n)] = names[0]
		}
	}
	for _, m := range []map[string]string{lx.places, lx.orgAlias} {
		for k := range m {
			if !strings.Contains(k, " ") {
				lx.class[k] |= cKnown
			}
			for _, w := range strings.Fields(k) {
				lx.class[w] |= cGazetteer
			}
		}
	}
	return lx
}

// Countries, with other spellings after "="; the first is the canonical name.
const countries = `Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|Bahamas|Bahrain|
Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Bosnia and Herzegovina|Botswana|Brazil|Brunei|Bulgaria|
Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Comoros|Congo|Costa Rica|Croatia|Cuba|Cyprus|
Czech Republic=Czechia|Denmark|Djibouti|Dominica|Dominican Republic|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|
Eswatini=Swaziland|Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|
Guyana|Haiti|Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast=Côte d'Ivoire|Jamaica|Japan|
Jordan|Kazakhstan|Kenya|Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|
Luxembourg|Madagascar|Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|
Montenegro|Morocco|Mozambique|Myanmar=Burma|Namibia|Nauru|Nepal|Netherlands=Holland|New Zealand|Nicaragua|Niger|Nigeria|
North Korea|North Macedonia=Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|
Poland|Portugal|Qatar|Romania|Russia=Russian Federation|Rwanda|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|
Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|
Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Timor-Leste=East Timor|Togo|Tonga|Trinidad|Tunisia|Turkey|Turkmenistan|
Tuvalu|Uganda|Ukraine|United Arab Emirates=UAE|United Kingdom=UK=U.K=Britain=Great Britain|United States=US=U.S=USA=U.S.A=America=United States of America|
Uruguay|Uzbekistan|Vanuatu|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Korea|Scotland|England|Wales|
Northern Ireland|Greenland|Puerto Rico|Gaza|Gaza Strip|West Bank|Kurdistan|Chechnya|Crimea|Tibet|Hong Kong|Macau|Vatican City`

// US states with their usual abbreviations.
const usStates = `Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|
Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|
New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|
South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington State|West Virginia|Wisconsin|Wyoming|
District of Columbia=D.C=DC=Washington DC=Washington D.C|
Ala|Ariz|Ark|Calif|Colo|Conn|Del|Fla|Ga|Ill|Ind|Kan|Ky|La|Md|Mass|Mich|Minn|Miss|Mo|Mont|Neb|Nev|N.H|N.J|N.M|N.Y|
N.C|N.D|Okla|Ore|Pa|R.I|S.C|S.D|Tenn|Tex|Va|Vt|Wash|W.Va|Wis|Wyo`

// Major world cities.
const cities = `Washington|New York City|Los Angeles|Chicago|Houston|Phoenix|Philadelphia|San Antonio|San Diego|Dallas|San Jose|
Austin|Jacksonville|San Francisco|Columbus|Indianapolis|Seattle|Denver|Boston|Detroit|Nashville|Memphis|Portland|Las Vegas|
Baltimore|Milwaukee|Albuquerque|Tucson|Fresno|Sacramento|Atlanta|Miami|Orlando|Tampa|Cleveland|Cincinnati|Pittsburgh|St Louis|
St. Louis|Kansas City|Minneapolis|New Orleans|Honolulu|Anchorage|Salt Lake City|Raleigh|Charlotte|Richmond|Buffalo|Newark|
Des Moines|Manchester|Charleston|Birmingham|Omaha|Oakland|Ferguson|Baton Rouge|Little Rock|Hartford|Concord|Boulder|Dearborn|
London|Paris|Berlin|Madrid|Rome|Lisbon|Dublin|Edinburgh|Glasgow|Cardiff|Belfast|Liverpool|Leeds|Bristol|Oxford|Cambridge|
Amsterdam|Brussels|Vienna|Zurich|Geneva|Stockholm|Oslo|Copenhagen|Helsinki|Warsaw|Prague|Budapest|Bucharest|Sofia|Athens|
Istanbul|Ankara|Moscow|St Petersburg|Kiev|Kyiv|Minsk|Tbilisi|Yerevan|Baku|Tehran|Baghdad|Basra|Mosul|Kirkuk|Erbil|Fallujah|
Ramadi|Tikrit|Najaf|Karbala|Damascus|Aleppo|Homs|Raqqa|Beirut|Amman|Jerusalem|Tel Aviv|Ramallah|Cairo|Alexandria|Tripoli|
Benghazi|Tunis|Algiers|Rabat|Casablanca|Khartoum|Riyadh|Jeddah|Mecca|Medina|Doha|Dubai|Abu Dhabi|Muscat|Sanaa|Aden|Kabul|
Kandahar|Herat|Islamabad|Karachi|Lahore|Peshawar|Delhi|New Delhi|Mumbai|Bombay|Kolkata|Calcutta|Chennai|Bangalore|Dhaka|
Kathmandu|Colombo|Beijing|Shanghai|Hong Kong|Guangzhou|Shenzhen|Wuhan|Tokyo|Osaka|Kyoto|Hiroshima|Seoul|Pyongyang|Taipei|
Manila|Jakarta|Bangkok|Hanoi|Ho Chi Minh City|Saigon|Kuala Lumpur|Singapore|Sydney|Melbourne|Brisbane|Perth|Canberra|Auckland|
Wellington|Toronto|Montreal|Vancouver|Ottawa|Calgary|Mexico City|Guadalajara|Havana|Caracas|Bogota|Bogotá|Lima|Quito|Santiago|
Buenos Aires|Sao Paulo|São Paulo|Rio de Janeiro|Brasilia|Brasília|Montevideo|Lagos|Abuja|Nairobi|Mogadishu|Addis Ababa|
Johannesburg|Cape Town|Pretoria|Kinshasa|Kampala|Kigali|Dakar|Accra|Harare|Luanda|Davos|Strasbourg|Frankfurt|Munich|Hamburg|
Cologne|Milan|Naples|Venice|Florence|Barcelona|Valencia|Seville|Marseille|Lyon|Nice|Geneva|Brussels|The Hague|Rotterdam|
Kharkiv|Donetsk|Luhansk|Odessa|Sevastopol|Grozny|Vladivostok|Hebron|Nablus|Gaza City|Rafah|Idlib|Deir ez-Zor|Kobani|Palmyra|
Sinai|Mumbai|Srinagar|Kashmir|Mosul|Hawija|Samarra|Sadr City|Abu Ghraib|Guantanamo|Guantánamo|Silicon Valley|Wall Street|
Manhattan|Brooklyn|Queens|Bronx|Harlem|Hollywood|Capitol Hill|Westminster|Downing Street|Whitehall|Ground Zero`

// Regions and other well-known places.
const regions = `Middle East|Europe|Asia|Africa|Latin America|South America|North America|Central America|Caribbean|
Balkans|Scandinavia|Arctic|Antarctica|Antarctic|Pacific|Atlantic|Mediterranean|Persian Gulf|Red Sea|Black Sea|Caspian Sea|
Baltic|Sahara|Sahel|Horn of Africa|Gulf|Levant|Maghreb|Caucasus|Central Asia|South Asia|Southeast Asia|East Asia|Far East|
Western Europe|Eastern Europe|Midwest|Deep South|New England|Appalachia|Rust Belt|Sun Belt|Bible Belt|West Coast|East Coast|
Green Zone|Euphrates|Tigris|Nile|Amazon River|Mississippi River|Himalayas|Alps|Andes|Rockies|Rocky Mountains|Golan Heights|
Anbar|Diyala|Nineveh|Helmand|Punjab|Sindh|Kurdish region|Northern Iraq|Southern Iraq|Korean Peninsula|Hawaii|Iowa`

// Organizations with other names after "="; the first is the canonical name.
const orgAliases = `United Nations=UN=U.N|European Union=EU=E.U|North Atlantic Treaty Organization=NATO=Nato|
Federal Bureau of Investigation=FBI=F.B.I|Central Intelligence Agency=CIA=C.I.A|National Security Agency=NSA|
Internal Revenue Service=IRS=I.R.S|Environmental Protection Agency=EPA|Food and Drug Administration=FDA|
Department of Homeland Security=DHS=Homeland Security Department|Department of Justice=DOJ=Justice Department|
Department of Defense=DOD=DoD=Defense Department=Pentagon|Department of State=State Department|
Republican Party=GOP=G.O.P|Democratic Party|Democratic National Committee=DNC|Republican National Committee=RNC|
International Monetary Fund=IMF|World Health Organization=WHO|World Trade Organization=WTO|
Islamic State=ISIS=ISIL=Isis=Isil=Daesh=Islamic State of Iraq and the Levant=Islamic State of Iraq and Syria|
al-Qaeda=al-Qaida=Al-Qaeda=Al-Qaida=al Qaeda=Al Qaeda|National Rifle Association=NRA|
American Civil Liberties Union=ACLU|National Aeronautics and Space Administration=NASA=Nasa|
Centers for Disease Control and Prevention=CDC|Federal Reserve=Fed|Organization of the Petroleum Exporting Countries=OPEC=Opec`

// stopWords are English function words: capitalised, they never belong to
// a name ("The", "But", "COULD"). Unlike token.IsStop's list it keeps "us",
// "mr", "may", "will", "new", "said" out: they are names, titles or
// common in names ("US", "May", "New York").
const stopWords = `a about above after again against all also am an and any are aren't as at be because been
before being below between both but by can can't cannot could couldn't did didn't do does doesn't doing don't
down during each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here
here's hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's
me more most mustn't my myself no nor not of off on once only or other ought our ours ourselves out over own
same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs them
themselves then there there's these they they'd they'll they're they've this those through to too under until
up very was wasn't we we'd we'll we're we've were weren't what what's when when's where where's which while
who who's whom why why's with won't would wouldn't you you'd you'll you're you've your yours yourself
yourselves just get got might must shall`

// femaleNames are women's first names, to keep "Mr. Trump" from linking
// to Ivanka Trump. Other names in firstNames count as men's.
const femaleNames = `Mary|Patricia|Jennifer|Linda|Elizabeth|Barbara|Susan|Jessica|Sarah|Karen|Nancy|Lisa|Betty|Margaret|
Sandra|Ashley|Kimberly|Emily|Donna|Michelle|Dorothy|Carol|Amanda|Melissa|Deborah|Stephanie|Rebecca|Sharon|Laura|Cynthia|
Kathleen|Amy|Shirley|Angela|Helen|Anna|Brenda|Pamela|Nicole|Emma|Samantha|Katherine|Christine|Debra|Rachel|Catherine|
Carolyn|Janet|Ruth|Maria|Heather|Diane|Virginia|Julie|Joyce|Victoria|Olivia|Kelly|Christina|Lauren|Joan|Evelyn|Judith|
Megan|Cheryl|Andrea|Hannah|Martha|Jacqueline|Frances|Gloria|Ann|Anne|Teresa|Kathryn|Sara|Janice|Jean|Alice|Madison|Doris|
Abigail|Julia|Judy|Grace|Denise|Amber|Marilyn|Beverly|Danielle|Theresa|Sophia|Marie|Diana|Brittany|Natalie|Isabella|
Charlotte|Rose|Alexis|Kayla|Hillary|Condoleezza|Angela|Theresa|Dilma|Ursula|Kamala|Kirsten|Lindsey|Sarah|Kate|Liz|Meg|Sue|
Jill|Michele|Carly|Melania|Ivanka|Kellyanne|Hope|Huma|Debbie|Loretta|Janet|Sonia|Elena|Ellen|Nikki|Chelsea|Megyn|Madeleine|
Nancy|Elizabeth|Tulsi|Maxine|Dianne|Barbara|Susana|Sheila|Marsha|Tammy|Heidi|Claire|Patty|Jeanne|Maggie|Wendy|
Monica|Paula|Katie|Andrea|Oprah|Ruth|Golda|Benazir|Indira|Aung|Yulia|Marine|Segolene|Ségolène|Christine|Federica|Ilhan|
Alexandria|Rashida|Ayanna|Stacey|Gretchen|Kristi|Liz|Lisa|Susan|Joni|Cindy|Laura`
