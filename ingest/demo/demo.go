// Package demo writes a realistic synthetic data set (2017–2025) as the
// spreadsheets a bureau would have. It agrees with the seed reply letter:
// 30+ joint platforms and 70+ joint projects with Jinan universities by July
// 2021, 1亿元 a year from the city budget to the 山东产业技术研究院 Zibo
// branch from 2020, and the letter's named platforms, carriers and agreements.
// Everything else is invented and the loads are marked as sample data.
package demo

import (
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"time"
)

// File is one generated input, the record kind it holds and how many
// data rows it has (title, header, totals and note rows not counted).
type File struct {
	Path string
	Kind string
	Rows int
}

// gen carries the seeded randomness through the writers, the names given
// so far and the data rows of the file being written.
type gen struct {
	r    *rand.Rand
	dir  string
	used map[string]bool
	rows int
}

// unique makes a generated name unique ("…（二）") so no two rows share a natural key.
func (g *gen) unique(name string) string {
	n := name
	for i := 2; g.used[n]; i++ {
		n = fmt.Sprintf("%s（%d）", name, i)
	}
	g.used[n] = true
	return n
}

// step is one demo file: its name, record kind and generator.
type step struct {
	name, kind string
	write      func(g *gen, path string) error
}

// steps are the demo files in generation (and load) order; the order
// fixes the random sequence, so it must not change.
func steps() []step {
	return []step{
		{"共建平台.xlsx", "platform", (*gen).platforms},
		{"合作项目.xlsx", "project", (*gen).projects},
		{"合作协议.csv", "agreement", (*gen).agreements},
		{"资金拨付.xlsx", "funding", (*gen).funding},
		{"双创载体.xlsx", "carrier", (*gen).carriers},
		{"人才交流.csv", "talent", (*gen).talent},
		{"统计指标.csv", "observation", (*gen).observations},
		{"工作目标.csv", "target", (*gen).targets},
	}
}

// Names are the demo files' names (as their loads record them), in load order.
func Names() []string {
	var out []string
	for _, s := range steps() {
		out = append(out, s.name)
	}
	return out
}

// Write generates every demo file into dir with a fixed seed, so two runs
// produce identical files (and a second load is recognised as "already loaded").
func Write(dir string) ([]File, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	g := &gen{r: rand.New(rand.NewPCG(2021, 727)), dir: dir, used: map[string]bool{}}
	var out []File
	for _, s := range steps() {
		p := filepath.Join(dir, s.name)
		g.rows = 0
		if err := s.write(g, p); err != nil {
			return nil, fmt.Errorf("demo: %s: %w", s.name, err)
		}
		out = append(out, File{Path: p, Kind: s.kind, Rows: g.rows})
	}
	return out, nil
}

func (g *gen) pick(xs []string) string { return xs[g.r.IntN(len(xs))] }

// write writes one data row of a CSV file and counts it.
func (g *gen) write(w *csv.Writer, rec []string) {
	_ = w.Write(rec)
	g.rows++
}

// dateIn returns a random day within [from, to).
func (g *gen) dateIn(from, to time.Time) time.Time {
	days := int(to.Sub(from).Hours() / 24)
	return from.AddDate(0, 0, g.r.IntN(max(days, 1)))
}

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// The corridor's actors, from the seed letter and public records.
var (
	jinanUniversities = []string{"山东大学", "山东科技大学", "济南大学", "齐鲁工业大学", "山东师范大学", "山东建筑大学", "山东财经大学", "山东中医药大学"}
	jinanInstitutes   = []string{"山东产业技术研究院", "山东省科学院", "中国科学院济南科创城"}
	ziboDistricts     = []string{"淄川区", "张店区", "博山区", "临淄区", "周村区", "桓台县", "高青县", "沂源县"}
	corridorDistricts = []string{"淄川区", "周村区", "张店区", "淄川区", "周村区", "张店区", "临淄区", "博山区", "桓台县"}
	industries        = []string{"新材料", "生物医药", "高端装备", "新一代信息技术", "化工", "先进陶瓷", "智能制造", "节能环保"}
	firmStems         = []string{"齐鲁", "鲁中", "淄博", "般阳", "华光", "金城", "中一", "蓝帆", "新华", "东岳", "齐峰", "鑫泉"}
	firmTails         = []string{"新材料有限公司", "医药股份有限公司", "精密机械有限公司", "化工有限公司", "陶瓷科技有限公司", "智能装备有限公司", "电子科技有限公司"}
)

func (g *gen) firm() string { return g.pick(firmStems) + g.pick(firmTails) }
