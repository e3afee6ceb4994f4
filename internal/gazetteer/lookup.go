package gazetteer

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Scores of the ways a name can meet a place's name. They say how sure the
// spelling match is, not which place is meant (see Rank for that).
const (
	scoreExact     = 1.0
	scoreFolded    = 0.97
	scoreAlias     = 0.95
	scoreTranslit  = 0.92
	scoreFormer    = 0.98 // curated renamings (data/former_names.tsv): as good as the current name
	scoreStem      = 0.85
	scoreLatinOnly = 0.84 // a Cyrillic name meeting only a romanised alternate (see how)
	scoreFuzzy1    = 0.78 // one edit
	scoreFuzzy2    = 0.66 // two edits
	scoreAdminGen  = 0.03
	// formerStemPenalty puts an inflected former name below an
	// inflected current one.
	formerStemPenalty = 0.02
	altPenalty        = 0.01 // the name met is an alternate, not the main one // taken off when "region" had to be read as an oblast name
)

// maxQuery bounds a looked-up name; longer strings are not place names.
const maxQuery = 200

// maxMatches bounds Lookup's answer (the ~25 Kostiantynivkas fit).
const maxMatches = 60

// Lookup returns the places a name can refer to, best name match first
// (ties: larger population first). It never returns nil for a known name
// and returns nil for names it cannot place.
func (g *Gazetteer) Lookup(name string) []Match {
	if g == nil {
		return nil
	}
	q := cleanQuery(name)
	if q == "" {
		return nil
	}
	folded := Fold(q)
	if _, generic := genericWords[folded]; generic {
		return nil // "region" alone names no place
	}
	if rest, level := splitGeneric(folded); level != "" && rest != "" {
		if ms := g.lookupDivision(rest, level); len(ms) > 0 {
			return ms
		}
	}
	sk := Skeleton(folded)
	common := !strings.ContainsAny(folded, " -") && IsCommonWord(folded)
	ms := g.lookupSkeleton(q, folded, sk, "")
	if isCyrillic(folded) {
		// A Cyrillic word meeting a country only through its Latin
		// names (Георгия and Georgia, УК and UK) is not its name: the
		// Russian and Ukrainian names are all listed, and the stems
		// below find their case forms (Украине).
		ms = slices.DeleteFunc(ms, func(m Match) bool {
			return m.Place.FeatureCode == "PCLI" && m.How == "translit" && latinOnly(m.Place, sk)
		})
	}
	if isCyrillic(folded) && !namesPlace(ms) {
		// Inflected forms can spell another place's name exactly
		// (Покровська is a Russian village too): add the stems' places.
		// A stem meeting a place's Cyrillic name is better evidence than
		// the word's romanisation meeting one of its Latin alternates
		// (Париже: Париж, not "Parize"): it replaces that reading.
		ms = mergeBetter(ms, g.lookupStem(folded))
	}
	if isCyrillic(folded) && strings.ContainsAny(folded, " -") {
		// Snowball stems the words of "Южная Корея" and "Южной Корее"
		// differently; the case table knows both.
		ms = mergeMatches(ms, g.lookupCountryCases(folded))
	}
	var given []string
	if isCyrillic(folded) && !strings.ContainsAny(folded, " -") {
		given = givenNameForms(folded)
	}
	// Typos only of longer names that are no ordinary word ("Jahren" is
	// German for years, not a typo of Ya-hsien) nor a first name.
	if !common && len(given) == 0 && letterCount(folded) >= minFuzzyLen && (len(ms) == 0 || typoLikely(ms, sk)) {
		fz := g.lookupFuzzy(sk, false)
		if isCyrillic(folded) {
			one := !strings.ContainsAny(folded, " -")
			fz = slices.DeleteFunc(fz, func(m Match) bool { return cyrillicNoTypo(m, folded, sk, one) })
		}
		ms = mergeMatches(ms, fz)
	}
	if len(given) > 0 {
		ms = slices.DeleteFunc(ms, func(m Match) bool { return looseReading(m.How) && !bearsName(m.Place, given) })
	}
	weaken(ms, folded, sk, common)
	demoteNamesakeDivisions(ms)
	preferCountry(ms)
	return sortMatches(ms)
}

