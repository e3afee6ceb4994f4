package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/internal/domain"
)

// finish fills what every reader leaves to the end: the stable ID, the
// outlet, the wire agencies and the language, with the embedded registry.
func finish(a *domain.Article) { finishWith(a, nil) }

// finishWith is finish with a registry of outlets (nil: DefaultOutlets),
// for callers that merged a user file over the default one.
func finishWith(a *domain.Article, reg *Outlets) {
	if reg == nil {
		reg = DefaultOutlets()
	}
	if a.ID == "" {
		// Readers that know a stable identity (a Telegram channel's
		// message number) set the ID themselves.
		a.ID = articleID(a.Text())
	}
	setWires(a, reg)
	setOutlet(a, reg)
	setLanguage(a)
}

// articleID hashes the body after folding case and white space, so the same
// story re-scraped with other line breaks keeps its ID.
func articleID(body string) string {
	// Streams what strings.Join(strings.Fields(strings.ToLower(body)), " ")
	// would build (same hash) without the three copies of the body.
	h := sha256.New()
	buf := make([]byte, 0, 4096)
	pendingSpace, started := false, false
	for i := 0; i < len(body); {
		if c := body[i]; c < utf8.RuneSelf {
			// ASCII fast path.
			i++
			if c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f' {
				pendingSpace = started
				continue
			}
			if pendingSpace {
				buf = append(buf, ' ')
				pendingSpace = false
			}
			started = true
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf = append(buf, c)
			if len(buf) > 4000 {
				h.Write(buf)
				buf = buf[:0]
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(body[i:])
		i += size
		if unicode.IsSpace(r) {
			pendingSpace = started
			continue
		}
		if pendingSpace {
			buf = append(buf, ' ')
			pendingSpace = false
		}
		started = true
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
		if len(buf) > 4000 {
			h.Write(buf)
			buf = buf[:0]
		}
	}
	h.Write(buf)
	return hex.EncodeToString(h.Sum(nil)[:8])
}

// setWires moves wire agencies that readers found as authors into Wires and
// gives every wire its canonical name.
func setWires(a *domain.Article, reg *Outlets) {
	var wires []string
	seen := map[string]bool{}
	add := func(w string) {
		if !seen[w] {
			seen[w] = true
			wires = append(wires, w)
		}
	}
	for _, w := range a.Wires {
		if c, ok := reg.Wire(w); ok {
			add(c)
		} else {
			add(strings.TrimSpace(w))
		}
	}
	var people []string
	for _, p := range a.Authors {
		if c, ok := reg.Wire(p); ok {
			add(c)
			continue
		}
		people = append(people, p)
	}
	a.Wires, a.Authors = wires, people
}

var (
	reHandleSig = regexp.MustCompile(`\(@(\w{1,30})\)`)
)

// setOutlet recognises the outlet: from the URL's domain first; else from
// the handle of an embedded social post, or from a wire byline — both
// guesses, said so in a warning.
func setOutlet(a *domain.Article, reg *Outlets) {
	if a.Outlet != nil && a.Outlet.ID != "" {
		return
	}
	if a.Outlet != nil {
		// A reader found a name or domain (site_name, a feed title): fill
		// in the registry's labels where it knows the outlet.
		if o, ok := reg.ByDomain(a.Outlet.Domain); ok && a.Outlet.Domain != "" {
			a.Outlet = o
		} else if o, ok := reg.ByName(a.Outlet.Name); ok {
			a.Outlet = o
		}
		return
	}
	for _, u := range []string{a.URL, a.Source} {
		if isURL(u) {
			if o, ok := reg.ByDomain(u); ok {
				o.Matched = "URL " + o.Matched
				a.Outlet = o
				return
			}
		}
	}
	for _, b := range a.Blocks {
		if b.Kind != domain.BlockSocial {
			continue
		}
		var handles []string
		for _, m := range reHandleSig.FindAllStringSubmatch(b.Text, -1) {
			handles = append(handles, m[1])
		}
		for _, m := range reTelegram.FindAllStringSubmatch(b.Text, -1) {
			handles = append(handles, m[1])
		}
		for _, m := range reTwitter.FindAllStringSubmatch(b.Text, -1) {
			if m[1] != "" {
				handles = append(handles, m[1])
			}
		}
		for _, h := range handles {
			if o, ok := reg.ByHandle(h); ok {
				o.Matched = "embedded post by @" + h + " (guess)"
				a.Outlet = o
				a.Warn("outlet_guess", "no URL; outlet guessed as %s from an embedded post by @%s", o.Name, h)
				return
			}
		}
	}
	if len(a.Wires) == 1 && len(a.Authors) == 0 {
		if o, ok := reg.WireOutlet(a.Wires[0]); ok {
			o.Matched = "byline " + a.Wires[0] + " (guess)"
			a.Outlet = o
			a.Warn("outlet_guess", "no URL; outlet guessed as %s from the wire byline (another outlet may carry its copy)", o.Name)
		}
	}
}
