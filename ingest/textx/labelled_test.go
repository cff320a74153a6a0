package textx

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/zibo-kj/corridor/vocab"
)

// label is one hand-marked figure (or, with trap set, one non-figure) of a
// labelled text: see testdata/labelled/README.md for the format.
type label struct {
	a, b       int // byte range of the span in the stripped text
	span       string
	trap       bool
	value      float64
	unit, year string
	q          vocab.Qualifier
	metric     string
	place      string // area code
}

// labelledText is a text with its marks removed and the labels they held.
type labelledText struct {
	name, home, text string
	labels           []label
}

// readLabelled parses one labelled file.
func readLabelled(t *testing.T, path string) labelledText {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lt := labelledText{name: strings.TrimSuffix(filepath.Base(path), ".txt")}
	var body strings.Builder
	for _, line := range strings.SplitAfter(string(raw), "\n") {
		if h, ok := strings.CutPrefix(line, "#"); ok {
			if v, ok := strings.CutPrefix(strings.TrimSpace(h), "home:"); ok {
				lt.home = strings.TrimSpace(v)
			}
			continue
		}
		body.WriteString(line)
	}
	homeCode := placeCode(t, lt.home)
	var text strings.Builder
	rest := body.String()
	for {
		i := strings.Index(rest, "[[")
		if i < 0 {
			text.WriteString(rest)
			break
		}
		j := strings.Index(rest[i:], "]]")
		if j < 0 {
			t.Fatalf("%s: unclosed [[ at %q", path, rest[i:min(len(rest), i+40)])
		}
		text.WriteString(rest[:i])
		l := parseLabel(t, path, rest[i+2:i+j], homeCode)
		l.a = text.Len()
		text.WriteString(l.span)
		l.b = text.Len()
		lt.labels = append(lt.labels, l)
		rest = rest[i+j+2:]
	}
	lt.text = text.String()
	return lt
}

// parseLabel reads "span|value|unit|qualifier|year|metric|place" or "!span".
func parseLabel(t *testing.T, path, s, home string) label {
	t.Helper()
	if span, ok := strings.CutPrefix(s, "!"); ok {
		return label{span: span, trap: true}
	}
	f := strings.Split(s, "|")
	if len(f) < 6 || len(f) > 7 {
		t.Fatalf("%s: label %q: want 6 or 7 fields", path, s)
	}
	v, err := strconv.ParseFloat(f[1], 64)
	if err != nil {
		t.Fatalf("%s: label %q: value: %v", path, s, err)
	}
	l := label{span: f[0], value: v, unit: f[2], q: vocab.Qualifier(f[3]), year: f[4], metric: f[5], place: home}
	if len(f) == 7 && f[6] != "" {
		l.place = placeCode(t, f[6])
	}
	return l
}

func placeCode(t *testing.T, name string) string {
	t.Helper()
	p, ok := vocab.LookupPlace(name)
	if !ok {
		t.Fatalf("unknown place %q in a label", name)
	}
	return p.Code
}

// setScore counts a labelled set's figures and the extractor's answers.
type setScore struct {
	labels, found, right, cands, real, metric, place int
}

// score matches the figure candidates of one text to its labels by
// overlapping spans, one to one, and logs every miss, error and extra.
func (lt labelledText) score(t *testing.T, s *setScore) {
	var cands []Candidate
	for _, c := range Extract(lt.text, Options{HomePlace: lt.home}) {
		if c.Kind == "figure" { // dated signing events are not stated figures
			cands = append(cands, c)
		}
	}
	used := make([]bool, len(cands))
	for _, l := range lt.labels {
		if l.trap {
			continue
		}
		s.labels++
		ci := -1
		for i, c := range cands {
			if !used[i] && c.Offset < l.b && l.a < c.Offset+len(c.Span) {
				ci = i
				break
			}
		}
		if ci < 0 {
			t.Logf("%s MISSED %q (%s)", lt.name, l.span, around(lt.text, l.a, l.b))
			continue
		}
		used[ci] = true
		s.found++
		c := cands[ci]
		if why := l.wrong(c); why != "" {
			t.Logf("%s WRONG  %q: %s", lt.name, l.span, why)
		} else {
			s.right++
		}
		if c.Metric != "" && (strings.Contains(c.Metric, l.metric) || strings.Contains(l.metric, c.Metric)) {
			s.metric++
		} else {
			t.Logf("%s METRIC %q: %q, labelled %q", lt.name, l.span, c.Metric, l.metric)
		}
		if c.PlaceCode == l.place {
			s.place++
		}
	}
	s.cands += len(cands)
	for i, c := range cands {
		if used[i] {
			s.real++
			continue
		}
		t.Logf("%s FALSE  %q = %v %s (%s)", lt.name, c.Span, c.Value, c.Unit, around(lt.text, c.Offset, c.Offset+len(c.Span)))
	}
}

