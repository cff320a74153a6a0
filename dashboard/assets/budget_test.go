package assets

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/dashboard/i18n"
)

// firstVisitBudget is the product target for a first visit, compressed.
const firstVisitBudget = 700 << 10

// sampleText stands in for a dashboard page's text: navigation, cities,
// districts, common labels and the map notice.
var sampleText = `科技走廊 概览 平台 项目与经费 合作网络 创新载体 走廊地图 指数 数据 来源 质量 SQL 控制台
济南市 青岛市 淄博市 枣庄市 东营市 烟台市 潍坊市 济宁市 泰安市 威海市 日照市 临沂市 德州市 聊城市 滨州市 菏泽市
张店区 淄川区 博山区 临淄区 周村区 桓台县 高青县 沂源县 企业 高校 科研院所 研发投入 专利 授权 技术合同 成交额
万元 亿元 同比 环比 增长 下降 年度 季度 月份 全部 筛选 导出 下载 图片 表格 合作伙伴 产业 新材料 高端装备
生物医药 新一代信息技术 目标 完成率 排名 详情 返回 2019–2025 Q1 Q2 Q3 Q4 CSV XLSX PNG SVG
` + i18n.T("zh-CN", "map_notice")

// TestFirstVisitBudget measures what a first visit downloads with brotli:
// ECharts, both maps and the stylesheets must fit the budget on their own;
// the web font is reported separately since browsers with a system CJK
// font (every Windows, macOS, UOS and Kylin desktop) never fetch it.
func TestFirstVisitBudget(t *testing.T) {
	s := index()
	core := []string{"echarts.min.js", "maps/shandong.js", "maps/shan1_dong1_zi1_bo2.js", "static/app.css", "fonts/noto-sans-sc.css"}
	total := 0
	for _, name := range core {
		a := s.files[name]
		br, _, _ := a.variant(encBrotli)
		gz, _, _ := a.variant(encGzip)
		t.Logf("%-30s raw %8d  gzip %7d  brotli(q%d) %7d", name, len(a.data), len(gz), brotliQuality, len(br))
		total += len(br)
	}
	t.Logf("%-30s brotli total %d bytes (%.0f KB) of %d KB", "JS + maps + CSS", total, float64(total)/1024, firstVisitBudget>>10)
	if total > firstVisitBudget {
		t.Errorf("first visit without font: %d bytes, over the %d budget", total, firstVisitBudget)
	}

	slices := fontSlices(t, string(s.files["fonts/noto-sans-sc.css"].data))
	for _, weight := range []string{"400", "700"} {
		all, need, n, m := 0, 0, 0, 0
		for _, sl := range slices[weight] {
			size := len(s.files["fonts/"+sl.file].data)
			all += size
			n++
			if sl.covers(sampleText) {
				need += size
				m++
			}
		}
		t.Logf("font %s: %d slices, %d KB in all; sample page text needs %d slices, %d KB (woff2, not recompressible)",
			weight, n, all>>10, m, need>>10)
		if weight == "400" {
			t.Logf("first visit with the web font (400 only): %d KB", (total+need)>>10)
		}
	}
}

type fontSlice struct {
	file   string
	ranges [][2]rune
}

func (f fontSlice) covers(text string) bool {
	for _, r := range text {
		for _, rg := range f.ranges {
			if r >= rg[0] && r <= rg[1] {
				return true
			}
		}
	}
	return false
}

// fontSlices reads the @font-face rules of the font stylesheet by weight.
func fontSlices(t *testing.T, css string) map[string][]fontSlice {
	t.Helper()
	face := regexp.MustCompile(`(?s)@font-face\s*{(.*?)}`)
	weightRe := regexp.MustCompile(`font-weight:\s*(\d+)`)
	urlRe := regexp.MustCompile(`url\(([^)]+)\)`)
	rangeRe := regexp.MustCompile(`unicode-range:\s*([^;]+);`)
	out := map[string][]fontSlice{}
	for _, m := range face.FindAllStringSubmatch(css, -1) {
		w, u, r := weightRe.FindStringSubmatch(m[1]), urlRe.FindStringSubmatch(m[1]), rangeRe.FindStringSubmatch(m[1])
		if w == nil || u == nil || r == nil {
			t.Fatalf("unexpected @font-face rule: %s", m[1])
		}
		sl := fontSlice{file: u[1]}
		for _, part := range strings.Split(r[1], ",") {
			lo, hi, _ := strings.Cut(strings.TrimPrefix(strings.TrimSpace(part), "U+"), "-")
			if hi == "" {
				hi = lo
			}
			a, err1 := strconv.ParseInt(lo, 16, 32)
			b, err2 := strconv.ParseInt(hi, 16, 32)
			if err1 != nil || err2 != nil {
				t.Fatalf("bad unicode-range %q", part)
			}
			sl.ranges = append(sl.ranges, [2]rune{rune(a), rune(b)})
		}
		out[w[1]] = append(out[w[1]], sl)
	}
	for w := range out {
		sort.Slice(out[w], func(i, j int) bool { return out[w][i].file < out[w][j].file })
	}
	return out
}
