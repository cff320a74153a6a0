package analytics

import (
	"context"
	"sort"
	"time"
)

// Link is one flow of money between two sankey nodes.
type Link struct {
	Source string  `json:"source"`
	Target string  `json:"target"`
	Value  float64 `json:"value"`            // yuan
	Approx bool    `json:"approx,omitempty"` // includes figures stated as approximate
}

// flowFact is one payer → recipient → industry sum in one time cell and place.
type flowFact struct {
	Payer     string    `ch:"payer"`
	Recipient string    `ch:"recipient"`
	Industry  string    `ch:"industry"`
	At        time.Time `ch:"at"`
	Place     string    `ch:"place"`
	G         string    `ch:"g"`
	V         float64   `ch:"v"`
	A         uint8     `ch:"a"`
}

// Flows is a three-level sankey: payer → recipient → industry.
type Flows struct {
	Nodes  []string `json:"nodes"`
	Links  []Link   `json:"links"`
	Total  float64  `json:"total"`
	Approx bool     `json:"approx,omitempty"` // some flow includes figures stated as approximate
}

// Flows sums funding under f as payer → recipient → industry, folding
// recipients beyond the top N into "其他接收单位" so the chart stays legible.
func (s *Service) Flows(ctx context.Context, f Filter, top int) (*Flows, error) {
	gran := factGrain(f)
	all, err := readFacts(ctx, s, "flows by "+gran, f, func() (string, []any) { return flowsFactsSQL(gran, f) }, func(x *flowFact) { x.At = x.At.UTC() })
	if err != nil {
		return nil, err
	}
	pl := placesOf(f)
	var rows []flowFact
	for _, r := range all {
		if pl.keep(r.Place) && (fact{At: r.At, G: r.G}).within(f.From, f.To) {
			rows = append(rows, r)
		}
	}
	byRecipient := map[string]float64{}
	for _, r := range rows {
		byRecipient[r.Recipient] += r.V
	}
	keep := topKeys(byRecipient, top)
	links := map[[2]string]float64{}
	approx := map[[2]string]bool{}
	out := &Flows{Links: []Link{}, Nodes: []string{}}
	for _, r := range rows {
		rec := r.Recipient
		if !keep[rec] {
			rec = "其他接收单位"
		}
		payer := r.Payer
		if payer == "" {
			payer = "未填写拨付单位"
		}
		// A sankey needs distinct names per level: an industry named like an org would loop.
		links[[2]string{payer, rec}] += r.V
		links[[2]string{rec, "产业·" + r.Industry}] += r.V
		out.Total += r.V
		if r.A > 0 {
			approx[[2]string{payer, rec}], approx[[2]string{rec, "产业·" + r.Industry}] = true, true
			out.Approx = true
		}
	}
	seen := map[string]bool{}
	for k, v := range links {
		out.Links = append(out.Links, Link{Source: k[0], Target: k[1], Value: v, Approx: approx[k]})
		for _, n := range k {
			if !seen[n] {
				seen[n] = true
				out.Nodes = append(out.Nodes, n)
			}
		}
	}
	sort.Strings(out.Nodes)
	sort.Slice(out.Links, func(i, j int) bool { return out.Links[i].Value > out.Links[j].Value })
	return out, nil
}

func topKeys(m map[string]float64, n int) map[string]bool {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] || m[keys[i]] == m[keys[j]] && keys[i] < keys[j] })
	out := map[string]bool{}
	for i, k := range keys {
		if n <= 0 || i < n {
			out[k] = true
		}
	}
	return out
}
