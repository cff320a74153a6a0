package vocab

import "math"

// Number is a parsed figure: the value (for AtLeast the lower bound, for
// AtMost the upper bound) and its qualifier.
type Number struct {
	Value     float64
	Qualifier Qualifier
}

// countUnits are the measure words (量词) and ratio signs that ParseNumber
// accepts after a figure and drops: "30余个" is the number 30 (at least), and
// "30%" is 30 — the percent is a unit that ParseQuantity reports. Any other
// unit is refused so that "300万元" is not silently read as a bare number.
var countUnits = map[string]bool{
	"": true, "%": true, "‰": true,
	"个": true, "項": true, "项": true, "家": true, "人": true, "名": true, "位": true,
	"次": true, "件": true, "所": true, "座": true, "场": true, "期": true, "批": true,
	"条": true, "款": true, "户": true, "处": true, "台": true, "套": true, "篇": true,
	"部": true, "届": true, "类": true, "种": true, "支": true, "只": true, "份": true,
	"例": true, "间": true, "栋": true, "人次": true, "项次": true, "家次": true, "个次": true,
}

// ParseNumber parses a figure as written in spreadsheets and reports:
// "30", "1,234.5", "-5", "３０" (full width), "1.5E+08", Chinese numerals
// ("三十", "一百二十", "两", "十二", "一千二" = 1200, "壹佰"), digit runs
// ("二〇二一" = 2021), mixed forms ("1.5万", "3千", "1亿2000万") and
// qualified figures ("30余", "70多", "百余", "约30", "近百", "逾千", "30以上",
// "不到30"). A trailing measure word or percent sign is dropped ("30余个" →
// 30, AtLeast; "30%" → 30): use ParseQuantity to keep the unit.
//
// Anything else is an error naming the value, e.g.
// `vocab: "1,5" is not a number: digits are not grouped by thousands`.
func ParseNumber(s string) (Number, error) {
	const want = "a number"
	p, err := parseFigureText(s, want, false)
	if err != nil {
		return Number{}, err
	}
	if !countUnits[p.unit] {
		return Number{}, invalid(s, want, "unexpected unit %q", shorten(p.unit))
	}
	return toNumber(s, want, p)
}

// toNumber converts the exact value to float64, refusing what does not fit.
func toNumber(s, want string, p parsed) (Number, error) {
	f, _ := p.val.Float64()
	if math.IsInf(f, 0) {
		return Number{}, invalid(s, want, "out of range")
	}
	return Number{Value: f, Qualifier: p.q}, nil
}
