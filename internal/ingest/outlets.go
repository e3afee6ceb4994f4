package ingest

import (
	_ "embed"
	"fmt"
	"io"
	"net/url"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/parallaxnews/parallax/internal/domain"
)

//go:embed data/outlets.yaml
var outletsYAML []byte

//go:embed data/wires.yaml
var wiresYAML []byte

// outletEntry is one outlet as the data file spells it.
type outletEntry struct {
	ID      string         `yaml:"id"`
	Name    string         `yaml:"name"`
	Aliases []string       `yaml:"aliases"`
	Domains []string       `yaml:"domains"`
	Handles []string       `yaml:"handles"`
	Country string         `yaml:"country"`
	Owner   string         `yaml:"owner"`
	Labels  []domain.Label `yaml:"labels"`
}

// wireEntry is one wire agency as the data file spells it.
type wireEntry struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	Outlet  string   `yaml:"outlet"`
}

type registryFile struct {
	Outlets []outletEntry `yaml:"outlets"`
	Wires   []wireEntry   `yaml:"wires"`
}

// Outlets is a registry of news outlets and wire agencies, looked up by
// web domain, social handle or name. The zero value is empty; use
// DefaultOutlets for the embedded data, LoadOutlets for a user file, and
// Merge to combine them.
type Outlets struct {
	outlets  []outletEntry
	wires    []wireEntry
	byDomain map[string]int // host or host/path prefix → outlets index
	byHandle map[string]int // lowercase handle → outlets index
	byName   map[string]int // folded name or alias → outlets index
	wireName map[string]int // folded name or alias → wires index
}

var defaultOutlets = sync.OnceValue(func() *Outlets {
	o := &Outlets{}
	for _, src := range [][]byte{outletsYAML, wiresYAML} {
		add, err := parseRegistry(src)
		if err != nil {
			panic("ingest: embedded outlets data: " + err.Error()) // a build defect, caught by every test
		}
		o = o.Merge(add)
	}
	return o
})

// DefaultOutlets is the registry embedded from data/outlets.yaml and
// data/wires.yaml. It is shared: do not modify it; Merge returns a copy.
func DefaultOutlets() *Outlets { return defaultOutlets() }

// LoadOutlets reads a registry in the shape of data/outlets.yaml (an
// "outlets:" list, a "wires:" list, or both), to be merged over the
// default one with DefaultOutlets().Merge.
func LoadOutlets(r io.Reader) (*Outlets, error) {
	data, err := io.ReadAll(io.LimitReader(r, 8<<20))
	if err != nil {
		return nil, fmt.Errorf("reading outlets: %w", err)
	}
	return parseRegistry(data)
}

func parseRegistry(data []byte) (*Outlets, error) {
	var f registryFile
	if err := yaml.Unmarshal(data, &f); err != nil {
		return nil, fmt.Errorf("outlets file: %w", err)
	}
	for i, e := range f.Outlets {
		if e.ID == "" || e.Name == "" {
			return nil, fmt.Errorf("outlets file: outlet %d needs an id and a name", i+1)
		}
	}
	for i, w := range f.Wires {
		if w.Name == "" {
			return nil, fmt.Errorf("outlets file: wire %d needs a name", i+1)
		}
	}
	o := &Outlets{outlets: f.Outlets, wires: f.Wires}
	o.index()
	return o, nil
}

// Merge returns a new registry with other's entries added to o's; an
// outlet with the same id, or a wire with the same name, replaces o's.
func (o *Outlets) Merge(other *Outlets) *Outlets {
	n := &Outlets{}
	if o != nil {
		n.outlets = append(n.outlets, o.outlets...)
		n.wires = append(n.wires, o.wires...)
	}
	if other != nil {
		for _, e := range other.outlets {
			replaced := false
			for i := range n.outlets {
				if n.outlets[i].ID == e.ID {
					n.outlets[i], replaced = e, true
				}
			}
			if !replaced {
				n.outlets = append(n.outlets, e)
			}
		}
		for _, w := range other.wires {
			replaced := false
			for i := range n.wires {
				if strings.EqualFold(n.wires[i].Name, w.Name) {
					n.wires[i], replaced = w, true
				}
			}
			if !replaced {
				n.wires = append(n.wires, w)
			}
		}
	}
	n.index()
	return n
}

func (o *Outlets) index() {
	o.byDomain = map[string]int{}
	o.byHandle = map[string]int{}
	o.byName = map[string]int{}
	o.wireName = map[string]int{}
	for i, e := range o.outlets {
		for _, d := range e.Domains {
			o.byDomain[strings.TrimPrefix(strings.ToLower(d), "www.")] = i
		}
		for _, h := range e.Handles {
			o.byHandle[strings.ToLower(strings.TrimPrefix(h, "@"))] = i
		}
		for _, n := range append([]string{e.Name, e.ID}, e.Aliases...) {
			o.byName[foldName(n)] = i
		}
	}
	for i, w := range o.wires {
		for _, n := range append([]string{w.Name}, w.Aliases...) {
			o.wireName[foldName(n)] = i
		}
	}
}

