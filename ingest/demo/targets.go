package demo

import (
	"encoding/csv"
	"os"
)

// targets writes 工作目标.csv: the city's yearly targets for a few catalog
// metrics, so the overview can show attainment.
func (g *gen) targets(path string) error {
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	defer out.Close()
	w := csv.NewWriter(out)
	rows := [][]string{
		{"指标", "地区", "目标年份", "目标值", "单位"},
		{"platforms_cum", "淄博市", "2024", "50", "个"},
		{"platforms_cum", "淄博市", "2025", "60", "个"},
		{"projects_cum", "淄博市", "2024", "170", "项"},
		{"projects_cum", "淄博市", "2025", "220", "项"},
		{"funding_fiscal", "淄博市", "2025", "1.2", "亿元"},
		{"contracts_value", "淄博市", "2025", "15", "亿元"},
		{"carriers_provincial_plus", "淄博市", "2025", "8", "家"},
	}
	g.rows = len(rows) - 1
	if err := w.WriteAll(rows); err != nil {
		return err
	}
	return w.Error()
}
