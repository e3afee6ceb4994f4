package claims_test

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/internal/claims"
	"github.com/parallaxnews/parallax/internal/domain"
	"github.com/parallaxnews/parallax/internal/sharedtest"
)

// polnearRel is one attribution relation of a PolNeAR .ann file, as byte
// offsets into the text file.
type polnearRel struct {
	cueStart   int
	source     string
	hasSource  bool
	sourceSpan [2]int
}

// TestPolNeARDev measures attribution on real US political news: the dev
// split of PolNeAR (Newell et al., LREC 2018; research use, never tuned
// on). For every annotated relation with a source, does the claim of the
// sentence holding its cue carry a voice other than the outlet (cue
// recall), and is that voice the annotated source (source recall)? It
// logs the figures and holds a floor below them.
func TestPolNeARDev(t *testing.T) {
	if testing.Short() {
		t.Skip("real corpus")
	}
	dir := sharedtest.Path(t, "data/attribution/polnear/data/dev")
	x, err := claims.New()
	if err != nil {
		t.Fatal(err)
	}
	anns, _ := filepath.Glob(filepath.Join(dir, "attributions", "*.ann"))
	sort.Strings(anns)
	seen := map[string]bool{}
	var rels, cueHits, srcHits, pronounRels, ourVoiced, ourVoicedHit int
	for _, ann := range anns {
		base := filepath.Base(ann)
		name := base[:strings.LastIndexByte(base, '_')] // one annotator per text
		if seen[name] {
			continue
		}
		seen[name] = true
		raw, err := os.ReadFile(filepath.Join(dir, "text", name+".txt"))
		if err != nil {
			continue
		}
		text := string(raw)
		rs := readPolNeAR(t, ann, text)
		a, toText := polnearArticle(text)
		an := &domain.Analysis{}
		x.Extract(a, an)
		cueSents := map[int]bool{}
		for _, r := range rs {
			pos, ok := toText(r.cueStart)
			if !ok || !r.hasSource {
				continue
			}
			rels++
			var cs []domain.Claim
			for _, c := range an.Claims {
				if c.Field == "body" && c.Start <= pos && pos < c.End {
					cs = append(cs, c)
					cueSents[c.Start] = true
				}
			}
			voiced, matched := false, false
			for _, c := range cs {
				if c.Voice.Kind == domain.VoiceOutlet {
					continue
				}
				voiced = true
				if sourceMatches(r.source, c.Voice) {
					matched = true
				}
			}
			if isPronoun(r.source) {
				pronounRels++
				matched = voiced && matched || voiced // a pronoun source counts when a speaker was found
			}
			if voiced {
				cueHits++
			}
			if matched {
				srcHits++
			}
		}
		for _, c := range an.Claims {
			if c.Field == "body" && c.Voice.Kind != domain.VoiceOutlet && c.Voice.Kind != "" {
				ourVoiced++
				if cueSents[c.Start] {
					ourVoicedHit++
				}
			}
		}
	}
	if rels == 0 {
		t.Skip("no PolNeAR relations read")
	}
	cueR, srcR, voicedP := ratio(cueHits, rels), ratio(srcHits, rels), ratio(ourVoicedHit, ourVoiced)
	t.Logf("PolNeAR dev: %d texts, %d relations with a source (%d pronoun sources); attributed-sentence recall %.2f, source recall %.2f; our attributed claims in annotated sentences %.2f (%d/%d)",
		len(seen), rels, pronounRels, cueR, srcR, voicedP, ourVoicedHit, ourVoiced)
	// floors a little below the first measurement (see the report in the commit)
	if cueR < polnearFloorCue || srcR < polnearFloorSource {
		t.Errorf("PolNeAR dev recall fell below its floors (%.2f/%.2f)", polnearFloorCue, polnearFloorSource)
	}
}

const (
	// measured: 0.54 and 0.42 on first run; 0.58 and 0.46 after adding cue verbs
	// seen in the PolNeAR *train* split (dev was never looked into)
	polnearFloorCue    = 0.48
	polnearFloorSource = 0.36
)

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "i": true, "we": true, "you": true, "his": true, "her": true}

