package claims

import (
	"reflect"
	"testing"
)

func TestSplit(t *testing.T) {
	sp, err := NewSplitter()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"plain", "The army advanced. Officials said so.", []string{"The army advanced.", "Officials said so."}},
		{"abbreviation", "Gen. Ivanov spoke to Mr. Smith in the U.S. capital on Monday. He left.", []string{"Gen. Ivanov spoke to Mr. Smith in the U.S. capital on Monday.", "He left."}},
		{"initials", "В. В. Путин провел совещание. Оно длилось час.", []string{"В. В. Путин провел совещание.", "Оно длилось час."}},
		{"decimal", "Prices rose 2.5 percent. Markets fell.", []string{"Prices rose 2.5 percent.", "Markets fell."}},
		{"russian abbrev", "Население составляло 55 тыс. человек. Город расположен на реке.", []string{"Население составляло 55 тыс. человек.", "Город расположен на реке."}},
		{"quote spans sentences", `He said "many" want to. "However, most cannot. Meanwhile, nobody helps." That was all.`,
			[]string{`He said "many" want to.`, `"However, most cannot. Meanwhile, nobody helps."`, "That was all."}},
		{"quote then speaker", `“We will hold. We must,” the mayor said. Shelling went on.`, []string{`“We will hold. We must,” the mayor said.`, "Shelling went on."}},
		{"guillemets", "«Мы видим это. Мы готовы», — сказал он. Всё.", []string{"«Мы видим это. Мы готовы», — сказал он.", "Всё."}},
		{"lower case after dot", "The no. of troops is e.g. large. Yes.", []string{"The no. of troops is e.g. large.", "Yes."}},
		{"question and exclamation", "Is it over? No! It goes on.", []string{"Is it over?", "No!", "It goes on."}},
		{"empty", "   ", nil},
		{"no terminal", "Kupyansk Freed, Gerasimov Tells Putin", []string{"Kupyansk Freed, Gerasimov Tells Putin"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, s := range sp.Split(tc.in, nil) {
				got = append(got, tc.in[s[0]:s[1]])
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Split(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestFindQuotes(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string // contents, outer first
	}{
		{"curly", `He said “we won” today.`, []string{"we won"}},
		{"straight", `Forces "have completed the liberation," he said.`, []string{"have completed the liberation,"}},
		{"guillemets nested", `«Он сказал „нет“ и ушёл», — пишет ТАСС.`, []string{"Он сказал „нет“ и ушёл", "нет"}},
		{"straight nested", `"Подразделения группировки "Центр" освободили село", - говорится.`, []string{`Подразделения группировки "Центр" освободили село`, "Центр"}},
		{"single", `Zapad ('West') Battlegroup`, []string{"West"}},
		{"apostrophes are not quotes", `Russia's army and Ukraine’s forces don't stop.`, nil},
		{"german low-high", `Er sagte „wir bleiben“.`, []string{"wir bleiben"}},
		{"unbalanced short", `A stray " mark here.`, nil},
		{"continues to paragraph end", `“This quote goes on into the next paragraph without any closing mark at all`, []string{"This quote goes on into the next paragraph without any closing mark at all"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, q := range FindQuotes(tc.in) {
				got = append(got, q.Content(tc.in))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("FindQuotes(%q)\n got %q\nwant %q", tc.in, got, tc.want)
			}
		})
	}
}
