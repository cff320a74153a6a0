package adhoc

import (
	"regexp"
	"strings"
)

// unknownNameRE finds the name ClickHouse could not resolve in an
// "unknown identifier/table/function" message: `x`, 'x' or a bare word.
var unknownNameRE = regexp.MustCompile("Unknown (?:table expression |expression |)(?:identifier|function|table) [`'\"]?([^`'\"\\s]+?)[`'\"]?(?:[\\s.,]|$)")

// meantListRE and meantOneRE find the server's own suggestions: "Maybe you
// meant: ['a', 'b']" (columns, functions) or "Maybe you meant db.t?" (tables).
var (
	meantListRE = regexp.MustCompile(`[Mm]aybe you meant:?\s*\[([^\]]*)\]`)
	meantOneRE  = regexp.MustCompile("[Mm]aybe you meant:?\\s*[`']?([\\w.]+)[`']?\\?")
)

// suggest reads the unresolved name and the server's suggestions for it
// from an error message. A table's suggestion drops its database, which
// the console's account reads by default.
func suggest(msg string) (name string, meant []string) {
	if m := unknownNameRE.FindStringSubmatch(msg); m != nil {
		name = m[1]
	}
	if m := meantListRE.FindStringSubmatch(msg); m != nil {
		for _, s := range strings.Split(m[1], ",") {
			if s = strings.Trim(strings.TrimSpace(s), "'`\""); s != "" {
				meant = append(meant, s)
			}
		}
	} else if m := meantOneRE.FindStringSubmatch(msg); m != nil {
		s := m[1]
		if i := strings.LastIndexByte(s, '.'); i >= 0 {
			s = s[i+1:]
		}
		meant = append(meant, s)
	}
	return name, meant
}