// cyrillicNoTypo says which typo readings of a Cyrillic word are none. A
// single word that differs from a name only in its last two letters is another
// case or a namesake's form (Слюсарь, Слюсарі; Запорожском,
// Zaporozhskoye), not a misspelling: the case tables, not edit distance,
// say which inflections are a place's, given a Cyrillic name of the place
// to read them against. Towns keep the reading: a form the tables miss
// (Минводы, listed as Минвод) is likelier a town's than a village's. And a foreign place with Cyrillic
// names of its own is not misspelt through its Latin ones (Ла-Манш is no
// typo of Le Mans, whose Russian name is Ле-Ман). Several words are
// tried in nominatives the tables may not fully give (Зелёний Гая for
// Зелёного Гая): their endings may still differ.
func cyrillicNoTypo(m Match, folded, sk string, oneWord bool) bool {
	if placeCaseForm(m.Place, folded) {
		return false // a case form after all (Анкары of Анкара, which the stems miss)
	}
	name := Skeleton(m.Name)
	if n := commonPrefix(sk, name); oneWord && n >= len(sk)-2 && n >= len(name)-2 && m.Place.Population < typoPopulation && cyrillicAlike(m.Place, sk) {
		return true
	}
	return !ruUkNames(m.Place) && !isCyrillic(m.Name) && hasCyrillic(m.Place)
}

// cyrillicAlike says whether p has a Cyrillic name that sk differs from
// only in its last two letters: one the case tables could have read the
// word as a form of (Слюсарі; not Минеральные Воды for Минводы).
func cyrillicAlike(p *Place, sk string) bool {
	for _, n := range p.Names {
		if isCyrillic(n) && commonPrefix(sk, Skeleton(n)) >= len(sk)-2 {
			return true
		}
	}
	return false
}

// commonPrefix is the length in bytes of the prefix a and b share.
func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	for i := range n {
		if a[i] != b[i] {
			return i
		}
	}
	return n
}

// countryMargin is how far below a country its namesakes are put.
const countryMargin = 0.05

// preferCountry: a name that is a country's name, or an inflected form of
// it, means the country. Towns that met the name as well — another
// spelling (Iraq and Arāk's "Irak", Ливане and Līvāni), an alternate
// (Mexico City's "Mexico") or a namesake (Lebanon, Indiana; Brazil,
// Indiana) — are put below it; context can still choose them in Rank. A
// large place whose own name the query is, met letter for letter while the
// country only by a stem, keeps its score.
func preferCountry(ms []Match) {
	best := -1.0
	var how string
	for _, m := range ms {
		if m.Place.FeatureCode == "PCLI" && m.Score > best && countryReading(m.How) {
			best, how = m.Score, m.How
		}
	}
	if best < 0 {
		return
	}
	for i := range ms {
		m := &ms[i]
		if m.Place.FeatureCode == "PCLI" || m.Score < best-countryMargin {
			continue
		}
		if how == "stem" && (m.How == "exact" || m.How == "folded") && m.Name == m.Place.Names[0] && m.Place.Population >= typoPopulation {
			continue
		}
		m.Score = max(0, best-countryMargin)
	}
}

// countryReading: the ways of meeting a country's name that make the
// query that name (not a typo, not a common word).
func countryReading(how string) bool {
	switch how {
	case "exact", "folded", "alias", "translit", "stem", "former-name":
		return true
	}
	return false
}

// demoteNamesakeDivisions: GeoNames lists "Odesa" among Odesa Oblast's
// names, but a bare "Odesa" means the city. A division that matched along
// with a populated place inside it loses to that place.
func demoteNamesakeDivisions(ms []Match) {
	for i := range ms {
		a := ms[i].Place
		if !strings.HasPrefix(a.FeatureCode, "ADM") {
			continue
		}
		for _, m := range ms {
			p := m.Place
			if strings.HasPrefix(p.FeatureCode, "PPL") && p.Country == a.Country && p.Admin1Code == a.Admin1Code {
				ms[i].Score = math.Max(0, m.Score-namesakePenalty)
				break
			}
		}
	}
}

// namesakePenalty puts a division below its namesake centre.
const namesakePenalty = 0.1

