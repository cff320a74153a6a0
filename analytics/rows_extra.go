package analytics

import (
	"slices"

	"github.com/ClickHouse/clickhouse-go/v2/lib/column"
)

// extraColumn holds a record's extra attributes: the cells of the columns
// of its sheet that no field takes (负责人, 联系电话 …), header → text.
const extraColumn = "extra"

// attrs is one record's extra attributes as stored, in the sheet's column
// order (the driver fills any column.IterableOrderedMap pair by pair).
type attrs struct{ keys, vals []string }

// Put adds one attribute.
func (a *attrs) Put(key, value any) {
	k, _ := key.(string)
	v, _ := value.(string)
	a.keys, a.vals = append(a.keys, k), append(a.vals, v)
}

// Iterator walks the attributes in order.
func (a *attrs) Iterator() column.MapIterator { return &attrsIter{a: a, i: -1} }

type attrsIter struct {
	a *attrs
	i int
}

func (it *attrsIter) Next() bool { it.i++; return it.i < len(it.a.keys) }
func (it *attrsIter) Key() any   { return it.a.keys[it.i] }
func (it *attrsIter) Value() any { return it.a.vals[it.i] }

// spreadExtra shows the extra attributes as columns after the record's
// own: one per attribute name found on the page, empty where a record has
// none. extras[i] belongs to r.Rows[i].
func (r *Rows) spreadExtra(extras []*attrs) {
	r.Extra = extraOrder(extras)
	if len(r.Extra) == 0 {
		return
	}
	at := make(map[string]int, len(r.Extra))
	for i, k := range r.Extra {
		at[k] = i
	}
	r.Columns = append(r.Columns, r.Extra...)
	for i, a := range extras {
		cells := make([]any, len(r.Extra))
		for j := range cells {
			cells[j] = ""
		}
		for j, k := range a.keys {
			cells[at[k]] = a.vals[j]
		}
		r.Rows[i] = append(r.Rows[i], cells...)
	}
}

// extraOrder lists the attribute names of a page in the sheets' column
// order. Each record holds its names in its sheet's order but only those it
// has a cell for, so the order is pieced together from all of them: a name
// comes after every name that precedes it in some record; otherwise (or
// where sheets disagree) names keep the order they were first met in.
func extraOrder(extras []*attrs) []string {
	var names []string
	after := map[string][]string{} // name → names that must come first
	for _, a := range extras {
		for i, k := range a.keys {
			if !slices.Contains(names, k) {
				names = append(names, k)
			}
			if i > 0 && !slices.Contains(after[k], a.keys[i-1]) {
				after[k] = append(after[k], a.keys[i-1])
			}
		}
	}
	order := make([]string, 0, len(names))
	placed := map[string]bool{}
	for len(order) < len(names) {
		next := ""
		for _, k := range names { // the first name met whose predecessors are all placed
			if !placed[k] && !slices.ContainsFunc(after[k], func(p string) bool { return !placed[p] }) {
				next = k
				break
			}
		}
		if next == "" { // sheets disagree: the first name met not yet placed
			next = names[slices.IndexFunc(names, func(k string) bool { return !placed[k] })]
		}
		order, placed[next] = append(order, next), true
	}
	return order
}
