package demo

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"
)

var projectTopics = []string{"关键技术研发", "产业化示范", "中试验证", "工艺优化", "成果转化", "联合攻关", "智能化改造"}
var projectSubjects = []string{"高性能陶瓷膜", "生物基材料", "氟硅新材料", "工业机器人", "创新药物", "医用高分子", "激光加工装备", "锂电池隔膜", "精细化学品", "智能传感器"}

// projects writes 合作项目.xlsx: 76 joint projects by July 2021 (the letter:
// 70多项), about 210 by 2025, money in 万元 as numbers, dates as Excel dates.
func (g *gen) projects(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	sh := "合作项目"
	f.SetSheetName("Sheet1", sh)
	head := []string{"项目名称", "合作高校", "承担单位", "区县", "产业领域", "立项时间", "结束时间", "总投资（万元）", "财政资金（万元）", "状态"}
	_ = f.SetSheetRow(sh, "A1", &head)
	dateStyle, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	row := 2
	windows := []struct {
		n        int
		from, to time.Time
	}{{76, day(2017, 1, 1), day(2021, 7, 1)}, {134, day(2021, 7, 1), day(2025, 12, 20)}}
	for _, w := range windows {
		for i := 0; i < w.n; i++ {
			start := g.dateIn(w.from, w.to)
			end := start.AddDate(1+g.r.IntN(3), 0, 0)
			total := float64(50+g.r.IntN(1950)) + float64(g.r.IntN(100))/100
			fiscal := float64(int(total*float64(10+g.r.IntN(30)))) / 100
			status := "在研"
			if end.Before(day(2025, 12, 31)) {
				status = "已结题"
			}
			partner := g.pick(jinanUniversities[:4])
			if g.r.IntN(5) == 0 {
				partner += "、" + g.pick(jinanInstitutes[:2])
			}
			vals := []any{g.unique(g.pick(projectSubjects) + g.pick(projectTopics)), partner, g.firm(), g.pick(corridorDistricts),
				g.pick(industries), start, end, total, fiscal, status}
			_ = f.SetSheetRow(sh, fmt.Sprintf("A%d", row), &vals)
			_ = f.SetCellStyle(sh, fmt.Sprintf("F%d", row), fmt.Sprintf("G%d", row), dateStyle)
			row++
			g.rows++
		}
	}
	return f.SaveAs(path)
}
