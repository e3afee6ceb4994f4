package claims

import "testing"

// Spellings of one unresolved town must fold to one key, and different
// towns must not (invented and real names written for this test).
func TestFoldName(t *testing.T) {
	same := [][]string{
		{"Курахово", "Курахового", "Курахова", "Kurakhovo", "Kurakhove", "Курахове"},
		{"Купянск", "Куп'янськ", "Kupyansk", "Kupiansk"},
		{"Угледар", "Угледаре", "Ugledar"},
		{"Новоселівка", "Novoselivka", "Новоселівки"},
	}
	for _, g := range same {
		k := FoldName(g[0])
		for _, s := range g[1:] {
			if FoldName(s) != k {
				t.Errorf("FoldName(%q) = %q, FoldName(%q) = %q; want equal", g[0], k, s, FoldName(s))
			}
		}
	}
	differ := [][2]string{{"Kurakhove", "Kramatorsk"}, {"Покровск", "Покровское"}, {"Siversk", "Sievierodonetsk"}}
	for _, p := range differ {
		if FoldName(p[0]) == FoldName(p[1]) {
			t.Errorf("FoldName(%q) == FoldName(%q) = %q; want different", p[0], p[1], FoldName(p[0]))
		}
	}
	if FoldName("") != "" || FoldName("123 !") != "" {
		t.Error("no letters, no key")
	}
}
