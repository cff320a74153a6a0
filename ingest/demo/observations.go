package demo

import (
	"encoding/csv"
	"fmt"
	"math"
	"os"
)

// observations writes 统计指标.csv: quarterly technology-contract turnover
// (万元) and yearly R&D spending (亿元) and firm counts for each Zibo
// district, growing with noise.
func (g *gen) observations(path string) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	defer out.Close()
	w := csv.NewWriter(out)
	_ = w.Write([]string{"指标", "地区", "时期", "数值", "单位"})
	for di, d := range ziboDistricts {
		scale := 1 + float64(len(ziboDistricts)-di)/4
		for y := 2017; y <= 2025; y++ {
			growth := math.Pow(1.12, float64(y-2017))
			for q := 1; q <= 4; q++ {
				v := 800 * scale * growth * (0.85 + 0.3*g.r.Float64())
				g.write(w, []string{"技术合同成交额", d, fmt.Sprintf("%dQ%d", y, q), fmt.Sprintf("%.2f", v), "万元"})
			}
			g.write(w, []string{"R&D经费投入", d, fmt.Sprintf("%d年", y), fmt.Sprintf("%.2f", 3*scale*growth*(0.9+0.2*g.r.Float64())), "亿元"})
			g.write(w, []string{"高新技术企业数", d, fmt.Sprint(y), fmt.Sprint(int(30 * scale * growth)), "家"})
			g.write(w, []string{"科技型中小企业数", d, fmt.Sprint(y), fmt.Sprint(int(90 * scale * growth * (0.95 + 0.1*g.r.Float64()))), "家"})
		}
	}
	w.Flush()
	return w.Error()
}
