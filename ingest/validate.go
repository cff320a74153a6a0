package ingest

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/zibo-kj/corridor/ingest/read"
	"github.com/zibo-kj/corridor/vocab"
)

// Record is one validated row: database column → typed value.
type Record struct {
	Line   int
	Values map[string]any
	Approx bool // some figure was stated as approximate (30余, 约) and is kept as its bound
}

// RowError is a rejected cell: where it is, what it holds and why.
type RowError struct {
	File    string `json:"file"`
	Sheet   string `json:"sheet,omitempty"`
	Line    int    `json:"line"`
	Col     int    `json:"col,omitempty"`
	ColName string `json:"col_name,omitempty"`
	Header  string `json:"header,omitempty"`
	Value   string `json:"value"`
	Msg     string `json:"msg"`
}

// Error formats as `file:sheet:line: column F "header" value "x": why`,
// the column named the same way whether the file is CSV or XLSX (its letter,
// as a spreadsheet shows it, and its header); a JSON field by its key. An
// error about the whole file (no line, no cell) reads file: why.
func (e RowError) Error() string {
	var b strings.Builder
	b.WriteString("ingest: ")
	b.WriteString(e.File)
	if e.Sheet != "" {
		b.WriteString(":" + e.Sheet)
	}
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	cell := e.ColName != "" || e.Header != ""
	if cell {
		b.WriteString(": " + e.column())
	}
	if e.Value != "" || cell {
		if cell {
			b.WriteString(" value")
		}
		fmt.Fprintf(&b, " %q", e.Value)
	}
	fmt.Fprintf(&b, ": %s", e.Msg)
	return b.String()
}

// column names the cell's column: `column F "金额"` (CSV, XLSX), or
// `field "amount"` (JSON, whose column name is its key).
func (e RowError) column() string {
	switch {
	case e.ColName == "":
		return fmt.Sprintf("column %q", e.Header)
	case !isColumnLetters(e.ColName):
		return fmt.Sprintf("field %q", e.ColName)
	case e.Header == "":
		return "column " + e.ColName
	}
	return fmt.Sprintf("column %s %q", e.ColName, e.Header)
}

// isColumnLetters reports whether s is a spreadsheet column name (A, AB).
func isColumnLetters(s string) bool {
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return s != ""
}

// validator converts rows of one mapping into table rows: a []any indexed
// like the table's columns (see layout). Each worker has its own.
type validator struct {
	m            Mapping
	l            *layout
	aliases      *vocab.Aliases
	file         string
	sheet        string
	fieldAt      []int                       // per mapping column: the table column its field fills, -1 if none
	memo         []map[string]cellResult     // per mapping column: raw cell → parsed, for values that repeat
	last         []lastCell                  // per mapping column: the previous cell, as values often run down a file
	valueUnit    string                      // unit written in the value column's header (金额（万元）)
	valueUnitAny any                         // valueUnit boxed once, not per row
	keyAt        []int                       // natural key columns
	noQual       []colSet                    // the qualifier of a plain figure
	places       *placeRules                 // how district cells resolve (home city), shared by a load's validators
	metricUnit   func(string) (string, bool) // a target metric's unit (Options.MetricUnit)
	lastUnit     string                      // the unit yuanPer last looked up, and its answer:
	lastYuan     float64                     // a file's rows mostly share one unit
	lastIsMoney  bool
	rules        *rowRules // checks across a row's cells (rules.go)
	keys         keyHasher // the natural key of accepted rows (dupkey.go)
}

// cellResult is one parsed cell: the value of its field's column, values
// it implies for other columns (a period's grain, a figure's qualifier),
// whether it was approximate, or why it is invalid. Kept per column so a
// district, date or partner repeated down a file is parsed once.
type cellResult struct {
	clean  string
	v      any
	extra  []colSet
	approx bool
	err    error
}

// lastCell is the previous cell of a column and what it parsed to.
type lastCell struct {
	raw string
	r   cellResult
	ok  bool
}

// colSet is a value for one table column.
type colSet struct {
	at int
	v  any
}

// maxMemo bounds each column's memo; past it, new cells are parsed afresh.
const maxMemo = 1 << 16