func isPronoun(s string) bool { return pronouns[strings.ToLower(strings.TrimSpace(s))] }

// sourceMatches: the annotated source and our voice share a capitalised
// word, or one holds the other.
func sourceMatches(src string, v domain.Voice) bool {
	have := strings.ToLower(v.Name + " " + v.Description)
	s := strings.ToLower(strings.TrimSpace(src))
	if s == "" || strings.TrimSpace(have) == "" {
		return false
	}
	if strings.Contains(have, s) || strings.Contains(s, strings.TrimSpace(strings.ToLower(v.Name))) && v.Name != "" {
		return true
	}
	for _, w := range strings.Fields(src) {
		w = strings.Trim(w, ".,'’\"“”")
		if len(w) > 2 && w[0] >= 'A' && w[0] <= 'Z' && strings.Contains(have, strings.ToLower(w)) {
			return true
		}
	}
	return false
}

// readPolNeAR reads the relations of one .ann file; its offsets count
// characters, turned here into byte offsets of text.
func readPolNeAR(t *testing.T, path, text string) []polnearRel {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	charToByte := make([]int, 0, len(text)+1)
	for i := range text {
		charToByte = append(charToByte, i)
	}
	charToByte = append(charToByte, len(text))
	byteAt := func(c int) (int, bool) {
		if c < 0 || c >= len(charToByte) {
			return 0, false
		}
		return charToByte[c], true
	}
	spans := map[string][2]int{}
	kinds := map[string]string{}
	var rels []polnearRel
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var events []string
	for sc.Scan() {
		line := sc.Text()
		parts := strings.Split(line, "\t")
		if len(parts) < 2 {
			continue
		}
		switch {
		case strings.HasPrefix(parts[0], "T"):
			f := strings.Fields(strings.ReplaceAll(parts[1], ";", " "))
			if len(f) < 3 {
				continue
			}
			a, err1 := strconv.Atoi(f[1])
			b, err2 := strconv.Atoi(f[len(f)-1])
			ba, ok1 := byteAt(a)
			bb, ok2 := byteAt(b)
			if err1 != nil || err2 != nil || !ok1 || !ok2 {
				continue
			}
			spans[parts[0]] = [2]int{ba, bb}
			kinds[parts[0]] = f[0]
		case strings.HasPrefix(parts[0], "E"):
			events = append(events, parts[1])
		}
	}
	for _, e := range events {
		var r polnearRel
		cue := false
		for _, arg := range strings.Fields(e) {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			sp, ok := spans[id]
			if !ok {
				continue
			}
			switch role {
			case "Cue":
				r.cueStart, cue = sp[0], true
			case "Source":
				r.source, r.hasSource, r.sourceSpan = text[sp[0]:sp[1]], true, sp
			}
		}
		if cue && utf8.ValidString(r.source) {
			rels = append(rels, r)
		}
	}
	return rels
}

// polnearArticle makes an article of a PolNeAR text (title line, blank
// line, paragraphs) and a map from file byte offsets to Text() offsets.
func polnearArticle(text string) (*domain.Article, func(int) (int, bool)) {
	a := &domain.Article{ID: "polnear", Language: "en"}
	type seg struct{ file, n int }
	var segs []seg
	var paras []domain.Paragraph
	off := 0
	for i, block := range strings.Split(text, "\n\n") {
		start := off
		off += len(block) + 2
		trimmed := strings.TrimSpace(block)
		if trimmed == "" {
			continue
		}
		lead := strings.Index(block, trimmed)
		if i == 0 && a.Title == "" {
			a.Title = trimmed
			continue
		}
		paras = append(paras, domain.Paragraph{Text: trimmed, SourceOffset: start + lead})
		segs = append(segs, seg{start + lead, len(trimmed)})
	}
	a.SetBody(paras)
	return a, func(fileOff int) (int, bool) {
		for i, s := range segs {
			if fileOff >= s.file && fileOff < s.file+s.n {
				return a.Body[i].Offset + fileOff - s.file, true
			}
		}
		return 0, false
	}
}