// foldName lowercases and drops a leading "the" and punctuation at the
// edges, so "The Associated Press." finds "Associated Press".
func foldName(s string) string {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.Trim(s, " .,;:-–—()[]«»\"'")
	s = strings.TrimPrefix(s, "the ")
	return s
}

func (o *Outlets) outlet(i int, matched string) *domain.Outlet {
	e := o.outlets[i]
	out := &domain.Outlet{
		ID: e.ID, Name: e.Name, Country: e.Country, Owner: e.Owner,
		Labels:  append([]domain.Label(nil), e.Labels...),
		Handles: append([]string(nil), e.Handles...),
		Matched: matched,
	}
	if len(e.Domains) > 0 {
		out.Domain = e.Domains[0]
	}
	return out
}

// ByDomain finds the outlet of a URL or bare host name ("www.rt.com",
// "https://www.bbc.com/russian/articles/…"). Sub-domains match their parent
// (russian.rt.com → RT) and a host/path entry (bbc.com/russian) wins over
// its host.
func (o *Outlets) ByDomain(hostOrURL string) (*domain.Outlet, bool) {
	if o == nil {
		return nil, false
	}
	s := strings.TrimSpace(hostOrURL)
	host, path := s, ""
	if strings.Contains(s, "://") {
		u, err := url.Parse(s)
		if err != nil {
			return nil, false
		}
		host, path = u.Hostname(), u.Path
	} else if i := strings.IndexByte(s, '/'); i >= 0 {
		host, path = s[:i], s[i:]
	}
	host = strings.TrimPrefix(strings.ToLower(strings.TrimSuffix(host, ".")), "www.")
	if host == "" {
		return nil, false
	}
	first := ""
	if p := strings.Trim(path, "/"); p != "" {
		first, _, _ = strings.Cut(p, "/")
	}
	for h := host; h != ""; {
		if first != "" {
			if i, ok := o.byDomain[h+"/"+strings.ToLower(first)]; ok {
				return o.outlet(i, "domain "+h+"/"+first), true
			}
		}
		if i, ok := o.byDomain[h]; ok {
			return o.outlet(i, "domain "+h), true
		}
		_, rest, ok := strings.Cut(h, ".")
		if !ok || !strings.Contains(rest, ".") {
			break
		}
		h = rest
	}
	return nil, false
}

// ByHandle finds the outlet running a social account ("@SputnikInt",
// "t.me/rian_ru" both work).
func (o *Outlets) ByHandle(handle string) (*domain.Outlet, bool) {
	if o == nil {
		return nil, false
	}
	h := strings.TrimSpace(handle)
	if i := strings.LastIndexByte(h, '/'); i >= 0 {
		h = h[i+1:]
	}
	h = strings.ToLower(strings.TrimPrefix(h, "@"))
	if i, ok := o.byHandle[h]; ok {
		return o.outlet(i, "handle @"+h), true
	}
	return nil, false
}

// ByName finds an outlet by its name or an alias, in any case, with or
// without a leading "The".
func (o *Outlets) ByName(name string) (*domain.Outlet, bool) {
	if o == nil {
		return nil, false
	}
	if i, ok := o.byName[foldName(name)]; ok {
		return o.outlet(i, "name "+strings.TrimSpace(name)), true
	}
	return nil, false
}

// Wire returns the canonical name of the wire agency called name ("Agence
// France-Presse" → "AFP", "РИА Новости" → "RIA Novosti").
func (o *Outlets) Wire(name string) (string, bool) {
	if o == nil {
		return "", false
	}
	if i, ok := o.wireName[foldName(name)]; ok {
		return o.wires[i].Name, true
	}
	return "", false
}

// WireOutlet is the outlet entry of a wire agency that also publishes
// under its own name (AFP, Reuters, TASS…), if the registry has one.
func (o *Outlets) WireOutlet(wire string) (*domain.Outlet, bool) {
	if o == nil {
		return nil, false
	}
	i, ok := o.wireName[foldName(wire)]
	if !ok || o.wires[i].Outlet == "" {
		return nil, false
	}
	for j, e := range o.outlets {
		if e.ID == o.wires[i].Outlet {
			return o.outlet(j, "wire "+o.wires[i].Name), true
		}
	}
	return nil, false
}

// Names lists every outlet and wire name and alias the registry knows, for
// recognising them in running text.
func (o *Outlets) Names() []string {
	if o == nil {
		return nil
	}
	var out []string
	for _, e := range o.outlets {
		out = append(out, e.Name)
		out = append(out, e.Aliases...)
	}
	for _, w := range o.wires {
		out = append(out, w.Name)
		out = append(out, w.Aliases...)
	}
	return out
}
