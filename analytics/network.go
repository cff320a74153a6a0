package analytics

import (
	"context"
	"sort"
	"time"
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
	Funding   float64 `json:"funding"`          // yuan paid from source to target
	Weight    float64 `json:"weight"`           // platforms + projects + 1 per 1,000,000 yuan
	Approx    bool    `json:"approx,omitempty"` // includes figures stated as approximate
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
	gran := factGrain(f)
	all, err := readFacts(ctx, s, "network by "+gran, f, func() (string, []any) { return networkFactsSQL(gran, f) }, func(x *networkFact) { x.At = x.At.UTC() })
	if err != nil {
		return nil, err
	}
	pl := placesOf(f)
	edges := map[[2]string]*Edge{}
	for _, r := range all {
		if !pl.keep(r.Place) || !(fact{At: r.At, G: r.G}).within(f.From, f.To) {
			continue
		}
		e := edges[[2]string{r.S, r.D}]
		if e == nil {
			e = &Edge{Source: r.S, Target: r.D}
			edges[[2]string{r.S, r.D}] = e
		}
		e.Approx = e.Approx || r.A > 0
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

// networkFact is one tie's count or sum in one time cell and place.
type networkFact struct {
	T     string    `ch:"t"`
	S     string    `ch:"s"`
	D     string    `ch:"d"`
	At    time.Time `ch:"at"`
	Place string    `ch:"place"`
	G     string    `ch:"g"`
	V     float64   `ch:"v"`
	A     uint8     `ch:"a"`
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
