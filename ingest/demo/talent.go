package demo

import (
	"encoding/csv"
	"fmt"
	"os"
)

// talent writes 人才交流.csv (UTF-8 with BOM): the yearly 百名专家淄川行,
// experts engaged from Jinan, talents introduced and exchange events.
func (g *gen) talent(path string) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	defer out.Close()
	out.WriteString("\ufeff")
	w := csv.NewWriter(out)
	_ = w.Write([]string{"时间", "类别", "名称", "人数", "合作单位", "区县"})
	for y := 2017; y <= 2025; y++ {
		g.write(w, []string{fmt.Sprintf("%d-06-%02d", y, 10+g.r.IntN(15)), "交流活动", fmt.Sprintf("%d年百名专家淄川行", y), fmt.Sprint(80 + g.r.IntN(60)), "山东大学", "淄川区"})
		for m := 1; m <= 12; m++ {
			if g.r.IntN(3) == 0 {
				g.write(w, []string{fmt.Sprintf("%d-%02d-%02d", y, m, 1+g.r.IntN(27)), "柔性引进专家", g.unique(fmt.Sprintf("%s专家团队%d-%d", g.pick(industries), y, m)), fmt.Sprint(1 + g.r.IntN(6)), g.pick(jinanUniversities), g.pick(corridorDistricts)})
			}
			if g.r.IntN(2) == 0 {
				g.write(w, []string{fmt.Sprintf("%d-%02d-%02d", y, m, 1+g.r.IntN(27)), "引进人才", g.unique(fmt.Sprintf("高层次人才引进%d-%d", y, m)), fmt.Sprint(2 + g.r.IntN(12)), g.pick(jinanUniversities), g.pick(corridorDistricts)})
			}
			if g.r.IntN(4) == 0 {
				g.write(w, []string{fmt.Sprintf("%d-%02d-%02d", y, m, 1+g.r.IntN(27)), "交流活动", g.unique(fmt.Sprintf("%s产学研对接会%d-%d", g.pick(industries), y, m)), fmt.Sprint(30 + g.r.IntN(150)), g.pick(jinanUniversities), g.pick(corridorDistricts)})
			}
		}
	}
	w.Flush()
	return w.Error()
}
