package ingest

import (
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/zibo-kj/corridor/ingest/read"
	"github.com/zibo-kj/corridor/vocab"
)

// sheetContext is what a sheet says about all its rows outside the table:
// the title above the header (2023年淄川区科技合作平台统计表), the fill-in
// lines (填报单位：淄川区科技局, 单位：万元), the sheet's name and the file's
// name. Bureaus write a district's sheet without a district column and a
// money sheet without units in its headers; the context supplies them.
type sheetContext struct {
	title  string      // the title rows' words, fill-in lines left out
	places []ctxPlace  // places named, in order of precedence
	units  []ctxUnit   // units stated above the table
	years  []int       // years the title names (2023年, 2019-2023年)
	bare   []ctxPlace  // a bare 高新区 where the home city has no zone
	home   vocab.Place // the home city
}

// ctxPlace is a place found in the context.
type ctxPlace struct {
	src     ctxSource
	written string // as written: 淄川区, 高新区
	place   vocab.Place
	viaHome bool // a bare 高新区 read as the home city's zone
}

// ctxUnit is a unit stated above the table.
type ctxUnit struct {
	written string // as written: 单位：万元, （单位：万元）
	unit    string // canonical: 万元
}

var (
	// unitInTitle is a unit in brackets within a title: （单位：万元）.
	unitInTitle = regexp.MustCompile(`[（(]\s*(?:金额|计量|货币|数据|数值)?单位\s*[:：]\s*([^）)]+?)\s*[）)]`)
	// labelLine is one "label：value" fill-in line; the value may be empty
	// when the cell was written "单位： 万元" and the value is the next word.
	labelLine = regexp.MustCompile(`^([^:：\s]{1,8})\s*[:：]\s*(.*)$`)
	// titleLabel is a label that numbers the title itself: 附件1：, 表2：.
	titleLabel = regexp.MustCompile(`^(?:附件|附表|表)[0-9一二三四五六七八九十]{0,3}$`)
	// titleYears are the years a title names: 2023年, 2023年度, 2019-2023年.
	titleYears = regexp.MustCompile(`((?:19|20)\d{2})\s*(?:[-—–~至到]\s*((?:19|20)\d{2})\s*)?年度?`)
)

// unitLabels and fillerLabels are the labels of the fill-in lines whose
// values Corridor reads; other labels (填报日期, 联系人) are passed over.
var (
	unitLabels   = []string{"单位", "金额单位", "计量单位", "货币单位", "数据单位", "数值单位"}
	fillerLabels = []string{"填报单位", "填表单位", "报送单位", "填报部门", "报送部门"}
)

// readContext gathers a sheet's context from the title rows the reader
// skipped, the sheet's name and the file's name; home settles a bare 高新区.
func readContext(skips []read.Skipped, sheet, file string, home vocab.Place) sheetContext {
	c := sheetContext{home: home}
	var title, filler []string
	for _, s := range skips {
		if s.Reason != read.ReasonTitle {
			continue
		}
		t, f := c.readTitleRow(s.Text)
		title, filler = append(title, t...), append(filler, f...)
	}
	c.title = strings.Join(title, " ")
	for _, g := range titleYears.FindAllStringSubmatch(c.title, -1) {
		for _, y := range g[1:] {
			if n, err := strconv.Atoi(y); err == nil && !slices.Contains(c.years, n) {
				c.years = append(c.years, n)
			}
		}
	}
	c.addPlaces(fromTitle, c.title)
	c.addPlaces(fromFiller, strings.Join(filler, " "))
	c.addPlaces(fromSheet, sheet)
	c.addPlaces(fromFile, strings.TrimSuffix(file, filepath.Ext(file)))
	return c
}

// readTitleRow splits one title row into title words and 填报单位 values,
// and keeps the units it states.
func (c *sheetContext) readTitleRow(text string) (title, filler []string) {
	for _, g := range unitInTitle.FindAllStringSubmatch(text, -1) {
		c.addUnit(g[0], g[1])
	}
	text = unitInTitle.ReplaceAllString(text, " ")
	words := strings.Fields(text)
	for i := 0; i < len(words); i++ {
		g := labelLine.FindStringSubmatch(words[i])
		if g == nil {
			title = append(title, words[i])
			continue
		}
		label, value := g[1], g[2]
		if value == "" && i+1 < len(words) && !labelLine.MatchString(words[i+1]) {
			i++
			value = words[i]
		}
		for slices.Contains(unitLabels, label) && i+1 < len(words) && isMoneyUnit(value+" "+words[i+1]) { // 单位：10k yuan
			i++
			value += " " + words[i]
		}
		switch {
		case slices.Contains(unitLabels, label):
			c.addUnit(label+"："+value, value)
		case slices.Contains(fillerLabels, label):
			filler = append(filler, value)
		case titleLabel.MatchString(label): // 附件1：2023年…统计表
			title = append(title, value)
		}
	}
	return title, filler
}

func isMoneyUnit(s string) bool {
	_, ok := vocab.MoneyUnit(s)
	return ok
}

// addUnit keeps a stated unit, money units in canonical form.
func (c *sheetContext) addUnit(written, u string) {
	u = strings.TrimSpace(u)
	if u == "" {
		return
	}
	if m, ok := vocab.MoneyUnit(u); ok {
		u = m
	}
	c.units = append(c.units, ctxUnit{written: strings.TrimSpace(written), unit: u})
}

// addPlaces keeps the places a text names; the province says nothing
// about a sheet's district and is passed over.
func (c *sheetContext) addPlaces(src ctxSource, text string) {
	for _, w := range vocab.PlaceNamesIn(text) {
		p, viaHome, ok := vocab.LookupPlaceAt(w, c.home)
		switch {
		case !ok && vocab.IsBareZone(w):
			c.bare = append(c.bare, ctxPlace{src: src, written: w})
		case ok && p.Level != vocab.LevelProvince:
			c.places = append(c.places, ctxPlace{src: src, written: w, place: p, viaHome: viaHome})
		}
	}
}