// namesPlace says whether the query is itself, letter for letter, the name
// of a place in a Russian- or Ukrainian-speaking country: then it is no
// inflected form (Покровськ is not Покровське's stem). Villages do not
// count: "Львове" is a village's name and Lviv's locative.
func namesPlace(ms []Match) bool {
	for _, m := range ms {
		if (m.How == "exact" || m.How == "folded") && ruUkNames(m.Place) && m.Place.Population >= typoPopulation {
			return true
		}
	}
	return false
}

// typoLikely says whether a long name that met only small places, and
// only among their alternate names, might
// rather be a typo of a large one ("Konstaninovka" is listed as a spelling
// of a Stavropol village, but newsrooms mean Kostiantynivka).
func typoLikely(ms []Match, sk string) bool {
	if maxEdits(len(sk)) < 2 {
		return false
	}
	for _, m := range ms {
		if m.Place.Population >= typoPopulation {
			return false
		}
		if m.Score == scoreExact || m.Score == scoreFolded {
			return false // the query is some place's own main name (Pokrovske)
		}
	}
	return true
}

// typoPopulation: places this large are named often enough in news that
// an exact match with one of them beats any typo reading.
const typoPopulation = 20000

// mergeMatches adds b's places not already in a.
func mergeMatches(a, b []Match) []Match {
	for _, m := range b {
		dup := false
		for _, x := range a {
			if x.Place == m.Place {
				dup = true
				break
			}
		}
		if !dup {
			a = append(a, m)
		}
	}
	return a
}

// mergeBetter is mergeMatches, but a place already in a keeps b's reading
// when that scores higher.
func mergeBetter(a, b []Match) []Match {
	for _, m := range b {
		dup := false
		for i := range a {
			if a[i].Place == m.Place {
				dup = true
				if m.Score > a[i].Score {
					a[i] = m
				}
				break
			}
		}
		if !dup {
			a = append(a, m)
		}
	}
	return a
}

// cleanQuery trims quotes, punctuation and an English possessive.
func cleanQuery(s string) string {
	if len(s) > maxQuery*4 || !utf8.ValidString(s) {
		return ""
	}
	s = strings.TrimFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '.' && r != '\'' && r != '’' || unicode.IsSymbol(r)
	})
	for _, suf := range []string{"'s", "’s", "s'", "s’"} {
		if t, ok := strings.CutSuffix(s, suf); ok && len(t) > 3 {
			if suf[0] == 's' {
				t += "s"
			}
			s = t
			break
		}
	}
	s = strings.Trim(s, "'’ .")
	if utf8.RuneCountInString(s) > maxQuery {
		return ""
	}
	return s
}

// lookupSkeleton returns the places with a name of skeleton sk, saying how
// the query met the name. A non-empty only keeps places of that feature
// class ("ADM1", "ADM2").
func (g *Gazetteer) lookupSkeleton(q, folded, sk, only string) []Match {
	if sk == "" {
		return nil
	}
	var ms []Match
	g.skel.get(sk, func(i int32) {
		p := g.places[i]
		if only != "" && p.FeatureCode != only {
			return
		}
		ms = append(ms, g.how(p, q, folded, sk))
	})
	return ms
}

// how grades the best way q meets one of p's names (all sharing skeleton sk).
func (g *Gazetteer) how(p *Place, q, folded, sk string) Match {
	m := Match{Place: p, Score: scoreTranslit, How: "translit"}
	for _, n := range p.Names {
		switch {
		case n == q:
			m = Match{Place: p, Score: scoreExact, How: "exact", Name: n}
		case m.How == "translit" && Fold(n) == folded:
			m = Match{Place: p, Score: scoreFolded, How: "folded", Name: n}
		case m.Name == "" && Skeleton(n) == sk:
			m.Name = n
		}
		if m.How == "exact" {
			break
		}
	}
	if m.How == "translit" && isCyrillic(folded) && latinOnly(p, sk) {
		// A Cyrillic name that meets only a romanised alternate of a
		// place whose own Cyrillic names say otherwise (Курахова and
		// Kurakhivka's "Kurakhova"): weaker than an inflected form of a
		// Cyrillic name.
		m.Score = scoreLatinOnly
	}
	if m.How != "translit" && m.Name != p.Names[0] && m.Name != p.Name {
		// A place's own main name beats the same string among another
		// place's alternates (Pokrovsk vs Engels, once Pokrovsk).
		m.Score -= altPenalty
	}
	year, former := p.former[sk]
	switch {
	case former:
		// Said even when the old name is written exactly: readers need
		// to know Krasnoarmeysk is today's Pokrovsk.
		m.Score, m.How = formerScore(year), "former-name"
	case p.alias[sk] && sk != Skeleton(p.Name):
		m.Score, m.How = scoreAlias, "alias"
	}
	return m
}

