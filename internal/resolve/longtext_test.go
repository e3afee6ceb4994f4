package resolve

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/parallaxnews/parallax/internal/domain"
)

// longArticle generates a report of about size bytes in lang ("en" or
// "ru"): paragraphs of war-report sentences naming places (some inflected,
// some respelled), known actors, their surnames, people of the article
// only, titles and pronouns. The same seed gives the same text. It stands
// for the long live blogs and dumps users feed in, which made resolution
// quadratic in the article's length.
func longArticle(lang string, size int, seed uint64) *domain.Article {
	rng := rand.New(rand.NewPCG(seed, 1))
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	var tpl [][]string
	var places, places2, people, surnames, firsts []string
	var syl [3][]string // a local person's surname: one syllable of each
	if lang == "ru" {
		tpl = genRu
		places = []string{"Купянске", "Покровске", "Курахово", "Константиновке", "Краматорске", "Гуляйполе", "Харькове", "Сумах", "Лимане", "Торецке"}
		places2 = []string{"Купянска", "Покровска", "Константиновки", "Краматорска", "Харькова", "Запорожья", "Херсона", "Северска", "Часова Яра", "Великой Новоселки"}
		people = []string{"Владимир Путин", "Дмитрий Песков", "Сергей Лавров", "Мария Захарова", "Владимир Зеленский", "Андрей Белоусов"}
		surnames = []string{"Песков", "Лавров", "Захарова", "Зеленский", "Белоусов", "Путин"}
		firsts = []string{"Иван", "Олег", "Анна", "Павел", "Ольга", "Сергей", "Николай", "Татьяна"}
		syl = [3][]string{{"Пет", "Смир", "Кузн", "Поп", "Сок", "Леб", "Коз", "Нов"}, {"ор", "ан", "ец", "ед", "ол"}, {"ов", "ин", "ев"}}
	} else {
		tpl = genEn
		places = []string{"Kupiansk", "Kupyansk", "Pokrovsk", "Kurakhove", "Kostiantynivka", "Konstantinovka", "Kramatorsk", "Huliaipole", "Kharkiv", "Sumy", "Lyman", "Toretsk", "Velyka Novosilka", "Chasiv Yar"}
		places2 = []string{"the Donetsk region", "the Kharkiv region", "Zaporizhzhia region", "Dnipropetrovsk region", "Kherson", "Kyiv", "Odesa", "Siversk"}
		people = []string{"Vladimir Putin", "Dmitry Peskov", "Sergei Lavrov", "Volodymyr Zelensky", "Oleksandr Syrskyi", "Andriy Yermak", "Rustem Umerov"}
		surnames = []string{"Peskov", "Lavrov", "Zelensky", "Syrskyi", "Yermak", "Putin"}
		firsts = []string{"Ivan", "Oleh", "Anna", "Pavlo", "Olga", "Serhiy", "Mykola", "Tetiana"}
		syl = [3][]string{{"Kov", "Pet", "Shev", "Bond", "Tkach", "Mel", "Lys", "Mar"}, {"al", "ren", "chen", "ar", "yn", "ys"}, {"enko", "chuk", "yk", "iv"}}
	}
	var b strings.Builder
	for b.Len() < size {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		n := 3 + rng.IntN(3)
		for s := 0; s < n; s++ {
			if s > 0 {
				b.WriteByte(' ')
			}
			parts := tpl[rng.IntN(len(tpl))]
			for _, p := range parts {
				switch p {
				case "{P}":
					b.WriteString(pick(places))
				case "{Q}":
					b.WriteString(pick(places2))
				case "{A}":
					b.WriteString(pick(people))
				case "{S}":
					b.WriteString(pick(surnames))
				case "{L}": // a person of this article only; more of them the longer it runs
					b.WriteString(pick(firsts) + " " + pick(syl[0]) + pick(syl[1]) + pick(syl[2]))
				default:
					b.WriteString(p)
				}
			}
		}
	}
	a := &domain.Article{ID: fmt.Sprintf("long-%s-%d", lang, size), Language: lang,
		Published: &domain.Timestamp{Time: time.Date(2025, 11, 20, 0, 0, 0, 0, time.UTC), Precision: domain.PrecisionDate}}
	if lang == "ru" {
		a.Title = "Бои у Купянска и Покровска"
		a.Outlet = &domain.Outlet{ID: "gen", Name: "gen", Country: "RU"}
	} else {
		a.Title = "Fighting around Kupiansk and Pokrovsk"
		a.Outlet = &domain.Outlet{ID: "gen", Name: "gen", Country: "GB"}
	}
	var ps []domain.Paragraph
	for _, p := range strings.Split(b.String(), "\n\n") {
		ps = append(ps, domain.Paragraph{Text: p, SourceOffset: -1})
	}
	a.SetBody(ps)
	return a
}

