package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/ingest"
	"github.com/zibo-kj/corridor/vocab"
)

// reviewOne accepts (with the corrections of --set) or rejects one figure
// extracted from a text. Metric corrections name catalog codes or
// obs:PHRASE, resolved as the data page resolves them.
func reviewOne(ctx context.Context, s *store, id string, f ingestFlags) error {
	c, err := ingest.ParseCorrection(f.set)
	if err != nil {
		return usageError{fmt.Sprintf("--set: %v", err)}
	}
	if !c.Empty() && f.accept == "" {
		return usageError{"--set corrects a figure being accepted: use it with --accept"}
	}
	return ingest.ReviewWith(ctx, s.conn, id, f.accept != "", c, analytics.DefaultCatalog().ObservationName)
}

// textDate reads --date.
func textDate(s string) (vocab.Period, error) {
	if s == "" {
		return vocab.Period{}, nil
	}
	p, err := vocab.ParseDate(s)
	if err != nil {
		return p, usageError{fmt.Sprintf("--date %q: %v", s, err)}
	}
	return p, nil
}

// printTextFigures prints what loading a text would store, storing nothing.
func printTextFigures(o ingest.TextOptions, asJSON bool) error {
	figs, err := ingest.ExtractText(o)
	if err != nil {
		return err
	}
	if asJSON {
		b, _ := json.MarshalIndent(figs, "", "  ")
		fmt.Println(string(b))
		return nil
	}
	for _, g := range figs {
		period := g.Period
		if period == "" {
			period = "(no period)"
		}
		fmt.Printf("%s %s = %v %s %s  %s [%s] %s\n  「%s」\n", g.Metric, g.Span, g.Value, g.Unit, g.Qualifier, period, g.Dated, g.Place, g.Evidence)
	}
	fmt.Printf("%d figures (dry run: nothing stored)\n", len(figs))
	return nil
}
