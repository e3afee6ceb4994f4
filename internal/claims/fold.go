package claims

import (
	"strings"
	"sync"
	"unicode"
)

// fold is the name-folding table of data/fold.yaml.
type foldTable struct {
	letters map[rune]string
	latin   [][2]string
	endings []string
}

var (
	foldOnce sync.Once
	folds    foldTable
	foldErr  error
)

func loadFold() {
	var f struct {
		Letters map[string]string `yaml:"letters"`
		Latin   [][2]string       `yaml:"latin"`
		Endings []string          `yaml:"endings"`
	}
	if foldErr = loadYAML("fold.yaml", &f); foldErr != nil {
		return
	}
	folds.letters = map[rune]string{}
	for k, v := range f.Letters {
		for _, r := range k {
			folds.letters[r] = v
		}
	}
	folds.latin, folds.endings = f.Latin, f.Endings
}

// FoldName folds a place name no gazetteer resolved into a key that its
// Russian, Ukrainian and English spellings and case forms share:
// FoldName("Курахового") == FoldName("Kurakhovo") == FoldName("Kurakhove").
// It is lossy by design (a key, not a name to show); words are folded one
// by one and joined by a space.
func FoldName(s string) string {
	foldOnce.Do(loadFold)
	var words []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '\'' && r != '’' && r != 'ʼ'
	}) {
		var b strings.Builder
		for _, r := range w {
			if v, ok := folds.letters[r]; ok {
				b.WriteString(v)
			} else if r < 0x80 {
				b.WriteRune(r)
			}
		}
		f := b.String()
		for _, p := range folds.latin {
			f = strings.ReplaceAll(f, p[0], p[1])
		}
		for _, e := range folds.endings {
			if strings.HasSuffix(f, e) && len(f)-len(e) >= 4 {
				f = f[:len(f)-len(e)]
				break
			}
		}
		if f != "" {
			words = append(words, f)
		}
	}
	return strings.Join(words, " ")
}
