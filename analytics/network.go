package analytics

import (
	"context"
	"sort"
	"time"

	"github.com/zibo-kj/corridor/vocab"
)

// Node categories of the partner network.
const (
	CatPartner    = "partner"    // the partner side's universities and institutes (济南高校院所)
	CatEnterprise = "enterprise" // the home side's enterprises and hosts (淄博企业)
	CatGovernment = "government" // government bodies of any city or the province (政府部门)
)

// Node is an institution in the partner network.
type Node struct {
	ID       string  `json:"id"`
	Side     string  `json:"side"`     // jinan (partner, payer) or zibo (host, lead, recipient)
	Category string  `json:"category"` // CatPartner, CatEnterprise or CatGovernment
	Weight   float64 `json:"weight"`   // joint platforms + projects it takes part in
	// What its ties are made of, so a click can list the right records.
	Platforms int     `json:"platforms"`
	Projects  int     `json:"projects"`
	Paid      float64 `json:"paid"`     // yuan paid to the network's other nodes
	Received  float64 `json:"received"` // yuan received
}

// Edge links a Jinan-side partner and a Zibo-side institution.
type Edge struct {
	Source    string  `json:"source"`
	Target    string  `json:"target"`
	Platforms int     `json:"platforms"`
	Projects  int     `json:"projects"`
	Funding   float64 `json:"funding"`          // yuan paid from source to target
	Weight    float64 `json:"weight"`           // platforms + projects (funding is a measure of its own)
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
	home, err := vocab.HomeCity("")
	if err != nil {
		return nil, err
	}
	return trimNetwork(edges, maxNodes, home), nil
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

// maxGovNodes bounds the government bodies kept: they pay many
// enterprises, so a few of them would otherwise crowd out the partners.
const maxGovNodes = 6

// trimNetwork makes the nodes of edges, each in its category, and keeps
// the government bodies that pay most (up to maxGovNodes) and then the
// other nodes by joint platforms and projects, maxNodes in all (≤ 0: all).
func trimNetwork(edges map[[2]string]*Edge, maxNodes int, home vocab.Place) *Network {
	nodes := map[string]*Node{}
	node := func(id, side string) *Node {
		n := nodes[id]
		if n == nil {
			n = &Node{ID: id, Side: side}
			nodes[id] = n
		}
		return n
	}
	srcTies := map[string]int{}
	for _, e := range edges {
		e.Weight = float64(e.Platforms + e.Projects)
		s, d := node(e.Source, "jinan"), node(e.Target, "zibo")
		for _, n := range []*Node{s, d} {
			n.Weight += e.Weight
			n.Platforms += e.Platforms
			n.Projects += e.Projects
		}
		s.Paid += e.Funding
		d.Received += e.Funding
		srcTies[e.Source]++
	}
	var gov, rest []Node
	for _, n := range nodes {
		switch {
		case vocab.IsGovernmentBody(n.ID, home):
			n.Category = CatGovernment
		case srcTies[n.ID] > 0:
			n.Category, n.Side = CatPartner, "jinan"
		default:
			n.Category, n.Side = CatEnterprise, "zibo"
		}
		if n.Category == CatGovernment {
			gov = append(gov, *n)
		} else {
			rest = append(rest, *n)
		}
	}
	byFunding := func(a, b Node) bool { return a.Paid+a.Received > b.Paid+b.Received }
	sortNodes(gov, byFunding)
	sortNodes(rest, func(a, b Node) bool { return a.Weight > b.Weight || a.Weight == b.Weight && byFunding(a, b) })
	if len(gov) > maxGovNodes {
		gov = gov[:maxGovNodes]
	}
	// Each body kept keeps the institution it pays most (a branch
	// institute funded by the city has no count of its own to rank by).
	first := map[string]bool{}
	for _, g := range gov {
		best, most := "", 0.0
		for _, e := range edges {
			if e.Source == g.ID && e.Funding > most && nodes[e.Target].Category != CatGovernment {
				best, most = e.Target, e.Funding
			}
		}
		first[best] = best != ""
	}
	sort.SliceStable(rest, func(i, j int) bool { return first[rest[i].ID] && !first[rest[j].ID] })
	all := append(gov, rest...)
	if maxNodes > 0 && len(all) > maxNodes {
		all = all[:maxNodes]
	}
	sortNodes(all, func(a, b Node) bool { return a.Weight > b.Weight || a.Weight == b.Weight && byFunding(a, b) })
	keep := map[string]bool{}
	for _, n := range all {
		keep[n.ID] = true
	}
	out := &Network{Nodes: all, Edges: []Edge{}}
	for _, e := range edges {
		if keep[e.Source] && keep[e.Target] {
			out.Edges = append(out.Edges, *e)
		}
	}
	sort.Slice(out.Edges, func(i, j int) bool {
		a, b := out.Edges[i], out.Edges[j]
		if a.Weight != b.Weight {
			return a.Weight > b.Weight
		}
		if a.Funding != b.Funding {
			return a.Funding > b.Funding
		}
		return a.Source+a.Target < b.Source+b.Target
	})
	return out
}

// sortNodes orders nodes by before, then by name (a stable page).
func sortNodes(ns []Node, before func(a, b Node) bool) {
	sort.Slice(ns, func(i, j int) bool {
		if before(ns[i], ns[j]) {
			return true
		}
		if before(ns[j], ns[i]) {
			return false
		}
		return ns[i].ID < ns[j].ID
	})
}
