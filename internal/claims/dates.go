package claims

import (
	"strconv"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"
)

// dateAt is one time expression found in a sentence.
type dateAt struct {
	t        domain.ClaimTime
	tok      int // first token
	isAnchor bool
}

// monthPreps may stand before a bare month name ("in September", "в сентябре").
var monthPreps = map[string]bool{"in": true, "since": true, "until": true, "by": true, "from": true, "early": true,
	"late": true, "mid": true, "last": true, "next": true, "this": true, "в": true, "с": true, "до": true, "к": true,
	"у": true, "з": true, "of": true, "during": true}

// dates finds the time expressions in toks[i:j], resolving relative ones
// against pub and bare months against a year named in the sentence
// (ctxYear, 0 if none) or else the last such month before pub.
func (lx *lexicon) dates(text string, toks []token, i, j int, pub *domain.Timestamp, ctxYear int) []dateAt {
	var out []dateAt
	surface := func(a, b int) string { return text[toks[a].start:toks[b-1].end] }
	for k := i; k < j; k++ {
		if p, ok := lx.anchors.at(toks, k); ok {
			e := k + len(p.toks)
			out = append(out, dateAt{t: domain.ClaimTime{Timestamp: domain.Timestamp{Time: lx.anchorD[p.val], Precision: domain.PrecisionDate}, Surface: surface(k, e)}, tok: k, isAnchor: true})
			k = e - 1
			continue
		}
		if p, ok := lx.months.at(toks, k); ok {
			m := time.Month(p.val)
			a, e := k, k+len(p.toks)
			if e < j && toks[e].s == "." {
				e++
			}
			day, year := 0, 0
			// 20 November / 20 ноября
			if k > i && toks[k-1].kind == tokNum && len(toks[k-1].s) <= 2 {
				day, _ = strconv.Atoi(toks[k-1].s)
				a = k - 1
			} else if e < j && toks[e].kind == tokNum && len(toks[e].s) <= 2 {
				day, _ = strconv.Atoi(toks[e].s) // November 20
				e++
			}
			if e < j && toks[e].s == "," && e+1 < j && isYear(toks[e+1].s) {
				year, _ = strconv.Atoi(toks[e+1].s)
				e += 2
			} else if e < j && isYear(toks[e].s) {
				year, _ = strconv.Atoi(toks[e].s)
				e++
			}
			if day == 0 && year == 0 && (k == i || !monthPreps[toks[k-1].s]) {
				continue // "may" the verb, "march" the noun
			}
			if day > 31 {
				day = 0
			}
			ct, ok := resolveDate(year, m, day, pub, ctxYear)
			if !ok {
				continue
			}
			ct.Surface = surface(a, e)
			if a > i && monthPreps[toks[a-1].s] {
				ct.Surface = surface(a-1, e)
			}
			out = append(out, dateAt{t: ct, tok: a})
			k = e - 1
			continue
		}
		if p, ok := lx.weekdays.at(toks, k); ok && pub != nil {
			want := time.Weekday(p.val)
			d := pub.Time.UTC().Truncate(24 * time.Hour)
			for d.Weekday() != want {
				d = d.AddDate(0, 0, -1)
			}
			a := k
			if k > i && (toks[k-1].s == "on" || toks[k-1].s == "в" || toks[k-1].s == "во" || toks[k-1].s == "у") {
				a = k - 1
			}
			out = append(out, dateAt{t: domain.ClaimTime{Timestamp: domain.Timestamp{Time: d, Precision: domain.PrecisionDate, Inferred: true}, Surface: surface(a, k+len(p.toks))}, tok: a})
			continue
		}
		if p, ok := lx.relative.at(toks, k); ok && pub != nil {
			d := pub.Time.UTC().Truncate(24*time.Hour).AddDate(0, 0, p.val-100)
			out = append(out, dateAt{t: domain.ClaimTime{Timestamp: domain.Timestamp{Time: d, Precision: domain.PrecisionDate, Inferred: true}, Surface: surface(k, k+len(p.toks))}, tok: k})
			k += len(p.toks) - 1
			continue
		}
		if isYear(toks[k].s) && k > i && (monthPreps[toks[k-1].s] || toks[k-1].s == "since") {
			y, _ := strconv.Atoi(toks[k].s)
			e := k + 1
			if e < j && (toks[e].s == "года" || toks[e].s == "году" || toks[e].s == "року" || toks[e].s == "рік" || toks[e].s == "г") {
				e++
			}
			out = append(out, dateAt{t: domain.ClaimTime{Timestamp: domain.Timestamp{Time: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), Precision: domain.PrecisionYear}, Surface: surface(k-1, e)}, tok: k - 1})
		}
	}
	return out
}

// contextYear is a year the sentence names outright or through an anchor.
func (lx *lexicon) contextYear(toks []token) int {
	for k := range toks {
		if p, ok := lx.anchors.at(toks, k); ok {
			return lx.anchorD[p.val].Year()
		}
	}
	for _, t := range toks {
		if isYear(t.s) {
			y, _ := strconv.Atoi(t.s)
			return y
		}
	}
	return 0
}

func isYear(s string) bool {
	if len(s) != 4 || !isDigits(s) {
		return false
	}
	y, _ := strconv.Atoi(s)
	return y >= 1900 && y <= 2100
}

// resolveDate fills a missing year from the sentence's context year or from
// the publication date (the last such date on or before it).
func resolveDate(year int, m time.Month, day int, pub *domain.Timestamp, ctxYear int) (domain.ClaimTime, bool) {
	var ct domain.ClaimTime
	inferred := false
	if year == 0 {
		switch {
		case ctxYear != 0:
			year = ctxYear
		case pub != nil:
			year = pub.Time.Year()
			d := day
			if d == 0 {
				d = 1
			}
			if time.Date(year, m, d, 0, 0, 0, 0, time.UTC).After(pub.Time.Add(36 * time.Hour)) {
				year--
			}
		default:
			return ct, false
		}
		inferred = true
	}
	prec := domain.PrecisionDate
	if day == 0 {
		day, prec = 1, domain.PrecisionMonth
	}
	tm := time.Date(year, m, day, 0, 0, 0, 0, time.UTC)
	if tm.Month() != m {
		return ct, false // 31 February
	}
	ct.Timestamp = domain.Timestamp{Time: tm, Precision: prec, Inferred: inferred}
	return ct, true
}