func newValidator(m Mapping, l *layout, al *vocab.Aliases, file, sheet string) *validator {
	home, _ := vocab.HomeCity("") // a load sets its own (see shape)
	v := &validator{m: m, l: l, aliases: al, file: file, sheet: sheet, places: &placeRules{home: home},
		fieldAt: make([]int, len(m.Columns)), memo: make([]map[string]cellResult, len(m.Columns)), last: make([]lastCell, len(m.Columns))}
	for i, c := range m.Columns {
		v.fieldAt[i] = -1
		if c.Field != nil {
			v.fieldAt[i] = l.at(c.Field.Column)
			if c.Field.Column == "value" {
				v.valueUnit, v.valueUnitAny = c.Unit, c.Unit
			}
		}
	}
	for _, k := range m.Kind.Key {
		v.keyAt = append(v.keyAt, l.at(k))
	}
	if q := l.at("qualifier"); q >= 0 {
		v.noQual = []colSet{{q, ""}}
	}
	v.rules = newRowRules(v)
	v.keys = newKeyHasher(m, l)
	return v
}

// parse parses one cell of mapping column i through the column's memo.
func (v *validator) parse(i int, col Column, raw string) cellResult {
	if col.Field.Type == Number {
		if f, ok := plainNumber(raw); ok { // most figures in bulk files: skip the full parser
			return cellResult{clean: raw, v: f, extra: v.noQual}
		}
	}
	last := &v.last[i]
	if last.ok && last.raw == raw {
		return last.r
	}
	m := v.memo[i]
	if r, ok := m[raw]; ok {
		*last = lastCell{raw, r, true}
		return r
	}
	r := cellResult{clean: vocab.CleanText(raw)}
	if vocab.IsBlank(r.clean) { // "-", "—", "/", "无": no value, as if empty
		r.clean = ""
	}
	if r.clean != "" {
		rec := Record{Values: map[string]any{}}
		r.err = convertCell(&rec, col, r.clean, v.aliases, v.places)
		r.approx = rec.Approx
		for name, val := range rec.Values {
			switch at := v.l.at(name); {
			case name == col.Field.Column:
				r.v = val
			case at >= 0:
				r.extra = append(r.extra, colSet{at, val})
			}
		}
	}
	if m == nil {
		m = map[string]cellResult{}
		v.memo[i] = m
	}
	if len(m) < maxMemo && col.Field.Type != Number && col.Field.Type != Money {
		m[strings.Clone(raw)] = r // figures rarely repeat: memoising them only costs
		*last = lastCell{raw, r, true}
	}
	return r
}

