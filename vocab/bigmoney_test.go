package vocab

import "testing"

// TestMoneyLargeArabicBeforeMultiplier: figures of 10,000 and more before
// 万/亿 are common in reports ("12000万元", "13,582.6万元").
func TestMoneyLargeArabicBeforeMultiplier(t *testing.T) {
	for in, want := range map[string]int64{"12000万元": 12000 * 10000 * 100, "13,582.6万元": 135826000 * 100, "12000万": 12000 * 10000 * 100, "2.5亿元": 250000000 * 100} {
		fen, _, err := ParseMoney(in, "")
		if err != nil || fen != want {
			t.Errorf("ParseMoney(%q) = %d, %v; want %d", in, fen, err, want)
		}
	}
	q, err := ParseQuantity("15000万人次")
	if err != nil || q.Value != 1.5e8 {
		t.Errorf("ParseQuantity: %+v %v", q, err)
	}
}
