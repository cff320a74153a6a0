package analytics

import (
	"context"
	"fmt"
	"reflect"

	chsql "github.com/zibo-kj/corridor/sql"
)

// Rows is a page of the records behind a number (drill-down).
type Rows struct {
	Metric  Metric   `json:"metric"`
	Columns []string `json:"columns"`
	Extra   []string `json:"extra_columns,omitempty"` // the last columns: extra attributes kept from the sheets (保留的附加属性)
	Rows    [][]any  `json:"rows"`
	Total   uint64   `json:"total"`
	Page    int      `json:"page"`
	Size    int      `json:"size"`
	Ignored []string `json:"ignored_filters,omitempty"`
}

// hiddenColumns are bookkeeping columns not shown in drill-downs.
var hiddenColumns = map[string]bool{"version": true, "row_key": true}

// Rows lists the records a metric counts under f, optionally narrowed to
// one group of a breakdown (by = value), newest first, one page at a time.
func (s *Service) Rows(ctx context.Context, code, by, value string, f Filter, page, size int) (*Rows, error) {
	ms, err := s.resolve(ctx, []string{code})
	if err != nil {
		return nil, err
	}
	m := ms[0]
	if by != "" && !hasGroup(m.Table, by) {
		return nil, &ParamError{"by", by, "not a dimension of " + m.Code}
	}
	countQ, listQ, args, ignored := rowsSQL(m, f, by, value, page, size)
	out := &Rows{Metric: m, Page: page, Size: size, Rows: [][]any{}, Ignored: ignored}
	if err := s.Conn.QueryRow(ctx, countQ, args...).Scan(&out.Total); err != nil {
		return nil, fmt.Errorf("analytics: rows: %w", chsql.Wrap(err))
	}
	rows, err := s.Conn.Query(ctx, listQ, args...)
	if err != nil {
		return nil, fmt.Errorf("analytics: rows: %w", chsql.Wrap(err))
	}
	defer rows.Close()
	cols := rows.Columns()
	types := rows.ColumnTypes()
	var keep []int
	extraAt := -1
	for i, c := range cols {
		switch {
		case c == extraColumn:
			extraAt = i
		case !hiddenColumns[c]:
			keep = append(keep, i)
			out.Columns = append(out.Columns, c)
		}
	}
	var extras []*attrs
	for rows.Next() {
		vals := make([]any, len(cols))
		for i, t := range types {
			vals[i] = reflect.New(t.ScanType()).Interface()
		}
		if extraAt >= 0 {
			a := &attrs{}
			vals[extraAt], extras = a, append(extras, a)
		}
		if err := rows.Scan(vals...); err != nil {
			return nil, fmt.Errorf("analytics: rows: %w", err)
		}
		rec := make([]any, 0, len(keep))
		for _, i := range keep {
			rec = append(rec, reflect.ValueOf(vals[i]).Elem().Interface())
		}
		out.Rows = append(out.Rows, rec)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("analytics: rows: %w", chsql.Wrap(err))
	}
	out.spreadExtra(extras)
	return out, nil
}