// Sentence templates: {P} a place, {Q} another place or region, {A} a known
// actor's full name, {S} a known actor's surname, {L} a person of the
// article only.
var genEn = [][]string{
	{"{A}", " said Russian forces had attacked ", "{P}", " overnight. He added that strikes on ", "{Q}", " continued."},
	{"According to ", "{A}", ", fighting near ", "{P}", " and ", "{P}", " intensified."},
	{"The president told reporters in ", "{Q}", " that ", "{P}", " would be held."},
	{"Kremlin spokesman Dmitry Peskov declined to comment on ", "{P}", "."},
	{"{S}", " later said the situation in ", "{P}", " was difficult."},
	{"{L}", ", a local resident, said shelling hit ", "{P}", " again. She said the market was closed."},
	{"Meanwhile, the defence ministry said its troops had taken a village near ", "{P}", "."},
	{"Residents of ", "{P}", " told ", "{L}", " that the bridge to ", "{Q}", " was destroyed."},
	{"Later, ", "{L}", " said the road from ", "{P}", " to ", "{P}", " was cut."},
	{"In ", "{Q}", ", officials reported two people killed, the governor said."},
}

var genRu = [][]string{
	{"{A}", " заявил, что российские войска атаковали позиции в ", "{P}", ". Он добавил, что бои идут у ", "{Q}", "."},
	{"По словам ", "{L}", "а, обстрелы в ", "{P}", " продолжаются."},
	{"Президент России Владимир Путин провел совещание о ситуации у ", "{Q}", "."},
	{"Президент заявил, что наступление у ", "{Q}", " продолжится."},
	{"{S}", " отказался комментировать ситуацию в ", "{P}", "."},
	{"{L}", " сообщил, что в ", "{P}", " нет света. Он сказал, что жители уезжают из ", "{Q}", "."},
	{"Минобороны сообщило об ударе по ", "{Q}", "."},
	{"Далее бои шли в ", "{P}", " и у ", "{Q}", "."},
	{"В Харьковской области, по данным властей, погибли два человека."},
	{"Жители ", "{Q}", " рассказали, что мост к ", "{Q}", " разрушен."},
}

// longSizes are the report sizes the long-report benchmark resolves: time
// per MB must stay about flat from the first to the last.
var longSizes = []int{100 << 10, 400 << 10, 1600 << 10}

// BenchmarkResolveLong resolves generated reports of 100 KB, 400 KB and
// 1.6 MB in English and Russian with the embedded gazetteer. Resolution is
// linear in the report's length when ns/op grows with the size and MB/s
// and cpu-s/MB stay about flat across sizes.
func BenchmarkResolveLong(b *testing.B) {
	r := testResolver(b)
	for _, lang := range []string{"en", "ru"} {
		// Warm the resolver's lookup cache and the gazetteer's lazily
		// built indexes, which the first report would otherwise pay for.
		r.Resolve(longArticle(lang, 200<<10, 8))
		for _, size := range longSizes {
			a := longArticle(lang, size, 7)
			n := len(a.Title) + len(a.Text())
			b.Run(fmt.Sprintf("%s/%dKB", lang, size>>10), func(b *testing.B) {
				b.SetBytes(int64(n))
				c0 := cpuTime()
				for b.Loop() {
					r.Resolve(a)
				}
				if c := cpuTime() - c0; c > 0 {
					b.ReportMetric(c.Seconds()/float64(b.N)/(float64(n)/1e6), "cpu-s/MB")
				}
			})
		}
	}
}

// TestLongArticleScales checks the generator makes what the benchmark needs
// (every kind of mention, and more local people the longer it runs) and
// that a long report resolves the same names as a short one does.
func TestLongArticleScales(t *testing.T) {
	if testing.Short() {
		t.Skip("resolves a 400 KB report")
	}
	r := testResolver(t)
	for _, lang := range []string{"en", "ru"} {
		small := r.Resolve(longArticle(lang, 20<<10, 3))
		big := r.Resolve(longArticle(lang, 400<<10, 3))
		kinds := func(an *domain.Analysis) map[string]int {
			out := map[string]int{}
			for _, m := range an.Mentions {
				switch {
				case m.Status != domain.StatusResolved:
					out["unresolved"]++
				case strings.HasPrefix(m.EntityID, "local:"):
					out["local"]++
				default:
					out[string(m.Kind)]++
				}
			}
			return out
		}
		ks, kb := kinds(small), kinds(big)
		for _, k := range []string{string(domain.KindPlace), string(domain.KindPerson), "local"} {
			if ks[k] == 0 || kb[k] <= ks[k]*5 {
				t.Errorf("%s: %s mentions: %d in 20 KB, %d in 400 KB; want some, growing with the length", lang, k, ks[k], kb[k])
			}
		}
		// The places of the short report are the first places of the long
		// one: the same seed starts with the same text.
		ps, pb := placeMentions(small), placeMentions(big)
		for i := 0; i < len(ps) && i < 20; i++ {
			if i >= len(pb) || ps[i].EntityID != pb[i].EntityID || ps[i].Surface != pb[i].Surface {
				t.Errorf("%s: place %d: %q → %s in the short report, not so in the long one", lang, i, ps[i].Surface, ps[i].EntityID)
				break
			}
		}
	}
}
