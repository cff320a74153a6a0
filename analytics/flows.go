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

// Sankey levels and the names of what they fold.
const (
	OtherPayers     = "其他拨付单位"
	OtherRecipients = "其他接收单位"
	OtherIndustries = "其他产业"
	IndustryPrefix  = "产业·" // an industry node's name: a sankey needs distinct names per level
)

// FlowNode says what a sankey node stands for, so a click can list its
// records: its level (payer, recipient, industry) and the value of that
// dimension ("" for unclassified industry), or Other for a folded node.
type FlowNode struct {
	Name  string  `json:"name"`
	Level string  `json:"level"`
	Key   string  `json:"key"`
	Other bool    `json:"other,omitempty"`
	Value float64 `json:"value"` // yuan through the node
}

// Flows is a three-level sankey: payer → recipient → industry.
type Flows struct {
	Nodes  []string   `json:"nodes"`
	Info   []FlowNode `json:"node_info"` // one per node, in the order of Nodes
	Links  []Link     `json:"links"`
	Total  float64    `json:"total"`
	Approx bool       `json:"approx,omitempty"` // some flow includes figures stated as approximate
}

// Flows sums funding under f as payer → recipient → industry, keeping the
// top payers, recipients and industries (top each; ≤ 0: all) and folding
// the rest into 其他拨付单位, 其他接收单位 and 其他产业 so the chart stays legible.
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
			if r.Payer == "" {
				r.Payer = "未填写拨付单位"
			}
			rows = append(rows, r)
		}
	}
	byPayer, byRecipient, byIndustry := map[string]float64{}, map[string]float64{}, map[string]float64{}
	for _, r := range rows {
		byPayer[r.Payer] += r.V
		byRecipient[r.Recipient] += r.V
		byIndustry[r.Industry] += r.V
	}
	keepP, keepR, keepI := topKeys(byPayer, top), topKeys(byRecipient, top), topKeys(byIndustry, top)
	links := map[[2]string]float64{}
	approx := map[[2]string]bool{}
	info := map[string]*FlowNode{}
	node := func(name, level, key string, keep bool, other string, v float64) string {
		if !keep {
			name, key = other, ""
		}
		n := info[name]
		if n == nil {
			n = &FlowNode{Name: name, Level: level, Key: key, Other: !keep}
			info[name] = n
		}
		n.Value += v
		return name
	}
	out := &Flows{Links: []Link{}, Nodes: []string{}, Info: []FlowNode{}}
	for _, r := range rows {
		payer := node(r.Payer, "payer", r.Payer, keepP[r.Payer], OtherPayers, r.V)
		rec := node(r.Recipient, "recipient", r.Recipient, keepR[r.Recipient], OtherRecipients, r.V)
		ind := IndustryPrefix + r.Industry
		key := r.Industry
		if key == "未分类" {
			key = "" // flowsFactsSQL's name for records without one
		}
		ind = node(ind, "industry", key, keepI[r.Industry], OtherIndustries, r.V)
		links[[2]string{payer, rec}] += r.V
		links[[2]string{rec, ind}] += r.V
		out.Total += r.V
		if r.A > 0 {
			approx[[2]string{payer, rec}], approx[[2]string{rec, ind}] = true, true
			out.Approx = true
		}
	}
	for k, v := range links {
		out.Links = append(out.Links, Link{Source: k[0], Target: k[1], Value: v, Approx: approx[k]})
	}
	for name := range info {
		out.Nodes = append(out.Nodes, name)
	}
	sort.Strings(out.Nodes)
	for _, name := range out.Nodes {
		out.Info = append(out.Info, *info[name])
	}
	sort.Slice(out.Links, func(i, j int) bool {
		a, b := out.Links[i], out.Links[j]
		return a.Value > b.Value || a.Value == b.Value && a.Source+a.Target < b.Source+b.Target
	})
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
