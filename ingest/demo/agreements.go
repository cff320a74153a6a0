package demo

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"os"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// agreements writes 合作协议.csv in GB18030, as Chinese Excel saves CSV,
// with the three agreements the letter names and county-level ones.
func (g *gen) agreements(path string) error {
	rows := [][]string{
		{"签约时间", "协议名称", "签约各方", "协议类型", "区县"},
		{"2019年9月", "淄博市人民政府 山东大学全面合作协议", "淄博市人民政府、山东大学", "全面合作协议", "张店区"},
		{"2020年", "淄博市 山东产业技术研究院全面战略合作协议", "淄博市人民政府、山东产业技术研究院", "全面战略合作协议", "张店区"},
		{"2021年3月2日", "淄博市人民政府 山东科技大学合作协议", "淄博市人民政府、山东科技大学", "全面合作协议", "淄川区"},
	}
	kinds := []string{"战略合作协议", "校地合作协议", "产学研合作协议", "共建平台协议"}
	for y := 2017; y <= 2025; y++ {
		for i := 0; i < 1+g.r.IntN(3); i++ {
			uni := g.pick(jinanUniversities)
			district := g.pick(corridorDistricts)
			d := g.dateIn(day(y, 1, 1), day(y, 12, 28))
			k := g.pick(kinds)
			rows = append(rows, []string{d.Format("2006-01-02"), g.unique(fmt.Sprintf("%s人民政府 %s%s", district, uni, k)), district + "人民政府、" + uni, k, district})
		}
	}
	for _, r := range rows[1:4] { // the letter's agreements: no generated title may repeat them
		g.used[r[1]] = true
	}
	g.rows = len(rows) - 1
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	if err := w.WriteAll(rows); err != nil {
		return err
	}
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes(buf.Bytes())
	if err != nil {
		return err
	}
	return os.WriteFile(path, gb, 0o644)
}
