package resolve

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	r := newTestResolverNoGaz(t)
	tests := []struct {
		in    string
		words string // words joined by |
		sents string // sentence index of each word
	}{
		{"Russia's army", "Russia|army", "00"},
		{"Куп'янськ і Куп’янськ", "Куп'янськ|і|Куп’янськ", "000"},
		{"the U.S. proposal", "the|U.S.|proposal", "000"},
		{"Ivano-Frankivsk region", "Ivano-Frankivsk|region", "00"},
		{"He left. She stayed", "He|left|She|stayed", "0011"},
		{"Gen. Petrov said", "Gen|Petrov|said", "000"},
		{"line one\nLine two", "line|one|Line|two", "0011"},
		{"Zapad ('West') Battlegroup", "Zapad|West|Battlegroup", "000"},
	}
	for _, tt := range tests {
		toks := r.tokenize(tt.in)
		var ws []string
		var ss strings.Builder
		for _, tk := range toks {
			ws = append(ws, tk.text)
			ss.WriteByte(byte('0' + tk.sent))
			if tt.in[tk.start:tk.end] != tk.text {
				t.Errorf("%q: offsets %d..%d do not give %q", tt.in, tk.start, tk.end, tk.text)
			}
		}
		if got := strings.Join(ws, "|"); got != tt.words {
			t.Errorf("tokenize(%q) = %s, want %s", tt.in, got, tt.words)
		}
		if ss.String() != tt.sents {
			t.Errorf("tokenize(%q) sentences = %s, want %s", tt.in, ss.String(), tt.sents)
		}
	}
}

func TestStemMeetsNominative(t *testing.T) {
	r := newTestResolverNoGaz(t)
	// Inflected forms and their nominative must share a stem or a form.
	pairs := [][2]string{
		{"Путина", "Путин"}, {"Путиным", "Путин"}, {"Герасимова", "Герасимов"},
		{"Харьковской", "Харьковская"}, {"Харківської", "Харківська"},
		{"области", "область"}, {"областях", "область"}, {"Зеленського", "Зеленський"},
		{"Кремле", "Кремль"}, {"Харківщині", "Харківщина"},
	}
	for _, p := range pairs {
		a := r.makeToken(p[1], "", 0, len(p[1]))
		tk := r.makeToken(p[0], "", 0, len(p[0]))
		al := aliasTok{norm: a.norm, stem: a.stem, upper: a.upper}
		if !tokMatches(al, &tk) {
			t.Errorf("%s does not meet %s (stems %s / %s)", p[0], p[1], tk.stem, a.stem)
		}
	}
	// And different words must not.
	for _, p := range [][2]string{{"Путин", "Пушилин"}, {"Сумы", "Суд"}, {"ДНР", "ЛНР"}} {
		a := r.makeToken(p[1], "", 0, len(p[1]))
		tk := r.makeToken(p[0], "", 0, len(p[0]))
		if tokMatches(aliasTok{norm: a.norm, stem: a.stem, upper: a.upper, allCaps: a.allCaps}, &tk) {
			t.Errorf("%s wrongly meets %s", p[0], p[1])
		}
	}
}

func TestNormWord(t *testing.T) {
	for in, want := range map[string]string{
		"Erdoğan": "erdogan", "Zelenskyy": "zelenskyy", "Пєсков": "пєсков", "Ёлка": "елка", "Куп’янськ": "куп'янськ",
	} {
		if got := normWord(in); got != want {
			t.Errorf("normWord(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestTokenNormIsNormWord: the normal forms the tokenizer takes from its
// lowered copy of the field are those normWord gives word by word.
func TestTokenNormIsNormWord(t *testing.T) {
	r := newTestResolverNoGaz(t)
	for _, in := range []string{
		"Russia's army took KUPIANSK, said Gen. Petrov of the U.S.-backed forces.",
		"ЁЛКА в Купянске; Куп'янськ і Куп’янськ, Ґрунт, Їжак, Єнакієве, ЉУБОВ Ѓ Ђ",
		"Erdoğan met Zelenskyy in İstanbul; Łódź, Ærø, Straße, ΑΘΗΝΑ",
		"`Backquoted` ‘words’ and Ivano‑Frankivsk (non-breaking hyphen)",
		"\xd0A broken \xd0\xd0 sequence \xff and Київ",
	} {
		for _, tk := range r.tokenize(in) {
			if want := normWord(tk.text); tk.norm != want {
				t.Errorf("%q: word %q has norm %q, normWord gives %q", in, tk.text, tk.norm, want)
			}
		}
	}
}
