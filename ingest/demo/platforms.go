package demo

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"
)

// namedPlatforms are the platforms the seed letter names.
var namedPlatforms = []struct {
	name, kind, partner, district, industry string
	date                                    time.Time
}{
	{"山大-淄博先进制造与人工智能研究院", "研究院", "山东大学", "张店区", "智能制造", day(2019, 11, 18)},
	{"山东大学淄博生物医药研究院", "研究院", "山东大学", "淄川区", "生物医药", day(2020, 5, 20)},
	{"淄博化工材料产业技术研究所", "研究所", "山东产业技术研究院", "临淄区", "化工", day(2020, 9, 8)},
	{"淄博生物医药研究院", "研究院", "山东产业技术研究院", "淄川区", "生物医药", day(2020, 10, 16)},
	{"淄博先进陶瓷研究院", "研究院", "山东产业技术研究院", "博山区", "先进陶瓷", day(2020, 12, 2)},
	{"山东产业技术研究院淄博分院", "分院", "山东产业技术研究院", "张店区", "新材料", day(2020, 7, 1)},
	{"山东科技大学淄博产业技术学院", "产业技术学院", "山东科技大学", "淄川区", "高端装备", day(2021, 6, 15)},
}

var platformKinds = []string{"联合实验室", "研究生工作站", "技术研发中心", "中试基地", "分中心", "工程技术研究中心"}

// platforms writes 共建平台.xlsx the way districts send it: a title row, a
// two-row header with merged cells, a 合计 row and a note under the table.
// 34 platforms by July 2021 (the letter: 30余个), 64 by the end of 2025.
func (g *gen) platforms(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := "共建平台"
	f.SetSheetName("Sheet1", sh)
	f.SetCellValue(sh, "A1", "淄博市与驻济高校院所共建研发平台统计表")
	_ = f.MergeCell(sh, "A1", "H1")
	top := []string{"序号", "平台名称", "平台类型", "级别", "共建单位", "", "区县", "共建时间"}
	sub := []string{"", "", "", "", "合作单位", "依托单位", "", ""}
	for i := range top {
		c, _ := excelize.CoordinatesToCellName(i+1, 2)
		f.SetCellValue(sh, c, top[i])
		c2, _ := excelize.CoordinatesToCellName(i+1, 3)
		f.SetCellValue(sh, c2, sub[i])
	}
	_ = f.MergeCell(sh, "E2", "F2")
	for _, col := range []string{"A", "B", "C", "D", "G", "H"} {
		_ = f.MergeCell(sh, col+"2", col+"3")
	}
	row := 4
	put := func(name, kind, level, partner, host, district string, d time.Time) {
		vals := []any{row - 3, name, kind, level, partner, host, district, d.Format("2006年1月2日")}
		for i, v := range vals {
			c, _ := excelize.CoordinatesToCellName(i+1, row)
			f.SetCellValue(sh, c, v)
		}
		row++
		g.rows++
	}
	for _, p := range namedPlatforms {
		g.used[p.name] = true // no generated name may repeat the letter's
		put(p.name, p.kind, "市级", p.partner, g.firm(), p.district, p.date)
	}
	// 27 more by July 2021, 30 more until the end of 2025.
	windows := []struct {
		n        int
		from, to time.Time
	}{{27, day(2017, 1, 1), day(2021, 7, 1)}, {30, day(2021, 8, 1), day(2025, 12, 1)}}
	for _, w := range windows {
		for i := 0; i < w.n; i++ {
			partner := g.pick(jinanUniversities[:4])
			if g.r.IntN(4) == 0 {
				partner += "、" + g.pick(jinanInstitutes[1:])
			}
			ind := g.pick(industries)
			kind := g.pick(platformKinds)
			name := g.unique(fmt.Sprintf("%s-%s%s%s", shortName(partner), g.pick(firmStems), ind, kind))
			level := []string{"市级", "市级", "省级", "区县级"}[g.r.IntN(4)]
			put(name, kind, level, partner, g.firm(), g.pick(corridorDistricts), g.dateIn(w.from, w.to))
		}
	}
	f.SetCellValue(sh, fmt.Sprintf("A%d", row), "合计")
	f.SetCellValue(sh, fmt.Sprintf("B%d", row), fmt.Sprintf("%d个", row-4))
	f.SetCellValue(sh, fmt.Sprintf("A%d", row+2), "注：数据来源于各区县科技局报送，截至2025年12月。")
	return f.SaveAs(path)
}

func shortName(org string) string {
	short := map[string]string{"山东大学": "山大", "山东科技大学": "山科大", "济南大学": "济大", "齐鲁工业大学": "齐鲁工大"}
	for full, s := range short {
		if len(org) >= len(full) && org[:len(full)] == full {
			return s
		}
	}
	return "济淄"
}
