package index

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// defaultWeights is the editable, versioned default weights file. It is a
// string, not a []byte, so nothing can modify it at run time.
//
//go:embed default_weights.json
var defaultWeights string

// weightsFile is the on-disk shape: {"version": "2026-2", "base_period":
// "2018", "pillars": [...], "excluded": [...], "coupling": {...}}.
type weightsFile struct {
	Version    string          `json:"version"`
	BasePeriod string          `json:"base_period"`
	Pillars    []Pillar        `json:"pillars"`
	Excluded   []Excluded      `json:"excluded"`
	Coupling   *CouplingConfig `json:"coupling"`
}

// LoadWeights reads a versioned JSON weights file and validates it. Unknown
// fields are rejected (a misspelt "wieght" must not silently become 0), and
// each validation error names the pillar or indicator, the field and value.
// An empty base_period means DefaultBasePeriod. Options other than these
// keep their zero values, i.e. their defaults.
func LoadWeights(r io.Reader) (Config, error) {
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	var wf weightsFile
	if err := dec.Decode(&wf); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) { // its own text differs between Go versions
			return Config{}, fmt.Errorf("index: weights: field %q: want a %s, got a JSON %s", te.Field, te.Type, te.Value)
		}
		return Config{}, fmt.Errorf("index: weights: %w", err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return Config{}, errors.New("index: weights: trailing data after the JSON object")
	}
	if strings.TrimSpace(wf.Version) == "" {
		return Config{}, errors.New(`index: weights: field "version" is required`)
	}
	cfg := Config{Version: wf.Version, BasePeriod: wf.BasePeriod, Pillars: wf.Pillars, Excluded: wf.Excluded, Coupling: wf.Coupling}
	if errs := cfg.validateWeights(); len(errs) > 0 {
		head := fmt.Errorf("index: weights %q: invalid:", wf.Version)
		return Config{}, errors.Join(append([]error{head}, errs...)...)
	}
	return cfg, nil
}

// DefaultConfig returns the default method: the six pillars (platform 平台共建,
// project 项目合作, funding 资金投入, transfer 技术转移, talent 人才交流,
// ecosystem 创新生态) with equal weights, base year 2018, the candidates left
// out in the correlation step and the coupling model, read from the
// embedded default_weights.json. It panics only if that embedded file is invalid,
// which the package tests rule out.
func DefaultConfig() Config {
	cfg, err := LoadWeights(strings.NewReader(defaultWeights))
	if err != nil {
		panic("index: embedded default_weights.json: " + err.Error())
	}
	return cfg
}
