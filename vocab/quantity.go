package vocab

import "unicode/utf8"

// Quantity is a figure with the unit written after it.
type Quantity struct {
	Number
	// Unit is what followed the figure, as written: "个", "项", "家", "%",
	// "元", "人次"; "" when there was none. Multipliers are not units: "1.5万人"
	// is 15000 with unit "人", "1亿元" is 100000000 with unit "元".
	Unit string
}

// maxUnitRunes bounds a unit: longer tails are text, not units.
const maxUnitRunes = 8

// ParseQuantity parses a figure followed by its unit, as found in policy
// texts and in cells that carry their own unit: "30余个" → {30, AtLeast, "个"},
// "70多项", "3家", "30%" → {30, Exact, "%"}, "百分之三十" → {30, Exact, "%"},
// "30家以上" → {30, AtLeast, "家"}. The unit may not contain digits.
func ParseQuantity(s string) (Quantity, error) {
	const want = "a quantity"
	p, err := parseFigureText(s, want, false)
	if err != nil {
		return Quantity{}, err
	}
	if utf8.RuneCountInString(p.unit) > maxUnitRunes {
		return Quantity{}, invalid(s, want, "unit %q is too long", shorten(p.unit))
	}
	for _, r := range p.unit {
		if isDigit(r) {
			return Quantity{}, invalid(s, want, "unit %q contains digits", p.unit)
		}
	}
	n, err := toNumber(s, want, p)
	if err != nil {
		return Quantity{}, err
	}
	return Quantity{Number: n, Unit: p.unit}, nil
}
