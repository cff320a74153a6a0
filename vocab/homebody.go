package vocab

import (
	"regexp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// Government bodies of the home city (淄博市人民政府, 淄博市财政局, 张店区科技局,
// 淄博高新区管委会) sign agreements and pay out funding, but they are the
// home side, never the partner: a partner breakdown leaves them out and
// funding is split by payer on its own.

// homeBodySuffixes end the names of government bodies.
var homeBodySuffixes = []string{"人民政府", "政府", "局", "委员会", "管委会", "办公室", "管理委员会"}

// HomeBodyPattern is a regular expression (RE2, as the engine's match()
// reads it) for the names of the government bodies of home (a city, from
// HomeCity): the city's or one of its districts' names, long or short,
// then anything, then a body's suffix.
func HomeBodyPattern(home Place) string {
	names := []string{home.Name, strings.TrimSuffix(home.Name, "市")}
	for _, p := range Places() {
		if p.City == home.Name && p.Level != LevelCity {
			names = append(names, p.Name)
			if _, size := utf8.DecodeLastRuneInString(p.Name); len(p.Name) > size && p.Level == LevelDistrict {
				names = append(names, p.Name[:len(p.Name)-size])
			}
		}
	}
	slices.SortFunc(names, func(a, b string) int { return len(b) - len(a) }) // longest first
	names = slices.Compact(names)
	quote := func(xs []string) string {
		q := make([]string, len(xs))
		for i, x := range xs {
			q[i] = regexp.QuoteMeta(x)
		}
		return strings.Join(q, "|")
	}
	return "^(?:" + quote(names) + ").*(?:" + quote(homeBodySuffixes) + ")$"
}

// homeBodyRE keeps HomeBodyPattern compiled, by home city code.
var homeBodyRE sync.Map

// IsHomeBody reports whether name is a government body of home.
func IsHomeBody(name string, home Place) bool {
	re, ok := homeBodyRE.Load(home.Code)
	if !ok {
		re, _ = homeBodyRE.LoadOrStore(home.Code, regexp.MustCompile(HomeBodyPattern(home)))
	}
	return re.(*regexp.Regexp).MatchString(strings.TrimSpace(name))
}
