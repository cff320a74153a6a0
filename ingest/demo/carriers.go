package demo

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// carriers writes 双创载体.xlsx: the letter's chain in 淄川 (苗圃 → 孵化器 →
// 加速器 → 产业园), its three provincial maker spaces by July 2021, and
// municipal carriers across the districts.
func (g *gen) carriers(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := "双创载体"
	f.SetSheetName("Sheet1", sh)
	head := []string{"载体名称", "载体类型", "级别", "区县", "认定时间", "运营单位"}
	_ = f.SetSheetRow(sh, "A1", &head)
	rows := [][]any{
		{"淄川区大学生创业孵化中心", "苗圃", "区县级", "淄川区", "2017年5月", "淄川区人力资源和社会保障局"},
		{"淄川区高新技术创业服务中心", "众创空间", "省级", "淄川区", "2018年11月", "淄川区高新技术创业服务中心"},
		{"淄川区高新技术创业服务中心孵化器", "孵化器", "市级", "淄川区", "2019年6月", "淄川区高新技术创业服务中心"},
		{"蚂蚁城创新创业平台众创空间", "众创空间", "省级", "周村区", "2019年12月", "蚂蚁城科技有限公司"},
		{"周村区科技创业园众创空间", "众创空间", "省级", "周村区", "2020年10月", "周村区科技创业园"},
		{"中一产业城", "加速器", "市级", "淄川区", "2020年4月", "中一产业城发展有限公司"},
		{"金城生物医药产业园", "产业园", "市级", "淄川区", "2019年3月", "金城医药集团"},
		{"齐鲁激光共享产业园", "产业园", "市级", "淄川区", "2020年8月", "齐鲁激光共享产业园运营公司"},
		{"齐鲁激光共享产业园孵化器", "孵化器", "市级", "淄川区", "2021年11月", "齐鲁激光共享产业园运营公司"},
		{"齐鲁激光共享产业园孵化平台", "孵化器", "省级", "淄川区", "2023年9月", "齐鲁激光共享产业园运营公司"},
		{"蚂蚁城创新创业平台众创空间", "众创空间", "国家级", "周村区", "2024年10月", "蚂蚁城科技有限公司"},
	}
	for _, r := range rows { // the chain's carriers: no generated name may repeat them
		g.used[r[0].(string)] = true
	}
	kinds := []string{"众创空间", "众创空间", "孵化器", "孵化器", "加速器", "苗圃"}
	for y := 2017; y <= 2025; y++ {
		for i := 0; i < 2+g.r.IntN(3); i++ {
			k := g.pick(kinds)
			district := g.pick(ziboDistricts)
			level := "市级"
			if g.r.IntN(6) == 0 && y > 2021 {
				level = "省级"
			}
			name := g.unique(fmt.Sprintf("%s%s%s", district[:len(district)-3], g.pick([]string{"智汇", "创客", "科创", "青年", "星火", "云谷"}), k))
			rows = append(rows, []any{name, k, level, district, fmt.Sprintf("%d年%d月", y, 1+g.r.IntN(12)), g.firm()})
		}
	}
	for i, r := range rows {
		_ = f.SetSheetRow(sh, fmt.Sprintf("A%d", i+2), &r)
	}
	g.rows = len(rows)
	return f.SaveAs(path)
}
