package vocab

import "strings"

// moneyFactors gives the yuan value of each canonical money unit.
var moneyFactors = map[string]int64{
	"元": 1, "千元": 1e3, "万元": 1e4, "百万元": 1e6, "千万元": 1e7,
	"亿元": 1e8, "十亿元": 1e9, "万亿元": 1e12,
}

// moneyUnitNames maps the spellings of money units found in headers, with
// spaces removed and lower-cased, to the canonical Chinese unit. English
// headers from bilingual templates say "10k yuan" for 万元.
var moneyUnitNames = map[string]string{
	"元": "元", "yuan": "元", "cny": "元", "rmb": "元", "¥": "元", "￥": "元", "人民币": "元", "人民币元": "元",
	"千元": "千元", "千": "千元", "1kyuan": "千元", "kyuan": "千元", "thousandyuan": "千元", "cny1k": "千元",
	"rmb1k": "千元", "cnythousand": "千元", "yuan(thousand)": "千元",
	"万元": "万元", "万": "万元", "10kyuan": "万元", "cny10k": "万元", "rmb10k": "万元",
	"10,000yuan": "万元", "10000yuan": "万元", "tenthousandyuan": "万元", "cny10,000": "万元",
	"cny10000": "万元", "rmb10,000": "万元", "rmb10000": "万元", "万元人民币": "万元",
	"百万元": "百万元", "百万": "百万元", "millionyuan": "百万元", "1millionyuan": "百万元",
	"myuan": "百万元", "1myuan": "百万元", "cnymillion": "百万元", "cny1m": "百万元", "cnym": "百万元",
	"千万元": "千万元", "千万": "千万元", "10millionyuan": "千万元", "tenmillionyuan": "千万元", "10myuan": "千万元",
	"亿元": "亿元", "亿": "亿元", "100myuan": "亿元", "100millionyuan": "亿元",
	"hundredmillionyuan": "亿元", "cny100m": "亿元", "rmb100m": "亿元", "cny100million": "亿元",
	"亿元人民币": "亿元",
	"十亿元":   "十亿元", "billionyuan": "十亿元", "bnyuan": "十亿元", "cnybn": "十亿元", "cnybillion": "十亿元",
	"万亿元": "万亿元", "万亿": "万亿元", "trillionyuan": "万亿元",
}

// moneyUnit returns the canonical Chinese money unit for u, if u is one.
func moneyUnit(u string) (string, bool) {
	c, ok := moneyUnitNames[strings.ToLower(compact(u))]
	return c, ok
}

// MoneyUnit returns the canonical Chinese money unit for any spelling of
// one (万元人民币, 10k yuan → 万元), and whether u is a money unit at all.
func MoneyUnit(u string) (string, bool) { return moneyUnit(u) }

// YuanPer is how many yuan one u is (千万元 → 1e7), for any spelling of a
// money unit; ok is false for anything else (个, %, "").
func YuanPer(u string) (yuan float64, ok bool) {
	c, ok := moneyUnit(u)
	if !ok {
		return 0, false
	}
	return float64(moneyFactors[c]), true
}

// otherUnits are units that headers carry besides money; UnitFromHeader
// returns them as written.
var otherUnits = map[string]bool{
	"%": true, "‰": true, "个": true, "项": true, "家": true, "人": true, "名": true,
	"人次": true, "次": true, "件": true, "所": true, "场": true, "万人": true, "万人次": true,
	"平方米": true, "㎡": true, "m2": true, "m²": true, "亩": true, "公顷": true, "公里": true,
	"km": true, "吨": true, "万吨": true, "年": true, "月": true, "天": true, "日": true,
	"千瓦": true, "千瓦时": true, "万千瓦时": true, "kw": true, "kwh": true,
}
