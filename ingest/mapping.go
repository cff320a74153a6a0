package ingest

import (
	"fmt"
	"sort"
	"strings"

	"github.com/zibo-kj/corridor/vocab"
)

// Column is one input column matched (or not) to a field.
type Column struct {
	Index  int    // 0-based position in the table
	Header string // header as written
	Unit   string // unit taken from the header, e.g. 万元 from 金额（万元）
	Field  *Field // nil when the column is unknown
	Fixed  string // the value of every row, from the sheet's context or an option, for a field the table has no column for (Index -1)
}

// Mapping is how a table's columns map to one kind's fields.
type Mapping struct {
	Kind    Kind
	Columns []Column
	Unknown []string      // headers that match no field: reported, never silently dropped
	Extra   []ExtraColumn // what becomes of the columns that match no field (see planExtra)
}

// headerKey normalises a header for alias comparison: unit removed, case,
// spaces, full-width forms and required-field stars folded.
func headerKey(h string) (key, unit string) {
	name, unit := vocab.UnitFromHeader(vocab.CleanText(h))
	name = strings.ToLower(strings.TrimSpace(strings.Trim(name, "*＊ ")))
	name = strings.NewReplacer(" ", "", "_", "", "-", "").Replace(name)
	return name, unit
}

// MapHeaders matches headers to a kind's fields. Two columns for one field
// or a missing required field are errors that name the headers.
func MapHeaders(k Kind, headers []string) (Mapping, error) {
	m := Mapping{Kind: k}
	taken := map[string]int{}
	for i, h := range headers {
		col := Column{Index: i, Header: h}
		for _, cand := range headerCandidates(h, headers) {
			if f := k.field(cand.key); f != nil {
				col.Field, col.Unit = f, cand.unit
				break
			}
		}
		if col.Field != nil {
			if j, dup := taken[col.Field.Column]; dup {
				return m, fmt.Errorf("ingest: columns %d (%q) and %d (%q) both map to %s", j+1, headers[j], i+1, h, col.Field.Label)
			}
			taken[col.Field.Column] = i
		} else if strings.TrimSpace(h) != "" {
			m.Unknown = append(m.Unknown, h)
		}
		m.Columns = append(m.Columns, col)
	}
	var missing []string
	for _, f := range k.Fields {
		if _, ok := taken[f.Column]; f.Required && !ok {
			missing = append(missing, fmt.Sprintf("%s (%s)", f.Label, strings.Join(f.Aliases[:min(3, len(f.Aliases))], "/")))
		}
	}
	if len(missing) > 0 {
		return m, fmt.Errorf("ingest: %s needs columns %s; the file has %s", k.NameZH, strings.Join(missing, ", "), quoteList(headers))
	}
	return m, nil
}

func (k Kind) field(key string) *Field {
	for i := range k.Fields {
		for _, a := range k.Fields[i].Aliases {
			if ak, _ := headerKey(a); ak == key {
				return &k.Fields[i]
			}
		}
	}
	return nil
}

// DetectKind picks the kind whose fields best match the headers: all its
// required fields present, then most fields matched, fewest unknown.
func DetectKind(headers []string) (Mapping, error) {
	type scored struct {
		m     Mapping
		score int
	}
	var ok []scored
	for _, k := range Kinds() {
		m, err := MapHeaders(k, headers)
		if err != nil {
			continue
		}
		ok = append(ok, scored{m, 2*(len(headers)-len(m.Unknown)) - len(m.Unknown)})
	}
	if len(ok) == 0 {
		return Mapping{}, fmt.Errorf("ingest: cannot tell the record kind from the headers %s; name it with --kind (%s)", quoteList(headers), KindCodes())
	}
	sort.SliceStable(ok, func(i, j int) bool { return ok[i].score > ok[j].score })
	if len(ok) > 1 && ok[0].score == ok[1].score {
		return Mapping{}, fmt.Errorf("ingest: the headers fit both %s and %s; name the kind with --kind", ok[0].m.Kind.Code, ok[1].m.Kind.Code)
	}
	return ok[0].m, nil
}

func quoteList(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return "[" + strings.Join(q, ", ") + "]"
}
