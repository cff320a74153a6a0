package analytics

import (
	"fmt"
	"strings"
	"time"

	"github.com/zibo-kj/corridor/vocab"
)

// Filter narrows every analytic: a period [From, To), a grain and dimensions.
type Filter struct {
	From      time.Time `json:"from"` // zero: from the first record
	To        time.Time `json:"to"`   // exclusive; zero: through the last record
	Grain     string    `json:"grain"`
	Districts []string  `json:"districts,omitempty"` // area codes; a city expands to its districts
	Partner   string    `json:"partner,omitempty"`   // canonical organisation name
	Industry  string    `json:"industry,omitempty"`
	Level     string    `json:"level,omitempty"` // national, provincial, municipal, district
	Kind      string    `json:"kind,omitempty"`
	// IncludeSample shows sample loads (示例数据) beside real ones; without
	// it they are shown only while no real load exists (see sample.go).
	IncludeSample bool `json:"include_sample,omitempty"`
}

// ParamError names the bad parameter and what would be allowed.
type ParamError struct {
	Param, Value, Msg string
}

func (e *ParamError) Error() string {
	return fmt.Sprintf("parameter %s=%q: %s", e.Param, e.Value, e.Msg)
}

// Grains allowed, finest first.
var Grains = []string{"month", "quarter", "year"}

// ParseFilter reads a filter from named parameters (URL query values).
func ParseFilter(get func(string) string, al *vocab.Aliases) (Filter, error) {
	f := Filter{Grain: get("grain")}
	if f.Grain == "" {
		f.Grain = "year"
	}
	if !contains(Grains, f.Grain) {
		return f, &ParamError{"grain", f.Grain, "want one of " + strings.Join(Grains, ", ")}
	}
	var err error
	if v := get("from"); v != "" {
		p, perr := vocab.ParseDate(v)
		if perr != nil {
			return f, &ParamError{"from", v, "not a period: use 2021, 2021Q1, 2021-03 or 2021-03-02"}
		}
		f.From = p.Start
	}
	if v := get("to"); v != "" {
		p, perr := vocab.ParseDate(v)
		if perr != nil {
			return f, &ParamError{"to", v, "not a period: use 2025, 2025Q4, 2025-12 or 2025-12-31"}
		}
		f.To = p.End().AddDate(0, 0, 1) // "to=2025" includes all of 2025
	}
	if !f.From.IsZero() && !f.To.IsZero() && !f.From.Before(f.To) {
		return f, &ParamError{"to", get("to"), "must not be before from=" + get("from")}
	}
	if f.Districts, err = parsePlaces(get("district"), get("city")); err != nil {
		return f, err
	}
	if v := get("partner"); v != "" {
		f.Partner, _ = al.Canonical(v)
	}
	f.Industry = strings.TrimSpace(get("industry"))
	if v := get("level"); v != "" {
		if f.Level, err = vocab.ParseLevel(v); err != nil {
			return f, &ParamError{"level", v, "want national, provincial, municipal or district (" + vocab.LevelChoices() + ")"}
		}
	}
	if v := strings.TrimSpace(get("kind")); v != "" {
		f.Kind = carrierKindCode(v)
	}
	switch v := get("sample"); v {
	case "":
	case "include":
		f.IncludeSample = true
	default:
		return f, &ParamError{"sample", v, "want include (show sample data, 示例数据, beside real data) or leave it out"}
	}
	return f, nil
}

// parsePlaces resolves comma-separated district and city names or codes.
func parsePlaces(districts, city string) ([]string, error) {
	var out []string
	for _, param := range []struct{ name, v string }{{"district", districts}, {"city", city}} {
		for _, s := range strings.FieldsFunc(param.v, func(r rune) bool { return r == ',' || r == '，' || r == '、' }) {
			p, ok := vocab.LookupPlace(s)
			if !ok {
				msg := "not a known district or city"
				if sug := vocab.SuggestPlace(s); sug != "" {
					msg += "; did you mean " + sug + "?"
				}
				return nil, &ParamError{param.name, s, msg}
			}
			out = append(out, expandCity(p)...)
		}
	}
	return out, nil
}

// expandCity turns a city into itself and its districts, so a city filter
// covers rows recorded at either level.
func expandCity(p vocab.Place) []string {
	if p.Level != "city" {
		return []string{p.Code}
	}
	out := []string{p.Code}
	for _, d := range vocab.Places() {
		if d.Level == "district" && d.City == p.Name {
			out = append(out, d.Code)
		}
	}
	return out
}

// carrierKindCode reads a kind filter written as a code or a name; other
// kinds (a platform's 研究院) are compared as written.
func carrierKindCode(s string) string {
	if t, ok := vocab.FindTerm(vocab.CarrierKinds(), s, false); ok {
		return t.Code
	}
	return s
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// values returns the filter's set dimensions and their values.
func (f Filter) values() map[string]any {
	out := map[string]any{}
	if len(f.Districts) > 0 {
		out["district"] = f.Districts
	}
	for k, v := range map[string]string{"partner": f.Partner, "industry": f.Industry, "level": f.Level, "kind": f.Kind} {
		if v != "" {
			out[k] = v
		}
	}
	return out
}
