package quote

// Word tables, all lower case, merged into one read-only lexicon of flags
// so that a token is looked up once, when it is read.

// Word flags (tok.flags).
const (
	fCue uint32 = 1 << iota
	fAux
	fPronoun
	fTitle
	fDet
	fCut
	fLead
	fStopCap
	fFemale
	fMale
	fCueNoun
	fNaming
	fParticle
	fSubord
	fAccording // according (to)
	fCap       // starts with a capital letter (or al-Capital)
	fLower     // starts with an ASCII lower-case letter
)

// lexicon holds the flags of every listed word. Built once; never modified.
var lexicon = newLexTable(buildLexicon())

// lexTable is an open-addressing hash table from a lower-cased word to its
// flags, faster than a map for the short lookups done on every word read:
// a probe compares 32-bit hashes in a small array first and touches a key
// only when a hash matches.
type lexTable struct {
	hashes [lexSize]uint32 // 0: empty slot
	vals   [lexSize]uint32
	keys   [lexSize]string
	maxLen int
}

const lexSize = 2048 // a power of two, well above twice the word count

func newLexTable(m map[string]uint32) *lexTable {
	t := new(lexTable)
	if len(m)*2 > lexSize {
		panic("quote: lexicon table too small")
	}
	for w, f := range m {
		h := fnv(w) | 1 // never 0
		i := h & (lexSize - 1)
		for t.hashes[i] != 0 {
			i = (i + 1) & (lexSize - 1)
		}
		t.hashes[i], t.keys[i], t.vals[i] = h, w, f
		t.maxLen = max(t.maxLen, len(w))
	}
	return t
}

// get returns the flags of the lower-cased word w with hash h (fnv).
func (t *lexTable) get(w []byte, h uint32) uint32 {
	h |= 1
	for i := h & (lexSize - 1); ; i = (i + 1) & (lexSize - 1) {
		switch t.hashes[i] {
		case 0:
			return 0
		case h:
			if t.keys[i] == string(w) {
				return t.vals[i]
			}
		}
	}
}

// fnv is the 32-bit FNV-1a hash.
func fnv(w string) uint32 {
	h := uint32(2166136261)
	for k := 0; k < len(w); k++ {
		h ^= uint32(w[k])
		h *= 16777619
	}
	return h
}

func buildLexicon() map[string]uint32 {
	m := make(map[string]uint32, 1024)
	for _, l := range []struct {
		words string
		flag  uint32
	}{
		{cueWordsList, fCue},
		{auxWordsList, fAux},
		{pronounsList, fPronoun},
		{titleWordsList, fTitle},
		{determinersList, fDet},
		{cutWordsList, fCut},
		{leadWordsList, fLead},
		{stopCapsList, fStopCap},
		{femaleTitlesList, fFemale},
		{maleTitlesList, fMale},
		{cueNounsList, fCueNoun},
		{namingWordsList, fNaming},
		{particlesList, fParticle},
		{subordinatorsList, fSubord},
		{"according", fAccording},
	} {
		set(m, l.words, l.flag)
	}
	return m
}

// set adds flag to every space-separated word of words in m.
func set(m map[string]uint32, words string, flag uint32) {
	for _, ws := range []string{words} {
		start := -1
		for i := 0; i <= len(ws); i++ {
			if i == len(ws) || ws[i] == ' ' || ws[i] == '\n' || ws[i] == '\t' {
				if start >= 0 {
					m[ws[start:i]] |= flag
					start = -1
				}
				continue
			}
			if start < 0 {
				start = i
			}
		}
	}
}

// cueWords are reporting verbs: a speaker stands next to one of them.
const cueWordsList = (`
say says said saying tell tells told telling add adds added adding
write writes wrote writing   tweeted tweeting   posted posting
ask asks asked asking  replies replied replying respond responds responded responding
  answered answering declare declares declared declaring state states stated stating
explain explains explained explaining  notes noted noting continue continues continued continuing
conclude concludes concluded concluding recall recalls recalled recalling admit admits admitted admitting
argue argues argued arguing insist insists insisted insisting   claimed claiming
warn warns warned  announce announces announced announcing acknowledge acknowledges acknowledged acknowledging
shout shouts shouted shouting yell yells yelled yelling chant chants chanted chanting scream screamed screaming
  remarked remarking joke jokes joked joking quip quips quipped quipping
reads read   reported reporting pledge pledges pledged pledging   promised promising
vow vows vowed vowing predict predicts predicted predicting suggest suggests suggested suggesting
observe observes observed observing   countered countering concede concedes conceded conceding
complain complains complained complaining boast boasts boasted boasting brag brags bragged bragging
emphasize emphasizes emphasized emphasizing emphasise emphasised   stressed stressing
caution cautions cautioned cautioning maintain maintains maintained maintaining muse muses mused musing
opine opines opined scoff scoffs scoffed snap snaps snapped fume fumes fumed lament laments lamented
urge urges urged urging   demanded demanding proclaim proclaims proclaimed
confirm confirms confirmed confirming deny denies denied denying allege alleges alleged alleging
  charged contend contends contended retort retorts retorted agree agrees agreed
recount recounts recounted   texted   emailed wonder wonders wondered
speculate speculates speculated   cracked exclaim exclaims exclaimed whisper whispered
thunder thundered testify testifies testified assert asserts asserted asserting
interject interjected interjecting begin began chime chimed  quoted quoting
describe describes described describing sum summed wrote recalled tout touts touted
react reacted reacting beam beamed bark barked press pressed remember remembered plead pleaded pleading
sigh sighed laugh laughed smile smiled cry cried gush gushed rage raged rail railed railing blast blasted blasting
slam slammed slamming mock mocked mocking tease teased needle needled offer offered rejoin rejoined
clarify clarified elaborate elaborated reiterate reiterated reiterating reason reasoned surmise surmised
theorize theorized gripe griped grumble grumbled grouse groused marvel marveled marvelled enthuse enthused
intone intoned chuckle chuckled shrug shrugged plead pleaded implore implored inform informed
assure assured assures reassure reassured caution cautioned pointed protest protested protesting
call calls called calling dub dubs dubbed label labels labeled labelled brand branded term termed
put puts shot fired went pushed lashed hit
object objected interrupt interrupted interrupting counsel counseled advise advised advised
`)