// latinOnly says whether p has Cyrillic names and none of them has
// skeleton sk.
func latinOnly(p *Place, sk string) bool {
	cyr := false
	for _, n := range p.Names {
		if isCyrillic(n) {
			if Skeleton(n) == sk {
				return false
			}
			cyr = true
		}
	}
	return cyr
}

// minForeignStem: a stem that meets a Latin name of a place outside the
// Russian- and Ukrainian-speaking countries must be this long
// (Вашингтоне → Washington, but not России → Ross).
const minForeignStem = 6

// minNotableStem: a big foreign city's own Cyrillic name met through a
// stem may be this short (Сеул, Париж); three letters meet too many
// (Хаму is Hama's, not Hamm's "Хам").
const minNotableStem = 4

// lookupStem tries the stems of an inflected Cyrillic name: Snowball
// Russian for both the name and the index, and the Ukrainian endings table.
func (g *Gazetteer) lookupStem(folded string) []Match {
	seen := map[*Place]bool{}
	var ms []Match
	add1 := func(p *Place, name string) {
		if !seen[p] {
			seen[p] = true
			ms = append(ms, Match{Place: p, Score: scoreStem, How: "stem", Name: name})
		}
	}
	add := func(i int32, name string) {
		p := g.places[i]
		if name == "" {
			add1(p, name)
			return
		}
		// The name met, or another of the place's names spelled alike,
		// in Cyrillic.
		sk := Skeleton(name)
		cyr := isCyrillic(name) || isCyrillic(g.cyrillicNameWithSkeleton(p, sk))
		if n := len(sk); !ruUkNames(p) && n < minForeignStem && !(cyr && n >= minNotableStem && notableForeign(p)) {
			// "росс" is no stem of Ross-on-Wye; but Париже is Paris's
			// Париж, a big city's own Cyrillic name.
			return
		}
		if !cyr && p.FeatureCode != "PCLI" && hasCyrillic(p) && !placeCaseForm(p, folded) {
			return // the nominative met a Latin name of a place whose Cyrillic names it is no form of (Балтии, Bălţi)
		}
		add1(p, name)
	}
	st := Skeleton(stemWord(folded))
	// The stemmer cuts any ending: a place with Cyrillic names is met
	// only when the word is a case form of one (Балтии is none of Балта).
	// Countries have their own test below.
	caseForm := func(i int32) bool {
		p := g.places[i]
		return p.FeatureCode == "PCLI" || !hasCyrillic(p) || placeCaseForm(p, folded)
	}
	g.skel.get(st, func(i int32) {
		if caseForm(i) {
			add(i, g.nameWithSkeleton(g.places[i], st))
		}
	})
	g.stem.get(st, func(i int32) {
		if caseForm(i) {
			add(i, "")
		}
	})
	for _, v := range ukVariants(folded) {
		sk := Skeleton(v)
		g.skel.get(sk, func(i int32) { add(i, g.nameWithSkeleton(g.places[i], sk)) })
	}
	for i := range ms {
		if ms[i].Place.FeatureCode == "PCLI" {
			ms[i].Name = countryCaseForm(ms[i].Place, folded)
		}
	}
	ms = slices.DeleteFunc(ms, func(m Match) bool { return m.Place.FeatureCode == "PCLI" && m.Name == "" })
	for i := range ms {
		if ms[i].Name == "" {
			ms[i].Name = g.nameWithStem(ms[i].Place, st)
		}
		if year, ok := ms[i].Place.former[Skeleton(ms[i].Name)]; ok {
			// An inflected former name never beats an inflected current
			// one (Покровска: Pokrovsk today, not Engels before 1931).
			ms[i].How = "former-name"
			ms[i].Score = math.Min(formerScore(year), scoreStem) - formerStemPenalty
		}
	}
	return ms
}