// wrong says what of value, unit, qualifier and year c gets wrong.
func (l label) wrong(c Candidate) string {
	var out []string
	if math.Abs(c.Value-l.value) > 1e-6*math.Max(1, math.Abs(l.value)) {
		out = append(out, fmt.Sprintf("value %v want %v", c.Value, l.value))
	}
	if c.Unit != l.unit {
		out = append(out, fmt.Sprintf("unit %q want %q", c.Unit, l.unit))
	}
	if c.Qualifier != l.q {
		out = append(out, fmt.Sprintf("qualifier %q want %q", c.Qualifier, l.q))
	}
	if y := c.Period[:min(4, len(c.Period))]; y != l.year { // 2022, 2022-06, 2022Q3 all belong to 2022
		out = append(out, fmt.Sprintf("period %q want %s", c.Period, l.year))
	}
	return strings.Join(out, ", ")
}

// around returns the span with a little text either side, for the log.
func around(text string, a, b int) string {
	s, e := a, b
	for n := 0; n < 12 && s > 0; n++ {
		s--
		for s > 0 && text[s]&0xC0 == 0x80 {
			s--
		}
	}
	for n := 0; n < 12 && e < len(text); n++ {
		e++
		for e < len(text) && text[e]&0xC0 == 0x80 {
			e++
		}
	}
	return strings.ReplaceAll(text[s:a]+"【"+text[a:b]+"】"+text[b:e], "\n", "⏎")
}

// TestLabelledSets scores Extract on the hand-labelled sets, each held to
// the targets: 0.95 found, 0.93 fully right (value, unit,
// qualifier, year) and 0.95 real. The tuning sets (tune, tune2, kept …
// kept7: each but tune was kept apart once, scored blind, then tuned on)
// say the extractor still does what it learnt; kept8 was scored once,
// blind, after all tuning, and is never tuned on: it is the held-out score.
// Tune with
//
//	go test -run 'TestLabelledSets/^(tune2?|kept[2-7]?)$' -v ./ingest/textx/
//
// and score all, for the record, with
//
//	go test -run TestLabelledSets -v ./ingest/textx/ | grep SCORE
func TestLabelledSets(t *testing.T) {
	type bar struct{ found, right, real float64 }
	targets := bar{0.95, 0.93, 0.95} // the issue's
	for _, set := range []string{"tune", "tune2", "kept", "kept2", "kept3", "kept4", "kept5", "kept6", "kept7", "kept8"} {
		t.Run(set, func(t *testing.T) {
			files, _ := filepath.Glob(filepath.Join("testdata", "labelled", set, "*.txt"))
			if len(files) < 10 {
				t.Fatalf("want at least 10 labelled texts in %s, found %d", set, len(files))
			}
			var s setScore
			for _, f := range files {
				readLabelled(t, f).score(t, &s)
			}
			found, right, real := ratio(s.found, s.labels), ratio(s.right, s.labels), ratio(s.real, s.cands)
			t.Logf("SCORE %-4s %d texts, %d figures: found %.3f, fully right %.3f, real %.3f (%d/%d); metric agrees %d/%d, place %d/%d",
				set, len(files), s.labels, found, right, real, s.real, s.cands, s.metric, s.found, s.place, s.found)
			if found < targets.found || right < targets.right || real < targets.real {
				t.Errorf("%s: found %.3f (want ≥ %.3f), fully right %.3f (want ≥ %.3f), real %.3f (want ≥ %.3f)",
					set, found, targets.found, right, targets.right, real, targets.real)
			}
		})
	}
}
