package ingest

import (
	"strings"
	"time"

	"github.com/zibo-kj/corridor/vocab"
)

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
