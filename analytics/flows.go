package analytics

import (
	"context"
	"fmt"
	"sort"

	chsql "github.com/zibo-kj/corridor/sql"
)

// Link is one flow of money between two sankey nodes.
type Link struct {
	Source string  `json:"source"`
	Target string  `json:"target"`
	Value  float64 `json:"value"` // yuan
}

// Flows is a three-level sankey: payer → recipient → industry.
type Flows struct {
	Nodes []string `json:"nodes"`
	Links []Link   `json:"links"`
	Total float64  `json:"total"`
}

// Flows sums funding under f as payer → recipient → industry, folding
// recipients beyond the top N into "其他接收单位" so the chart stays legible.
func (s *Service) Flows(ctx context.Context, f Filter, top int) (*Flows, error) {
	where, args := rangePreds("paid_on", f)
	preds, pa, _ := f.predicates("funding_current")
	where = append(where, preds...)
	args = append(args, pa...)
	q := "SELECT payer, recipient, if(industry = '', '未分类', industry) AS industry, toFloat64(sum(amount)) AS v FROM funding_current WHERE " + joinAnd(where) + " GROUP BY payer, recipient, industry"
	var rows []struct {
		Payer     string  `ch:"payer"`
		Recipient string  `ch:"recipient"`
		Industry  string  `ch:"industry"`
		V         float64 `ch:"v"`
	}
	if err := s.Conn.Select(ctx, &rows, q, args...); err != nil {
		return nil, fmt.Errorf("analytics: flows: %w", chsql.Wrap(err))
	}
	byRecipient := map[string]float64{}
	for _, r := range rows {
		byRecipient[r.Recipient] += r.V
	}
	keep := topKeys(byRecipient, top)
	links := map[[2]string]float64{}
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
	}
	seen := map[string]bool{}
	for k, v := range links {
		out.Links = append(out.Links, Link{Source: k[0], Target: k[1], Value: v})
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
