package ingest

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/shopspring/decimal"
	"github.com/zibo-kj/corridor/ingest/normalize"
	"github.com/zibo-kj/corridor/ingest/read"
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

// Error formats as file:sheet:line:column header "value": why.
func (e RowError) Error() string {
	var b strings.Builder
	b.WriteString("ingest: ")
	b.WriteString(e.File)
	if e.Sheet != "" {
		b.WriteString(":" + e.Sheet)
	}
	fmt.Fprintf(&b, ":%d", e.Line)
	if e.ColName != "" {
		b.WriteString(":" + e.ColName)
	}
	if e.Header != "" {
		fmt.Fprintf(&b, " %s", e.Header)
	}
	fmt.Fprintf(&b, " %q: %s", e.Value, e.Msg)
	return b.String()
}

// validator converts a table's rows with one mapping.
type validator struct {
	m       Mapping
	aliases *normalize.Aliases
	file    string
	sheet   string
	memo    map[int]map[string]cellResult // per column: raw cell → parsed, for values that repeat
}

// cellResult is one parsed cell, kept so that a district, date or partner
// repeated down a column is parsed once (it is most of the cost of a load).
type cellResult struct {
	clean  string
	values map[string]any
	approx bool
	err    error
}

// maxMemo bounds each column's memo; past it, cells are parsed afresh.
const maxMemo = 4096

