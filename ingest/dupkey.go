package ingest

import (
	"encoding/binary"
	"hash/maphash"
	"time"

	"github.com/zibo-kj/corridor/ingest/read"
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

// rowHash is a row's natural key hashed twice, independently: 64 bits
// find the key in the index, 32 more confirm it, so a false match among
// millions of rows is as likely as a disk error.
type rowHash struct {
	h     uint64
	check uint32
}

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
// that no two different keys write the same bytes. A missing value hashes
// as an empty one, as row_key treats it; dates hash as their seconds.
func (h *keyHasher) hash(vals []any, s keySeeds) rowHash {
	b := h.buf[:0]
	for _, at := range h.at {
		var v any
		if at >= 0 {
			v = vals[at]
		}
		b = appendKeyPart(b, v)
	}
	h.buf = b
	return rowHash{maphash.Bytes(s[0], b), uint32(maphash.Bytes(s[1], b))}
}

// appendKeyPart appends one length-prefixed key value without allocating
// for the types keys hold.
func appendKeyPart(b []byte, v any) []byte {
	switch x := v.(type) {
	case nil:
		return binary.AppendUvarint(b, 0)
	case string:
		b = binary.AppendUvarint(b, uint64(len(x)))
		return append(b, x...)
	case time.Time:
		b = binary.AppendUvarint(b, 8)
		return binary.LittleEndian.AppendUint64(b, uint64(x.Unix()))
	case uint16:
		b = binary.AppendUvarint(b, 2)
		return binary.LittleEndian.AppendUint16(b, x)
	case []string:
		b = binary.AppendUvarint(b, uint64(len(x)))
		for _, e := range x {
			b = appendKeyPart(b, e)
		}
		return b
	}
	p := keyPart(v)
	b = binary.AppendUvarint(b, uint64(len(p)))
	return append(b, p...)
}
