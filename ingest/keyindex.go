package ingest

import (
	"fmt"
	"math/bits"
)

// keyIndex finds the rows of one load that share a natural key. Checking
// each row against a map of every earlier key costs a cache miss a row —
// as much as sending the row to the engine — so the index keeps instead:
//   - every accepted row's key hash and line, appended in file order;
//   - a Bloom filter over the hashes, small enough to stay in cache, that
//     tells almost every new key from one possibly seen before;
//   - the rare rows whose key the filter may have seen (repeats, and about
//     one row in a hundred by chance), with their key written out for the
//     message while the row's values are at hand.
//
// At the end one pass over the list confirms the candidates and finds the
// line each repeats.
type keyIndex struct {
	bloom []uint64
	shift uint         // 64 − log2(len(bloom)): the top hash bits pick a word
	list  [][]keyEntry // in blocks of keyBlock: a list of millions is never copied to grow
	rows  int
	cands []keyCand

	cols    []keyCol // the key's columns, for the message
	grainAt int      // where a period's grain sits, -1 if nowhere
	col     Column   // the mapping column a duplicate is reported on
	colName string   // how the reader names that column (B, 3)
	file    string
	sheet   string
}

// keyEntry is one accepted row's key hash and line.
type keyEntry struct {
	h           uint64
	check, line uint32
}

// keyCand is a row whose key may repeat an earlier one.
type keyCand struct {
	keyEntry
	key, value string
	first      uint32 // the earlier line with the same key, 0 if none
}

// keyCol is one column of the key: where it sits in a chunk, its name
// and how readers call it.
type keyCol struct {
	at           int
	column, name string
}

// keyBlock is how many entries one block of the list holds (1 MiB).
const keyBlock = 1 << 16

// bloomBitsPerRow sizes the filter: with 4 bits set in one 64-bit word a
// key, about one new key in a hundred looks seen.
const bloomBitsPerRow = 16

func newKeyIndex(m Mapping, l *layout, file, sheet string) *keyIndex {
	ki := &keyIndex{file: file, sheet: sheet, col: Column{Index: -1}, grainAt: l.at("grain")}
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

// add records the keys of a chunk's accepted rows. share is the part of
// the input read so far: the first chunk sizes the filter for the rows it
// implies, and the filter doubles whenever the rows outgrow it.
func (ki *keyIndex) add(c *chunk, share float64) {
	if ki.bloom == nil {
		n := float64(len(c.keys))
		if share > 0 && share < 1 {
			n /= share
		}
		ki.size(int(min(n, 1<<26)))
	}
	if ki.colName == "" {
		ki.colName = c.keyColName
	}
	for i, k := range c.keys {
		e := keyEntry{h: k.h, check: k.check, line: uint32(c.lines[i])}
		if ki.testAndSet(k.h) {
			key, value := ki.describe(c, i)
			ki.cands = append(ki.cands, keyCand{keyEntry: e, key: key, value: value})
		}
		if ki.rows%keyBlock == 0 {
			ki.list = append(ki.list, make([]keyEntry, 0, keyBlock))
		}
		last := &ki.list[len(ki.list)-1]
		*last = append(*last, e)
		ki.rows++
		if ki.rows*bloomBitsPerRow > 64*len(ki.bloom) {
			ki.size(2 * ki.rows)
		}
	}
}

// size makes a filter for rows keys and puts the keys seen so far in it.
func (ki *keyIndex) size(rows int) {
	words := max(1<<10, 1<<bits.Len(uint(rows*bloomBitsPerRow/64)))
	ki.bloom = make([]uint64, words)
	ki.shift = uint(64 - bits.TrailingZeros(uint(words)))
	for _, b := range ki.list {
		for _, e := range b {
			ki.testAndSet(e.h)
		}
	}
}

// testAndSet marks h in the filter and reports whether it was marked.
func (ki *keyIndex) testAndSet(h uint64) bool {
	w := &ki.bloom[h>>ki.shift]
	mask := uint64(1)<<(h&63) | uint64(1)<<(h>>6&63) | uint64(1)<<(h>>12&63) | uint64(1)<<(h>>18&63)
	seen := *w&mask == mask
	*w |= mask
	return seen
}

// duplicates confirms the candidates in one pass over every key and
// returns an error for each row whose key an earlier row already had.
func (ki *keyIndex) duplicates() []RowError {
	if len(ki.cands) == 0 {
		return nil
	}
	byHash := make(map[uint64][]int, len(ki.cands))
	for i, c := range ki.cands {
		byHash[c.h] = append(byHash[c.h], i)
	}
	for _, b := range ki.list {
		for _, e := range b {
			for _, i := range byHash[e.h] {
				c := &ki.cands[i]
				if e.check == c.check && e.line < c.line && (c.first == 0 || e.line < c.first) {
					c.first = e.line
				}
			}
		}
	}
	var errs []RowError
	for _, c := range ki.cands {
		if c.first == 0 {
			continue // the filter's false alarm, or two keys sharing 64 bits
		}
		errs = append(errs, RowError{File: ki.file, Sheet: ki.sheet, Line: int(c.line), Col: ki.col.Index + 1, ColName: ki.colName,
			Header: ki.col.Header, Value: c.value,
			Msg: fmt.Sprintf("has the same key as line %d (%s): one record written twice, and only one would be kept; merge the two rows into one, or correct the one that is wrong (与第%d行重复：同一记录只能填一行，请合并或更正)", c.first, c.key, c.first)})
	}
	return errs
}