// parse parses one cell through the column's memo.
func (v *validator) parse(col Column, raw string) cellResult {
	if col.Field.Type == Number {
		if f, ok := plainNumber(raw); ok { // most figures in bulk files: skip the full parser
			return cellResult{clean: raw, values: map[string]any{col.Field.Column: f, "qualifier": ""}}
		}
	}
	m := v.memo[col.Index]
	if r, ok := m[raw]; ok {
		return r
	}
	clean := normalize.CleanText(raw)
	rec := Record{Values: map[string]any{}}
	var r cellResult
	r.clean = clean
	if clean != "" {
		r.err = convertCell(&rec, col, clean, v.aliases)
		r.values, r.approx = rec.Values, rec.Approx
	}
	if m == nil {
		m = map[string]cellResult{}
		if v.memo == nil {
			v.memo = map[int]map[string]cellResult{}
		}
		v.memo[col.Index] = m
	}
	if len(m) < maxMemo && col.Field.Type != Number && col.Field.Type != Money {
		m[raw] = r // figures rarely repeat: memoising them only costs
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

// convert turns one row into a record, or returns every error in it.
func (v *validator) convert(row read.Row) (Record, []RowError) {
	rec := Record{Line: row.Line, Values: make(map[string]any, len(v.m.Columns)+4)}
	var errs []RowError
	failed := map[string]bool{}
	for _, col := range v.m.Columns {
		if col.Field == nil || col.Index >= len(row.Cells) {
			continue
		}
		cell := row.Cells[col.Index]
		r := v.parse(col, cell.Value)
		if r.clean == "" {
			if col.Field.Required {
				errs = append(errs, v.err(row, cell, col, r.clean, col.Field.Label+" is required (必填)"))
			}
			continue
		}
		if r.err != nil {
			errs = append(errs, v.err(row, cell, col, r.clean, r.err.Error()))
			failed[col.Field.Column] = true
			continue
		}
		for k, val := range r.values {
			rec.Values[k] = val
		}
		rec.Approx = rec.Approx || r.approx
	}
	for _, f := range v.m.Kind.Fields { // required fields whose column is shorter than the row
		if _, ok := rec.Values[f.Column]; f.Required && !ok && !failed[f.Column] && !mapped(v.m, f.Column) {
			errs = append(errs, RowError{File: v.file, Sheet: v.sheet, Line: row.Line, Header: f.Label, Msg: f.Label + " is required (必填)"})
		}
	}
	if len(errs) > 0 {
		return rec, errs
	}
	if err := finishRecord(v.m.Kind, &rec, v.m); err != nil {
		errs = append(errs, RowError{File: v.file, Sheet: v.sheet, Line: row.Line, Msg: err.Error()})
	}
	return rec, errs
}

// mapped reports whether some column of the mapping fills the field (its
// empty cells were already reported above).
func mapped(m Mapping, column string) bool {
	for _, c := range m.Columns {
		if c.Field != nil && c.Field.Column == column {
			return true
		}
	}
	return false
}

func (v *validator) err(row read.Row, cell read.Cell, col Column, val, msg string) RowError {
	return RowError{File: v.file, Sheet: v.sheet, Line: row.Line, Col: col.Index + 1, ColName: cell.ColName, Header: col.Header, Value: val, Msg: msg}
}

// finishRecord derives what needs several cells: the natural key, money
// units on observations, the observation status.
func finishRecord(k Kind, rec *Record, m Mapping) error {
	if k.Code == "observation" || k.Code == "target" {
		if err := observationUnits(rec, m); err != nil {
			return err
		}
		if k.Code == "observation" {
			rec.Values["status"] = "accepted"
		}
	}
	parts := make([]string, 0, len(k.Key))
	for _, c := range k.Key {
		parts = append(parts, keyPart(rec.Values[c]))
	}
	rec.Values["row_key"] = strings.Join(parts, "|")
	if rec.Approx {
		rec.Values["approx"] = uint8(1)
	}
	return nil
}

func keyPart(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case time.Time:
		return x.Format("2006-01-02")
	case []string:
		return strings.Join(x, "、")
	default:
		return fmt.Sprint(x)
	}
}

// moneyUnits converts money units to yuan for observation values.
var moneyUnits = map[string]float64{"元": 1, "千元": 1e3, "万元": 1e4, "百万元": 1e6, "亿元": 1e8, "万": 1e4, "亿": 1e8}

// observationUnits takes the unit from the unit column or the value
// column's header; money is stored in yuan, other units as written.
func observationUnits(rec *Record, m Mapping) error {
	unit, _ := rec.Values["unit"].(string)
	if unit == "" {
		for _, c := range m.Columns {
			if c.Field != nil && c.Field.Column == "value" {
				unit = c.Unit
			}
		}
	}
	if f, ok := moneyUnits[unit]; ok {
		rec.Values["value"] = rec.Values["value"].(float64) * f // money in yuan
		unit = "元"
	}
	rec.Values["unit"] = unit
	return nil
}

// convertCell parses one non-empty cell into rec according to its field type.
func convertCell(rec *Record, col Column, raw string, al *normalize.Aliases) error {
	f := col.Field
	set := func(v any) { rec.Values[f.Column] = v }
	switch f.Type {
	case Text:
		set(raw)
	case Money:
		fen, q, err := normalize.ParseMoney(raw, col.Unit)
		if err != nil {
			return err
		}
		rec.Approx = rec.Approx || q != normalize.Exact
		set(decimal.New(fen, -2))
	case DateDay, Period:
		p, err := normalize.ParseDate(raw)
		if err != nil {
			return err
		}
		set(p.Start)
		if f.Type == Period {
			rec.Values["grain"] = string(p.Grain)
		}
	case District:
		pl, ok := normalize.LookupPlace(raw)
		if !ok {
			if s := normalize.SuggestPlace(raw); s != "" {
				return fmt.Errorf("is not a known district; did you mean %s? (不是已知区县，是否为%s？)", s, s)
			}
			return fmt.Errorf("is not a known district or city (不是已知区县或城市)")
		}
		set(pl.Code)
	case Org:
		name, _ := al.Canonical(raw)
		set(name)
	case Orgs:
		set(splitOrgs(raw, al))
	case Level:
		l, err := normalize.ParseLevel(raw)
		if err != nil {
			return err
		}
		set(l)
	case Count:
		n, err := normalize.ParseNumber(raw)
		if err != nil {
			return err
		}
		if n.Value < 0 || n.Value != float64(uint32(n.Value)) {
			return fmt.Errorf("is not a whole number of people/items (应为非负整数)")
		}
		rec.Approx = rec.Approx || n.Qualifier != normalize.Exact
		set(uint32(n.Value))
	case Number:
		n, err := normalize.ParseNumber(strings.TrimSuffix(raw, "%"))
		if err != nil {
			return err
		}
		rec.Approx = rec.Approx || n.Qualifier != normalize.Exact
		set(n.Value)
		rec.Values["qualifier"] = string(n.Qualifier)
	case Bool:
		b, err := parseBool(raw)
		if err != nil {
			return err
		}
		set(b)
	case CarrierKind:
		k, err := parseCarrierKind(raw)
		if err != nil {
			return err
		}
		set(k)
	case Year:
		p, err := normalize.ParseDate(raw)
		if err != nil {
			return err
		}
		set(uint16(p.Start.Year()))
	case TalentKind:
		k, err := parseTalentKind(raw)
		if err != nil {
			return err
		}
		set(k)
	}
	return nil
}
