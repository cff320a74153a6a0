package ingest

import (
	"fmt"
	"slices"
	"strings"

	"github.com/zibo-kj/corridor/ingest/read"
	"github.com/zibo-kj/corridor/vocab"
)

// placeHeader names the district column a sheet's context stands in for;
// every kind with a place field takes it as an alias.
const placeHeader = "区县"

// cellAt is a row's cell for a mapping column; a column filled from the
// sheet's context (Index -1) has the same cell on every row.
func cellAt(row read.Row, col Column) read.Cell {
	switch {
	case col.Index < 0:
		return read.Cell{Value: col.Fixed}
	case col.Index < len(row.Cells):
		return row.Cells[col.Index]
	}
	return read.Cell{}
}

// mapWithContext maps a long table's headers to a kind, then fills in
// from the sheet's context what the table leaves out: the district of a
// sheet without a district column (or --district, district) and the unit
// of money and value columns whose headers name none. Each is a note.
func mapWithContext(headers []string, kind string, c sheetContext, district string) (Mapping, []Note, error) {
	m, err := mappingFor(headers, kind)
	virtual := false
	if err != nil { // perhaps only a required place is missing, and the context has it
		m2, err2 := mappingFor(append(slices.Clip(headers), placeHeader), kind)
		last := len(m2.Columns) - 1
		if err2 != nil || last < 0 || m2.Columns[last].Field == nil || !m2.Columns[last].Field.Required {
			return m, nil, err
		}
		m, virtual = m2, true
		m.Columns[last].Index = -1
	}
	notes, perr := contextPlace(&m, c, district)
	if perr != nil {
		return m, nil, perr
	}
	if virtual && m.Columns[len(m.Columns)-1].Fixed == "" {
		return m, nil, fmt.Errorf("%w; or name the place in the title or with --district (或在标题中写明地区，或用 --district 指定)", err)
	}
	un, err := contextUnit(&m, c)
	return m, append(notes, un...), err
}

// contextPlace fills the place field of a mapping that has no column for
// it from the context, and refuses --district for a sheet that has one.
func contextPlace(m *Mapping, c sheetContext, district string) ([]Note, error) {
	at := -1
	for i, col := range m.Columns {
		if col.Field != nil && col.Field.Type == District {
			at = i
		}
	}
	if at < 0 {
		f := m.Kind.placeField()
		if f == nil {
			return nil, nil
		}
		m.Columns = append(m.Columns, Column{Index: -1, Header: placeHeader, Field: f})
		at = len(m.Columns) - 1
	}
	col := &m.Columns[at]
	if col.Index >= 0 {
		if strings.TrimSpace(district) != "" {
			return nil, fmt.Errorf("--district 只用于没有区县列的表；此表有“%s”列 (--district is for sheets without a district column; this one has %q)", col.Header, col.Header)
		}
		return nil, nil
	}
	pl, ok, err := c.place(district)
	if err != nil || !ok {
		if !col.Field.Required {
			m.Columns = m.Columns[:at] // nothing to fill: as before, no place
		}
		return nil, err
	}
	col.Fixed = pl.place.Code
	return placeNotes(col.Field, pl, c), nil
}

// placeNotes: 区县取自标题：淄川区, and how a bare 高新区 was read.
func placeNotes(f *Field, pl ctxPlace, c sheetContext) []Note {
	en := map[string]string{"district_code": "district", "place_code": "place"}[f.Column]
	n := Note{
		ZH: fmt.Sprintf("%s取自%s：%s", f.Label, pl.src.zh(), pl.place.Name),
		EN: fmt.Sprintf("%s taken from %s: %s", en, pl.src.en(), pl.place.Name),
	}
	if pl.src == fromFlag {
		n = Note{ZH: fmt.Sprintf("%s按 --district 指定：%s（%s）", f.Label, pl.place.Name, pl.place.Code),
			EN: fmt.Sprintf("%s set by --district: %s (%s)", en, pl.place.Name, pl.place.Code)}
	}
	if pl.viaHome {
		return []Note{n, zoneNote(c.home)}
	}
	return []Note{n}
}

// placeField is the kind's district or place field, nil if it has none.
func (k Kind) placeField() *Field {
	for i, f := range k.Fields {
		if f.Type == District {
			return &k.Fields[i]
		}
	}
	return nil
}

// contextUnit gives money and value columns whose headers name no unit
// the unit stated above the table; a unit that is no money unit (个)
// applies to value columns only.
func contextUnit(m *Mapping, c sheetContext) ([]Note, error) {
	var need []int
	for i, col := range m.Columns {
		if col.Field != nil && col.Unit == "" && (col.Field.Type == Money || col.Field.Column == "value") {
			need = append(need, i)
		}
	}
	if len(need) == 0 {
		return nil, nil
	}
	u, err := c.unit()
	if err != nil || u.unit == "" {
		return nil, err
	}
	_, money := vocab.MoneyUnit(u.unit)
	var labels []string
	for _, i := range need {
		if col := &m.Columns[i]; money || col.Field.Type != Money {
			col.Unit = u.unit
			labels = append(labels, col.Header)
		}
	}
	if len(labels) == 0 {
		return nil, nil
	}
	return []Note{unitNote(labels, u)}, nil
}

// unitNote: “金额”的单位取自表上方“单位：万元”：万元.
func unitNote(headers []string, u ctxUnit) Note {
	zh := "“" + strings.Join(headers, "”“") + "”"
	return Note{
		ZH: fmt.Sprintf("%s的单位取自表上方“%s”：%s", zh, u.written, u.unit),
		EN: fmt.Sprintf("unit of %s taken from %q above the table: %s", strings.Join(headers, ", "), u.written, u.unit),
	}
}
