package ingest

import (
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"strings"
	"time"

	"github.com/zibo-kj/corridor/ingest/read"
	"github.com/zibo-kj/corridor/vocab"
)

// viewKey lists the columns a kind's *_current view keeps one row per (see
// migrations 0002 and 0004): the kind's Key, after the columns the view
// also groups by — observations by metric, place, period and grain,
// targets by metric, place and year. Two rows of one file that agree on
// all of them are one record written twice: the view would silently show
// only one.
func viewKey(k Kind) []string {
	switch k.Code {
	case "observation":
		return append([]string{"metric", "place_code", "period_start", "grain"}, k.Key...)
	case "target":
		return []string{"metric", "place_code", "year"}
	}
	return k.Key
}

// keySeeds seed a load's key hashes; every worker of a load shares them,
// so equal keys hash equal whichever worker converted the row.
type keySeeds [2]maphash.Seed

func newKeySeeds() keySeeds { return keySeeds{maphash.MakeSeed(), maphash.MakeSeed()} }

// rowHash is a row's natural key as two independent 64-bit hashes: a
// false match among millions of rows is as likely as a disk error.
type rowHash [2]uint64

// keyHasher hashes the natural key of converted rows (one per worker).
type keyHasher struct {
	at  []int // key columns in the layout, -1 where the file cannot fill one
	col int   // the input column of the key's first field, -1 if none
	buf []byte
}

func newKeyHasher(m Mapping, l *layout) keyHasher {
	h := keyHasher{col: -1}
	for _, c := range viewKey(m.Kind) {
		h.at = append(h.at, l.at(c))
		for _, mc := range m.Columns {
			if mc.Field != nil && mc.Field.Column == c && h.col < 0 {
				h.col = mc.Index
			}
		}
	}
	return h
}

// add records an accepted row's key and line in c, and the reader's name
// of the key's column (B, 3) from the first such row.
func (h *keyHasher) add(c *chunk, row read.Row, vals []any, s keySeeds) {
	c.keys = append(c.keys, h.hash(vals, s))
	c.lines = append(c.lines, row.Line)
	if c.keyColName == "" && h.col >= 0 && h.col < len(row.Cells) {
		c.keyColName = row.Cells[h.col].ColName
	}
}

// hash hashes the key values of one converted row, each length-prefixed so
// that no two different keys write the same bytes.
func (h *keyHasher) hash(vals []any, s keySeeds) rowHash {
	b := h.buf[:0]
	for _, at := range h.at {
		var v any
		if at >= 0 {
			v = vals[at]
		}
		p := keyPart(v)
		b = binary.AppendUvarint(b, uint64(len(p)))
		b = append(b, p...)
	}
	h.buf = b
	return rowHash{maphash.Bytes(s[0], b), maphash.Bytes(s[1], b)}
}

// keyIndex remembers the line of every natural key a load has seen, to
// refuse a second row with the same key naming both lines.
type keyIndex struct {
	seen    map[rowHash]uint32
	cols    []keyCol // the key's columns, for the message
	grainAt int      // where a period's grain sits, -1 if nowhere
	col     Column   // the mapping column a duplicate is reported on
	file    string
	sheet   string
}

// keyCol is one column of the key: where it sits in a chunk, its name
// and how readers call it.
type keyCol struct {
	at           int
	column, name string
}

func newKeyIndex(m Mapping, l *layout, file, sheet string) *keyIndex {
	ki := &keyIndex{seen: map[rowHash]uint32{}, file: file, sheet: sheet, col: Column{Index: -1}, grainAt: l.at("grain")}
	for _, c := range viewKey(m.Kind) {
		kc := keyCol{at: l.at(c), column: c, name: c}
		for _, mc := range m.Columns {
			if mc.Field != nil && mc.Field.Column == c {
				kc.name = mc.Field.Label
				if ki.col.Index < 0 {
					ki.col = mc
				}
			}
		}
		if kc.at >= 0 && c != "grain" { // the grain shows in the period
			ki.cols = append(ki.cols, kc)
		}
	}
	return ki
}

// check records the keys of a chunk's accepted rows and returns an error
// for each row whose key an earlier row already had.
func (ki *keyIndex) check(c *chunk) []RowError {
	var errs []RowError
	for i, k := range c.keys {
		first, dup := ki.seen[k]
		if !dup {
			ki.seen[k] = uint32(c.lines[i])
			continue
		}
		key, value := ki.describe(c, i)
		errs = append(errs, RowError{File: ki.file, Sheet: ki.sheet, Line: c.lines[i], Col: ki.col.Index + 1, ColName: c.keyColName,
			Header: ki.col.Header, Value: value,
			Msg: fmt.Sprintf("has the same key as line %d (%s): one record written twice, and only one would be kept; merge the two rows into one, or correct the one that is wrong (与第%d行重复：同一记录只能填一行，请合并或更正)", first, key, first)})
	}
	return errs
}

// describe writes the key of row i of c for readers ("指标=…, 地区=张店区,
// 时期=2021Q1"), and the value of the column the error is reported on.
func (ki *keyIndex) describe(c *chunk, i int) (key, value string) {
	var grain vocab.Grain
	if ki.grainAt >= 0 {
		g, _ := c.bufs[ki.grainAt].at(i).(string)
		grain = vocab.Grain(g)
	}
	var parts []string
	for _, kc := range ki.cols {
		s := readableKeyPart(kc.column, c.bufs[kc.at].at(i), grain)
		if ki.col.Field != nil && kc.column == ki.col.Field.Column {
			value = s
		}
		if s != "" {
			parts = append(parts, kc.name+"="+s)
		}
	}
	return strings.Join(parts, ", "), value
}

// readableKeyPart writes one key value as a file would: place names for
// codes, periods as 2021Q1, days as 2021-03-02.
func readableKeyPart(column string, v any, grain vocab.Grain) string {
	switch x := v.(type) {
	case time.Time:
		if column == "period_start" && grain != "" {
			return vocab.Period{Start: x, Grain: grain}.String()
		}
		return x.Format("2006-01-02")
	case string:
		if column == "place_code" || column == "district_code" {
			for _, p := range vocab.Places() {
				if p.Code == x {
					return p.Name
				}
			}
		}
		return x
	}
	return keyPart(v)
}
