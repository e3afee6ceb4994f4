package claims

import (
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax/internal/domain"
)

// Quantity units and qualifiers.
const (
	unitFraction = "fraction"
	unitCount    = "count"
	unitPeople   = "people"
	qualExact    = "exact"
)

// quantities reads the numbers in toks[i:j] with their qualifier and what
// they count: "over 4/5 of the territory" is more_than 0.8 fraction of
// territory, "13 settlements" count 13 of settlements, "around 55,000
// people" about 55000 people. Years and the days of dates are left out.
func (lx *lexicon) quantities(text string, toks []token, i, j int) []domain.Quantity {
	var out []domain.Quantity
	for k := i; k < j; k++ {
		qual, qstart := qualExact, -1
		if p, ok := lx.qualifier.at(toks, k); ok && k+len(p.toks) < j {
			qual, qstart = lx.qualNames[p.val], k
			k += len(p.toks)
		}
		q, end, ok := lx.quantityAt(toks, k, j)
		if !ok {
			if qstart >= 0 {
				k = qstart // the qualifier word was not before a number
			}
			continue
		}
		q.Qualifier = qual
		from := k
		if qstart >= 0 {
			from = qstart
		}
		q.Surface = text[toks[from].start:toks[end-1].end]
		out = append(out, q)
		k = end - 1
	}
	return out
}

// quantityAt reads one number (digits, number word or fraction word) at k
// and what follows it; end is the token after the quantity.
func (lx *lexicon) quantityAt(toks []token, k, j int) (domain.Quantity, int, bool) {
	var q domain.Quantity
	t := toks[k]
	end := k + 1
	switch {
	case t.kind == tokNum:
		if isDateNumber(lx, toks, k, j) {
			return q, 0, false
		}
		v, frac, ok := parseNumber(t.s)
		if !ok {
			return q, 0, false
		}
		q.Value = v
		if frac {
			q.Unit = unitFraction
		}
		if end < j && (toks[end].s == "%" || toks[end].s == "percent" || toks[end].s == "процентов" || toks[end].s == "процента" || toks[end].s == "відсотків") {
			q.Value, q.Unit = v/100, unitFraction
			end++
		} else if end+1 < j && toks[end].s == "per" && toks[end+1].s == "cent" {
			q.Value, q.Unit = v/100, unitFraction
			end += 2
		} else if p, ok := lx.multiplier.at(toks, min(end, j-1)); ok && end < j {
			q.Value = v * lx.multVals[p.val]
			end += len(p.toks)
		}
	case t.kind == tokWord:
		if p, ok := lx.fractions.at(toks, k); ok {
			q.Value, q.Unit = lx.fracVals[p.val], unitFraction
			end = k + len(p.toks)
			break
		}
		v, ok := lx.numbers[t.s]
		if !ok {
			return q, 0, false
		}
		q.Value = v
		if p, ok := lx.multiplier.at(toks, min(end, j-1)); ok && end < j {
			q.Value *= lx.multVals[p.val]
			end += len(p.toks)
		}
		// number words count only before a counted noun ("one of them" is not a quantity)
		if of, _, ok := lx.countedAfter(toks, end, j); !ok || of == "territory" {
			return q, 0, false
		}
	default:
		return q, 0, false
	}
	if of, e, ok := lx.countedAfter(toks, end, j); ok {
		q.Of = of
		if q.Unit == "" {
			q.Unit = unitCount
			if of == unitPeople {
				q.Unit = unitPeople
			}
		}
		end = e
	}
	if q.Unit == "" {
		q.Unit = unitCount
	}
	return q, end, true
}

// countedAfter finds a counted noun at k, allowing "of the" and up to two
// modifiers before it ("13 settlements", "45 украинских беспилотников",
// "4/5 of the territory").
func (lx *lexicon) countedAfter(toks []token, k, j int) (string, int, bool) {
	for skip := 0; skip <= 3 && k+skip < j; skip++ {
		t := toks[k+skip]
		if t.kind != tokWord {
			return "", 0, false
		}
		if p, ok := lx.counted.at(toks, k+skip); ok {
			return lx.nounOf[p.val], k + skip + len(p.toks), true
		}
	}
	return "", 0, false
}

// isDateNumber: a year, or the day of "20 November" / "November 20".
func isDateNumber(lx *lexicon, toks []token, k, j int) bool {
	s := toks[k].s
	if len(s) == 4 && isDigits(s) && (s[0] == '1' || s[0] == '2') {
		return true
	}
	if k+1 < j {
		if _, ok := lx.months.at(toks, k+1); ok {
			return true
		}
	}
	if k > 0 {
		if _, ok := lx.months.at(toks, k-1); ok && len(s) <= 2 {
			return true
		}
		if k > 1 && toks[k-1].s == "." {
			if _, ok := lx.months.at(toks, k-2); ok && len(s) <= 2 {
				return true
			}
		}
	}
	return false
}

// parseNumber reads 55,000 / 1.2 / 1,5 / 4/5 / "150 230".
func parseNumber(s string) (float64, bool, bool) {
	if a, b, ok := strings.Cut(s, "/"); ok {
		x, err1 := strconv.ParseFloat(a, 64)
		y, err2 := strconv.ParseFloat(b, 64)
		if err1 != nil || err2 != nil || y == 0 {
			return 0, false, false
		}
		return x / y, true, true
	}
	s = strings.ReplaceAll(s, " ", "")
	// a comma followed by exactly three digits groups thousands; otherwise
	// it is a decimal comma (1,5 млн)
	parts := strings.Split(s, ",")
	if len(parts) > 1 {
		grouped := true
		for _, p := range parts[1:] {
			if len(p) != 3 || strings.Contains(p, ".") {
				grouped = false
			}
		}
		if grouped {
			s = strings.Join(parts, "")
		} else if len(parts) == 2 {
			s = parts[0] + "." + parts[1]
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return 0, false, false
	}
	return v, false, true
}