// plainNumber parses an unadorned ASCII decimal ("1234.5", "-3") quickly;
// anything else (units, qualifiers, Chinese numerals) goes to the full parser.
func plainNumber(s string) (float64, bool) {
	if s == "" || len(s) > 24 {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && c != '.' && !(c == '-' && i == 0) {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// convert fills vals (cleared first) from one row, or returns every error
// in it. approx reports a figure stated as approximate.
func (v *validator) convert(row read.Row, vals []any) (approx bool, errs []RowError) {
	clear(vals)
	unit := "" // the row's unit cell: targets convert by it but have no column to keep it
	for i, col := range v.m.Columns {
		if col.Field == nil {
			continue
		}
		cell := cellAt(row, col)
		r := v.parse(i, col, cell.Value)
		if r.clean == "" {
			if col.Field.Required {
				errs = append(errs, v.err(row, cell, col, r.clean, col.Field.Label+" is required (必填)"))
			}
			continue
		}
		if r.err != nil {
			errs = append(errs, v.err(row, cell, col, r.clean, r.err.Error()))
			continue
		}
		if at := v.fieldAt[i]; at >= 0 {
			vals[at] = r.v
		}
		if col.Field.Column == "unit" {
			unit, _ = r.v.(string)
		}
		for _, e := range r.extra {
			vals[e.at] = e.v
		}
		approx = approx || r.approx
	}
	if len(errs) == 0 {
		errs = v.rules.check(row, vals)
	}
	if len(errs) > 0 {
		return approx, errs
	}
	if e, bad := v.targetUnitMisfit(row, vals, unit); bad {
		return approx, []RowError{e}
	}
	v.keepExtra(row, vals)
	v.finish(vals, approx, unit)
	return approx, nil
}

func (v *validator) err(row read.Row, cell read.Cell, col Column, val, msg string) RowError {
	return RowError{File: v.file, Sheet: v.sheet, Line: row.Line, Col: col.Index + 1, ColName: cell.ColName, Header: col.Header, Value: val, Msg: msg}
}

// finish derives what needs several cells: money units on observations
// and targets, the observation status, the natural key, the approx flag.
func (v *validator) finish(vals []any, approx bool, unit string) {
	l := v.l
	if k := v.m.Kind.Code; k == "observation" || k == "target" {
		var boxed any // the unit to store, when it differs from the cell's
		if unit == "" {
			unit, boxed = v.valueUnit, v.valueUnitAny
		}
		if f, ok := v.yuanPer(unit); ok {
			vals[l.valueAt] = vocab.ScaleExact(vals[l.valueAt].(float64), f) // money in yuan, exact in decimal
			unit, boxed = "元", "元"
		}
		if l.unitAt >= 0 && boxed != nil { // targets keep no unit: their money is in yuan
			vals[l.unitAt] = boxed
		}
		if k == "observation" {
			vals[l.statusAt] = "accepted"
		}
	}
	if l.rowKeyAt >= 0 {
		vals[l.rowKeyAt] = rowKey(vals, v.keyAt)
	}
	if approx && l.approxAt >= 0 {
		vals[l.approxAt] = uint8(1)
	}
}

// yuanPer is vocab.YuanPer, remembered for the last unit asked.
func (v *validator) yuanPer(unit string) (float64, bool) {
	if unit != v.lastUnit { // the zero state already answers "" (no unit)
		v.lastUnit = unit
		v.lastYuan, v.lastIsMoney = vocab.YuanPer(unit)
	}
	return v.lastYuan, v.lastIsMoney
}

// rowKey joins the natural key's values with "|"; a key column the file
// cannot fill (at < 0, left out of the insert) counts as empty.
func rowKey(vals []any, keyAt []int) string {
	part := func(at int) string {
		if at < 0 {
			return ""
		}
		return keyPart(vals[at])
	}
	if len(keyAt) == 1 {
		return part(keyAt[0])
	}
	parts := make([]string, len(keyAt))
	for i, at := range keyAt {
		parts[i] = part(at)
	}
	return strings.Join(parts, "|")
}

func keyPart(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case time.Time:
		return x.Format("2006-01-02")
	case []string:
		return strings.Join(x, "、")
	default:
		return fmt.Sprint(x)
	}
}

// convertCell parses one non-empty cell into rec according to its field type.
func convertCell(rec *Record, col Column, raw string, al *vocab.Aliases, places *placeRules) error {
	f := col.Field
	set := func(v any) { rec.Values[f.Column] = v }
	switch f.Type {
	case Text:
		set(raw)
	case Money:
		fen, q, err := vocab.ParseMoney(raw, col.Unit)
		if err != nil {
			return err
		}
		rec.Approx = rec.Approx || q != vocab.Exact
		set(decimal.New(fen, -2))
	case DateDay, Period:
		p, err := vocab.ParseDate(raw)
		if err != nil {
			return err
		}
		set(p.Start)
		if f.Type == Period {
			rec.Values["grain"] = string(p.Grain)
		}
	case District:
		code, err := places.code(raw)
		if err != nil {
			return err
		}
		set(code)
	case Org:
		name, _ := al.Canonical(raw)
		set(name)
	case Orgs:
		set(splitOrgs(raw, al))
	case Level:
		l, err := vocab.ParseLevel(raw)
		if err != nil {
			return err
		}
		set(l)
	case Count:
		n, err := vocab.ParseNumber(raw)
		if err != nil {
			return err
		}
		if n.Value < 0 {
			return fmt.Errorf(negativeCount)
		}
		if n.Value != float64(uint32(n.Value)) {
			return fmt.Errorf("is not a whole number of people/items (应为非负整数)")
		}
		rec.Approx = rec.Approx || n.Qualifier != vocab.Exact
		set(uint32(n.Value))
	case Number:
		n, err := vocab.ParseNumber(strings.TrimSuffix(raw, "%"))
		if err != nil {
			return err
		}
		rec.Approx = rec.Approx || n.Qualifier != vocab.Exact
		set(n.Value)
		rec.Values["qualifier"] = string(n.Qualifier)
	case Bool:
		b, err := vocab.ParseYesNo(raw)
		if err != nil {
			return err
		}
		set(b)
	case CarrierKind:
		k, err := vocab.ParseCarrierKind(raw)
		if err != nil {
			return err
		}
		set(k)
	case Year:
		p, err := vocab.ParseDate(raw)
		if err != nil {
			return err
		}
		set(uint16(p.Start.Year()))
	case TalentKind:
		k, err := vocab.ParseTalentKind(raw)
		if err != nil {
			return err
		}
		set(k)
	}
	return nil
}
