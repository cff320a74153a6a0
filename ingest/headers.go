package ingest

import (
	"strings"

	"github.com/zibo-kj/corridor/vocab"
)

// candidate is one reading of a header tried against a kind's aliases: the
// alias key (see headerKey) and the unit that applies to the column.
type candidate struct{ key, unit string }

// headerCandidates are the readings of header h, in the order MapHeaders
// tries them:
//
//   - the whole header, then without a part prefix (其中：财政资金（万元） → 财政资金);
//   - for a multi-row header ("投入资金（万元）/财政资金"), each part from the
//     bottom up, each also without its prefix;
//   - an upper part (a group label) stands for the column only when the part
//     below it is a total (投入资金/合计 → 投入资金), a bare unit, or nothing
//     else sits under the same label: the other members of a group
//     (投入资金/其他) are not the group.
//
// A part without a unit takes the nearest unit written below it, else above
// it: a merged 投入资金（万元） gives 万元 to 财政资金 and 企业自筹 under it.
func headerCandidates(h string, headers []string) []candidate {
	var out []candidate
	add := func(text, inherited string) {
		key, unit := headerKey(text)
		if unit == "" {
			unit = inherited
		}
		out = append(out, candidate{key, unit})
		if rest, ok := vocab.CutPartPrefix(text); ok {
			key, _ := headerKey(rest)
			out = append(out, candidate{key, unit})
		}
	}
	add(h, "")
	parts := strings.Split(h, "/")
	if len(parts) < 2 {
		return out
	}
	units := make([]string, len(parts))
	for i, p := range parts {
		_, units[i] = partKey(p)
	}
	last := len(parts) - 1
	for i := last; i >= 0; i-- {
		if i < last && !groupStandsFor(parts, i, headers) {
			continue
		}
		add(parts[i], nearestUnit(units, i))
	}
	return out
}

// groupStandsFor reports whether the group label parts[i] may name its
// column (see headerCandidates).
func groupStandsFor(parts []string, i int, headers []string) bool {
	below := parts[len(parts)-1]
	if key, _ := partKey(below); key == "" || vocab.IsTotalLabel(below) {
		return true
	}
	prefix := strings.Join(parts[:i+1], "/") + "/"
	members := 0
	for _, h := range headers {
		if strings.HasPrefix(h, prefix) {
			members++
		}
	}
	return members < 2
}

// nearestUnit is the unit of part i, else the nearest one below it, else
// the nearest one above it.
func nearestUnit(units []string, i int) string {
	for j := i; j < len(units); j++ {
		if units[j] != "" {
			return units[j]
		}
	}
	for j := i - 1; j >= 0; j-- {
		if units[j] != "" {
			return units[j]
		}
	}
	return ""
}

// partKey is headerKey for one part of a multi-row header, where a unit
// may stand alone as a sub-header: "万元" under 投入资金 is a unit, not a name.
func partKey(p string) (key, unit string) {
	key, unit = headerKey(p)
	if unit == "" {
		if u, ok := vocab.MoneyUnit(vocab.CleanText(p)); ok {
			return "", u
		}
	}
	return key, unit
}
