package demo

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// funding writes 资金拨付.xlsx: 1亿元 (10000万元) a year from the city
// budget to the 山东产业技术研究院 Zibo branch from 2020 (as the letter
// says), quarterly fiscal grants to joint projects and university co-funding.
func (g *gen) funding(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := "资金拨付"
	f.SetSheetName("Sheet1", sh)
	head := []string{"年度", "拨付单位", "接收单位", "用途", "产业领域", "金额（万元）", "是否财政资金", "区县"}
	_ = f.SetSheetRow(sh, "A1", &head)
	row := 2
	add := func(vals ...any) {
		_ = f.SetSheetRow(sh, fmt.Sprintf("A%d", row), &vals)
		row++
		g.rows++
	}
	for y := 2020; y <= 2025; y++ {
		add(fmt.Sprintf("%d年", y), "淄博市财政局", "山东产业技术研究院淄博分院", "产研院建设", "新材料", 10000, "是", "张店区")
	}
	for y := 2017; y <= 2025; y++ {
		for q := 1; q <= 4; q++ {
			for i := 0; i < 1+g.r.IntN(3); i++ {
				amt := float64(20+g.r.IntN(480)) + float64(g.r.IntN(10))/10
				add(fmt.Sprintf("%d年第%s季度", y, "一二三四"[3*(q-1):3*q]), "淄博市科学技术局", g.firm(), g.unique(fmt.Sprintf("校城融合项目补助%d-%d-%d", y, q, i+1)),
					g.pick(industries), amt, "是", g.pick(corridorDistricts))
			}
			if g.r.IntN(2) == 0 {
				uni := g.pick(jinanUniversities[:4])
				add(fmt.Sprintf("%dQ%d", y, q), uni, g.firm(), g.unique(fmt.Sprintf("联合研发配套%d-%d", y, q)), g.pick(industries), float64(30+g.r.IntN(200)), "否", g.pick(corridorDistricts))
			}
		}
	}
	return f.SaveAs(path)
}