// cueNouns are reporting verbs that are also nouns (claims, reports): cues
// only right before a quote or a colon ("The ad claims: …").
const cueNounsList = (`claims reports notes tweets posts writes quotes states answers replies counters warns`)

// namingWords name or label something: the quoted words after them are a
// partial quote, with the verb's subject as speaker.
const namingWordsList = (`call calls called calling dub dubs dubbed label labels labeled labelled brand branded term termed`)

// adverbs and auxiliaries that stand between a speaker and the cue
// ("Trump also said", "she has said").
const auxWordsList = (`
also later then has had have was is would will could may might once previously recently simply
flatly quickly repeatedly again often reportedly publicly privately angrily just already first
further finally bluntly frequently famously memorably earlier still even only never always
has long herself himself themselves itself sarcastically not did does do
`)

// pronouns that can be a speaker.
const pronounsList = (`he she they we i it you`)

// titleWords are titles and roles in front of a name ("Senate Majority Leader
// Mitch McConnell"), honorifics included; trailing periods are dropped
// before lookup.
const titleWordsList = (`
mr mrs ms miss mx dr sen senator sens rep reps representative gov governor president vice secretary
minister prime mayor chairman chairwoman chair spokesman spokeswoman spokesperson gen general
col lt sgt capt adm cmdr maj judge justice former sir dame lord lady prof professor rev reverend
speaker leader majority minority attorney state house senate press chief director commissioner
ambassador candidate nominee congressman congresswoman councilman councilwoman sheriff officer
adviser advisor strategist manager deputy assistant executive pastor pope king queen prince
democratic republican gop chancellor premier president-elect ceo cfo coo founder anchor host
correspondent reporter columnist editor commentator pollster analyst economist lawyer
councillor councilor alderman assemblyman assemblywoman mp mep lawmaker commander colonel captain
lieutenant sergeant inspector detective bishop cardinal rabbi imam archbishop
`)

// determiners and possessives in front of a nominal speaker ("the senator",
// "a spokesman", "his lawyer").
const determinersList = (`the a an his her their its our my your one another some each every`)

// cutWords end the core of a speaker phrase ("Charles Rangel of New York",
// "Trump in a statement", "Haines who").
const cutWordsList = (`
of from in at on with for during after before who whom whose which when while where to about as
via by through since until according than upon
`)

// leadWords open a fronted adverbial, not a subject ("In Iowa, Trump said").
const leadWordsList = (`
in on at after before during while when since as speaking asked earlier later meanwhile however
but and yet so then also still now today yesterday last this for with without despite according
hours minutes days weeks months years moments decades
`)

// stopCaps are capitalised function words at the start of a sentence, never
// names.
const stopCapsList = (`
the a an and but or if in on at for to of as so yet this that these those it its he she they we i you
his her their our my your there here when while after before during since then now however meanwhile
although though because what who whom whose which why how where also still even just more most some
many much all both each every no not one another other such than with without from by into about
over under again later earlier today yesterday tomorrow monday tuesday wednesday thursday friday
saturday sunday january february march april may june july august september october november december
mr mrs ms dr sen rep gov president
wait look remember consider indeed yes well plus first second third finally instead
`)

// femaleTitles and maleTitles give a name's gender for pronoun agreement.
const (
	femaleTitlesList = (`mrs ms miss madam dame lady queen congresswoman chairwoman spokeswoman councilwoman`)
	maleTitlesList   = (`mr sir lord king congressman chairman spokesman councilman`)
)

// particles are lower-case parts of names between capitalised ones
// (Charles de Gaulle, Ludwig van Beethoven, Osama bin Laden).
const particlesList = (`de da del della di van von der den bin ibn al el la le du dos das ter ten`)

// subordinators open a subordinate clause, not the main one.
const subordinatorsList = (`when while after before as if because although though since until unless once where whereas`)
