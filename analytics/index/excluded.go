package index

import "fmt"

// Reasons a candidate indicator is left out of the pillars (Excluded.Reason).
// Both are double counting: the index would count the same events twice
// and rise by construction.
const (
	// ReasonCumulative: the indicator is the running total of the one kept
	// (its yearly additions), so each event would count in the year it
	// happens and again in every later year.
	ReasonCumulative = "cumulative"
	// ReasonPart: the indicator is a part of the one kept (fiscal funding
	// within total funding), so the part would count twice.
	ReasonPart = "part"
)

// Excluded is a candidate indicator left out in the correlation step, with
// the indicator of the same concept that is kept instead.
type Excluded struct {
	Code    string `json:"code"`
	NameZH  string `json:"name_zh,omitempty"`
	NameEN  string `json:"name_en,omitempty"`
	Instead string `json:"instead"`
	Reason  string `json:"reason"`
}

// validateExcluded checks that each exclusion names a candidate not in the
// pillars, an indicator kept instead that is in them, and a known reason.
func (c Config) validateExcluded() []error {
	in := map[string]bool{}
	for _, code := range c.flatten().codes {
		in[code] = true
	}
	var errs []error
	seen := map[string]bool{}
	for k, x := range c.Excluded {
		switch {
		case x.Code == "":
			errs = append(errs, fmt.Errorf("index: excluded[%d]: field \"code\" is empty", k))
		case in[x.Code]:
			errs = append(errs, fmt.Errorf("index: excluded %q: it is also an indicator of a pillar", x.Code))
		case seen[x.Code]:
			errs = append(errs, fmt.Errorf("index: excluded %q: duplicate", x.Code))
		}
		seen[x.Code] = true
		if !in[x.Instead] {
			errs = append(errs, fmt.Errorf("index: excluded %q: instead %q: not an indicator of a pillar", x.Code, x.Instead))
		}
		if x.Reason != ReasonCumulative && x.Reason != ReasonPart {
			errs = append(errs, fmt.Errorf("index: excluded %q: reason %q: want %q or %q", x.Code, x.Reason, ReasonCumulative, ReasonPart))
		}
	}
	return errs
}

// otherCodes are the data codes the configuration reads besides the pillar
// indicators: excluded candidates (for the correlation matrix) and the
// coupling subsystems' indicators.
func (c Config) otherCodes() []string {
	var out []string
	for _, x := range c.Excluded {
		out = append(out, x.Code)
	}
	if c.Coupling != nil {
		for _, s := range []Subsystem{c.Coupling.U1, c.Coupling.U2} {
			out = append(out, subsystemCodes(s)...)
		}
	}
	return out
}

// Codes lists every data code the configuration reads, pillar indicators
// first, each once: what a caller must put into Data.
func (c Config) Codes() []string {
	seen := map[string]bool{}
	var out []string
	for _, code := range append(c.flatten().codes, c.otherCodes()...) {
		if !seen[code] {
			seen[code] = true
			out = append(out, code)
		}
	}
	return out
}