// lookupCountryCases returns the countries of which the folded
// multi-word name is a case form.
func (g *Gazetteer) lookupCountryCases(folded string) []Match {
	var ms []Match
	qw := strings.FieldsFunc(folded, isNameSep)
	if len(qw) == 0 {
		return nil
	}
	first, _ := utf8.DecodeRuneInString(qw[0])
	for _, c := range g.countryPhrases {
		// Cheap tests first: a case form has as many words, and its first
		// word begins with the name's first letter (sameButEnding).
		if len(c.words) != len(qw) {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(c.words[0]); r != first {
			continue
		}
		if caseFormOfWords(c.words, qw) {
			ms = mergeMatches(ms, []Match{{Place: c.p, Score: scoreStem, How: "stem", Name: c.name}})
		}
	}
	return ms
}

// notableForeign: a capital or a city of notablePlace people, whose short
// Cyrillic name (Рим, Сеул, Париж) is met through its case forms.
func notableForeign(p *Place) bool {
	return p.FeatureCode == "PPLC" || p.Population >= notablePlace
}

// hasCyrillic says whether any of p's names is written in Cyrillic.
func hasCyrillic(p *Place) bool {
	for _, n := range p.Names {
		if isCyrillic(n) {
			return true
		}
	}
	return false
}

// placeCaseForm says whether the folded word is a case form of one of p's
// Cyrillic names.
func placeCaseForm(p *Place, folded string) bool {
	for _, n := range p.Names {
		if !isCyrillic(n) {
			continue
		}
		f := Fold(n)
		if isPlaceCaseForm(f, folded) || isPlaceCaseForm(ukToRu.Replace(f), folded) {
			return true
		}
	}
	return false
}

// ukToRu respells a Ukrainian name the Russian way where the two differ
// only in letters (Покровськ, Покровск): Russian copy declines the
// Russian spelling of a place GeoNames lists only in Ukrainian.
var ukToRu = strings.NewReplacer("ськ", "ск", "цьк", "цк", "зьк", "зк", "і", "и", "ї", "и", "є", "е", "'", "", "’", "")

// countryCaseForm: a country's short stems meet many words (Дания and
// Данные share "дан"), so a stem reading of a country needs the word to be
// a case form of one of its Cyrillic names (data/country_cases.tsv). It
// returns that name, or "".
func countryCaseForm(p *Place, folded string) string {
	for _, n := range p.Names {
		if isCyrillic(n) && isCaseForm(Fold(n), folded) {
			return n
		}
	}
	return ""
}

func (g *Gazetteer) nameWithSkeleton(p *Place, sk string) string {
	for _, n := range p.Names {
		if Skeleton(n) == sk {
			return n
		}
	}
	return ""
}

// cyrillicNameWithSkeleton is nameWithSkeleton preferring a Cyrillic
// name: the stem of Париже meets Paris's own Russian name Париж, not only
// its Latin "Pariz".
func (g *Gazetteer) cyrillicNameWithSkeleton(p *Place, sk string) string {
	for _, n := range p.Names {
		if isCyrillic(n) && Skeleton(n) == sk {
			return n
		}
	}
	return g.nameWithSkeleton(p, sk)
}

func (g *Gazetteer) nameWithStem(p *Place, st string) string {
	for _, n := range p.Names {
		if isCyrillic(n) && Skeleton(cachedStem(n)) == st {
			return n
		}
	}
	return p.Name
}

// lookupDivision answers "Kharkov region", "Харьковской области",
// "Kupiansk district": the admin1 (or admin2) whose base name the rest
// meets. level is "admin1" or "admin2".
func (g *Gazetteer) lookupDivision(rest, level string) []Match {
	code := "ADM1"
	if level == "admin2" {
		code = "ADM2"
	}
	sk := Skeleton(rest)
	var ms []Match
	seen := map[*Place]bool{}
	add := func(i int32, score float64, how string) {
		p := g.places[i]
		if p.FeatureCode == code && !seen[p] {
			seen[p] = true
			name := g.nameWithSkeleton(p, sk)
			if name == "" {
				name = rest
			}
			ms = append(ms, Match{Place: p, Score: score, How: how, Name: name})
		}
	}
	if code == "ADM1" {
		g.admin.get(sk, func(i int32) { add(i, scoreFolded-scoreAdminGen, "folded") })
	}
	// Full names in the main index: "Kharkivs'ka Oblast'", raions of a country file.
	for _, m := range g.lookupSkeleton(rest, rest, sk, code) {
		add(m.Place.idx, m.Score-scoreAdminGen, m.How)
	}
	if len(ms) == 0 && !isCyrillic(rest) && code == "ADM1" {
		if st := adjStem(sk); st != "" {
			g.admin.get(st, func(i int32) { add(i, scoreStem, "stem") })
		}
	}
	if len(ms) == 0 && isCyrillic(rest) {
		st := Skeleton(stemWord(rest))
		if code == "ADM1" {
			g.admin.get(st, func(i int32) { add(i, scoreStem, "stem") })
		}
		for _, v := range ukVariants(rest) {
			if code == "ADM1" {
				g.admin.get(Skeleton(v), func(i int32) { add(i, scoreStem, "stem") })
			}
			g.skel.get(Skeleton(v), func(i int32) { add(i, scoreStem, "stem") })
		}
	}
	if len(ms) == 0 && code == "ADM2" {
		// The district named after its town: the town's name (or, for a
		// Cyrillic case form, its stems) followed by -skyi raion.
		stems := []string{sk}
		if isCyrillic(rest) {
			stems = append(stems, Skeleton(stemWord(rest)))
			for _, v := range ukVariants(rest) {
				stems = append(stems, Skeleton(v))
			}
		}
		for i, st := range stems {
			how, score := "translit", scoreTranslit
			if i > 0 {
				how, score = "stem", scoreStem
			}
			for _, a := range g.adm2 {
				if rem, ok := strings.CutPrefix(a.skel, st); ok && len(st) >= 3 && raionSuffix(rem) {
					add(a.idx, score, how)
				}
			}
		}
	}
	if len(ms) == 0 && code == "ADM1" {
		// A typo in the oblast's name: fuzzy on the base names.
		for _, m := range g.lookupFuzzy(sk, true) {
			if m.Place.FeatureCode == "ADM1" {
				add(m.Place.idx, m.Score, "fuzzy")
			}
		}
	}
	return sortMatches(ms)
}

// raionSuffix says whether what follows a town's skeleton in a district's
// skeleton is an adjectival ending and the word raion ("Kupianskyi Raion",
// "Куп'янський район" after "Kupiansk").
func raionSuffix(rem string) bool {
	rem = strings.TrimLeft(rem, "ski")
	return rem == "raion" || rem == "district" || rem == "okruh" || rem == "okrug"
}

// featureRank orders feature codes for ties: capitals and seats first.
func featureRank(code string) int {
	switch code {
	case "PCLI":
		return -1
	case "PPLC":
		return 0
	case "ADM1":
		return 1
	case "PPLA":
		return 2
	case "PPLA2":
		return 3
	case "PPLA3", "PPLA4", "ADM2":
		return 4
	case "PPL":
		return 5
	}
	return 6
}

func sortMatches(ms []Match) []Match {
	sort.SliceStable(ms, func(i, j int) bool {
		a, b := ms[i], ms[j]
		if a.Score != b.Score {
			return a.Score > b.Score
		}
		if a.Place.Population != b.Place.Population {
			return a.Place.Population > b.Place.Population
		}
		if fa, fb := featureRank(a.Place.FeatureCode), featureRank(b.Place.FeatureCode); fa != fb {
			return fa < fb
		}
		return a.Place.ID < b.Place.ID
	})
	if len(ms) > maxMatches {
		ms = ms[:maxMatches]
	}
	return ms
}

// SpellsMainName says whether name is a spelling of p's own name (its
// display, official or first-listed name) in any script or romanisation,
// Russian or Ukrainian form (Лысовка, Lysivka) — as opposed to another of
// the names GeoNames collects for it, such as a name it bore before
// (Lisovka, Ukrainsk's old name).
func SpellsMainName(p *Place, name string) bool {
	sk := Skeleton(name)
	if sk == "" {
		return false
	}
	for _, n := range []string{p.Name, p.Official, firstListed(p)} {
		if n == "" {
			continue
		}
		// Russian and Ukrainian forms differ in a letter per syllable
		// (Konstantinovka, Kostiantynivka: three edits in fourteen).
		nk := Skeleton(n)
		limit := max(2, utf8.RuneCountInString(nk)/4)
		if editDistance(sk, nk, limit) <= limit {
			return true
		}
	}
	return false
}

func firstListed(p *Place) string {
	if len(p.Names) > 0 {
		return p.Names[0]
	}
	return ""
}
