package analytics

import (
	"context"
	"fmt"
	"sort"
	"strings"

	chsql "github.com/zibo-kj/corridor/sql"
)

// Node is an institution in the partner network.
type Node struct {
	ID     string  `json:"id"`
	Side   string  `json:"side"` // jinan (partner) or zibo (host, lead, recipient)
	Weight float64 `json:"weight"`
}

// Edge links a Jinan-side partner and a Zibo-side institution.
type Edge struct {
	Source    string  `json:"source"`
	Target    string  `json:"target"`
	Platforms int     `json:"platforms"`
	Projects  int     `json:"projects"`
	Funding   float64 `json:"funding"` // yuan paid from source to target
	Weight    float64 `json:"weight"`  // platforms + projects + 1 per 1,000,000 yuan
}

// Network is the partner network under a filter.
type Network struct {
	Nodes []Node `json:"nodes"`
	Edges []Edge `json:"edges"`
}

// Network builds institution ↔ institution edges from joint platforms
// (partner × host), joint projects (partner × lead) and funding (payer →
// recipient), keeping the top nodes by weight.
func (s *Service) Network(ctx context.Context, f Filter, maxNodes int) (*Network, error) {
	type part struct{ table, src, dst, val, date string }
	parts := []part{
		{"platforms_current", "arrayJoin(partners)", "host", "1", "established"},
		{"projects_current", "arrayJoin(partners)", "lead", "1", "start_date"},
		{"funding_current", "payer", "recipient", "toFloat64(amount)", "paid_on"},
	}
	q, args := "", []any{}
	for i, p := range parts {
		where, a := rangePreds(p.date, f)
		preds, pa, _ := f.predicates(p.table)
		where = append(where, preds...)
		a = append(a, pa...)
		if i > 0 {
			q += "\nUNION ALL\n"
		}
		q += fmt.Sprintf("SELECT '%s' AS t, %s AS s, %s AS d, toFloat64(sum(%s)) AS v FROM %s WHERE %s AND d != '' GROUP BY s, d HAVING s != ''", p.table, p.src, p.dst, p.val, p.table, joinAnd(where))
		args = append(args, a...)
	}
	var rows []struct {
		T string  `ch:"t"`
		S string  `ch:"s"`
		D string  `ch:"d"`
		V float64 `ch:"v"`
	}
	if err := s.Conn.Select(ctx, &rows, q, args...); err != nil {
		return nil, fmt.Errorf("analytics: network: %w", chsql.Wrap(err))
	}
	edges := map[[2]string]*Edge{}
	for _, r := range rows {
		e := edges[[2]string{r.S, r.D}]
		if e == nil {
			e = &Edge{Source: r.S, Target: r.D}
			edges[[2]string{r.S, r.D}] = e
		}
		switch r.T {
		case "platforms_current":
			e.Platforms += int(r.V)
		case "projects_current":
			e.Projects += int(r.V)
		default:
			e.Funding += r.V
		}
	}
	return trimNetwork(edges, maxNodes), nil
}

func trimNetwork(edges map[[2]string]*Edge, maxNodes int) *Network {
	weight := map[string]float64{}
	side := map[string]string{}
	for _, e := range edges {
		e.Weight = float64(e.Platforms+e.Projects) + e.Funding/1e6
		weight[e.Source] += e.Weight
		weight[e.Target] += e.Weight
		side[e.Source], side[e.Target] = "jinan", "zibo"
	}
	nodes := make([]Node, 0, len(weight))
	for id, w := range weight {
		nodes = append(nodes, Node{ID: id, Side: side[id], Weight: w})
	}
	sort.Slice(nodes, func(i, j int) bool {
		if nodes[i].Weight != nodes[j].Weight {
			return nodes[i].Weight > nodes[j].Weight
		}
		return nodes[i].ID < nodes[j].ID
	})
	if maxNodes > 0 && len(nodes) > maxNodes {
		nodes = nodes[:maxNodes]
	}
	keep := map[string]bool{}
	for _, n := range nodes {
		keep[n.ID] = true
	}
	out := &Network{Nodes: nodes, Edges: []Edge{}}
	for _, e := range edges {
		if keep[e.Source] && keep[e.Target] {
			out.Edges = append(out.Edges, *e)
		}
	}
	sort.Slice(out.Edges, func(i, j int) bool {
		if out.Edges[i].Weight != out.Edges[j].Weight {
			return out.Edges[i].Weight > out.Edges[j].Weight
		}
		return out.Edges[i].Source+out.Edges[i].Target < out.Edges[j].Source+out.Edges[j].Target
	})
	return out
}

// rangePreds bounds a date column by the filter's period.
func rangePreds(col string, f Filter) ([]string, []any) {
	where, args := []string{"1"}, []any{}
	if !f.From.IsZero() {
		where, args = append(where, col+" >= ?"), append(args, f.From)
	}
	if !f.To.IsZero() {
		where, args = append(where, col+" < ?"), append(args, f.To)
	}
	return where, args
}

func joinAnd(ps []string) string { return strings.Join(ps, " AND ") }
