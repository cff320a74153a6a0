package ingest

import (
	"fmt"
	"strings"

	"github.com/zibo-kj/corridor/ingest/read"
	"github.com/zibo-kj/corridor/vocab"
)

// shaped is a sheet made ready for the pipeline: its mapping, the rows to
// convert (the stream's own, or a wide table's unpivoted), the headers of
// those rows, and what the report must say about how they were read.
type shaped struct {
	m       Mapping
	rows    rowSource
	headers []string
	notes   []Note
	places  *placeRules
	wide    *wideRows // nil for a long table
}

// shape reads a sheet's context (title, fill-in lines, sheet and file
// name) and decides its layout: a wide table is unpivoted into
// observations, a long one mapped to its kind; either takes from the
// context what its columns leave out. Errors name the file and the fix.
func shape(st *read.Stream, o Options) (*shaped, error) {
	home, err := vocab.HomeCity(o.HomeCity)
	if err != nil {
		return nil, fmt.Errorf("ingest: --home-city: %w", err)
	}
	c := readContext(st.Skipped(), st.Sheet, st.File, home)
	sh := &shaped{rows: st, headers: st.Headers, places: &placeRules{home: home}}
	plan, err := planWide(st.Headers, o.Kind, c, o.District)
	if err != nil {
		return nil, inFile(err, st.File)
	}
	if plan != nil {
		sh.headers = plan.headers()
		if sh.m, err = MapHeaders(observationKind(), sh.headers); err != nil {
			return nil, err
		}
		sh.wide = &wideRows{src: st, plan: plan}
		sh.rows, sh.notes = sh.wide, plan.notes
		return sh, nil
	}
	sh.m, sh.notes, err = mapWithContext(st.Headers, o.Kind, c, o.District)
	if err != nil {
		return nil, inFile(err, st.File)
	}
	return sh, nil
}

// inFile names the file in an error: after a mapping error's own text,
// before a context error's.
func inFile(err error, file string) error {
	if strings.HasPrefix(err.Error(), "ingest: ") {
		return fmt.Errorf("%w (%s)", err, file)
	}
	return fmt.Errorf("ingest: %s: %w", file, err)
}

// doneNotes are the notes known once every row was read.
func (s *shaped) doneNotes() []Note {
	var out []Note
	if s.wide != nil {
		out = s.wide.doneNotes()
	}
	return append(out, s.places.notes()...)
}
