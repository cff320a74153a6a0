package dashboard

import (
	"context"
	"fmt"
	"strconv"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/ingest"
	"github.com/zibo-kj/corridor/vocab"
)

// reviewLimit is how many pending figures the data page lists.
const reviewLimit = 200

// reviewView is the data page's review queue: the figures extracted from
// texts that wait for a reviewer, each with a correction form.
type reviewView struct {
	Items []reviewItem
	// Metrics are the catalog metrics a figure can be mapped onto (those
	// read from observations), code and Chinese name.
	Metrics []metricChoice
	Error   string // why the last decision was refused
	// Qualifiers are the codes a reviewer may set ("" keeps the extracted one).
	Qualifiers []string
}

// reviewItem is one pending figure as the form shows it.
type reviewItem struct {
	ingest.Candidate
	PlaceName string
	ValueText string            // the value in plain digits, as the form takes it
	NoPeriod  bool              // cannot be accepted until a period is given
	Failed    bool              // the last decision on this figure was refused
	Form      map[string]string // what the reviewer entered, kept after a refusal
}

type metricChoice struct{ Code, Name string }

// correctionFields are the form fields of a correction, as ingest.Correction
// names them.
var correctionFields = []string{"value", "unit", "qualifier", "period", "metric", "place"}

// reviewContent reads the queue and the metrics it may be mapped onto.
func (s *Server) reviewContent(ctx context.Context) (reviewView, error) {
	v := reviewView{Qualifiers: []string{"exact", string(vocab.AtLeast), string(vocab.Approx), string(vocab.AtMost)}}
	q, err := ingest.ReviewQueue(ctx, s.deps.Reader, reviewLimit)
	if err != nil {
		return v, err
	}
	for _, c := range q {
		it := reviewItem{Candidate: c, PlaceName: c.Place, NoPeriod: c.Period == "", ValueText: strconv.FormatFloat(c.Value, 'f', -1, 64)}
		if p, ok := vocab.LookupPlace(c.Place); ok {
			it.PlaceName = p.Name
		}
		v.Items = append(v.Items, it)
	}
	for _, m := range s.an.Catalog.ObservationMetrics() {
		v.Metrics = append(v.Metrics, metricChoice{m.Code, m.NameZH})
	}
	return v, nil
}

// formCorrection reads a correction from the review form: empty fields keep
// what was extracted.
func formCorrection(c *fiber.Ctx) ingest.Correction {
	return ingest.Correction{Value: c.FormValue("value"), Unit: c.FormValue("unit"), Qualifier: c.FormValue("qualifier"),
		Period: c.FormValue("period"), Metric: c.FormValue("metric"), Place: c.FormValue("place")}
}

// reviewHandler accepts (with the corrections entered) or rejects a figure
// extracted from a text (admins). It goes through ingest.ReviewWith with the
// catalog's ObservationName, as `corridor ingest --accept ID --set …` does.
// A refused decision (a figure with no period, a value that is no number)
// shows the page again with the reason beside the figure and what was typed.
func (s *Server) reviewHandler(c *fiber.Ctx) error {
	decision, id := c.FormValue("decision"), c.FormValue("candidate")
	if decision != "accept" && decision != "reject" {
		return fiber.NewError(fiber.StatusBadRequest, fmt.Sprintf("decision %q: want accept or reject", decision))
	}
	var corr ingest.Correction
	if decision == "accept" {
		corr = formCorrection(c)
	}
	err := ingest.ReviewWith(c.UserContext(), s.deps.Conn, id, decision == "accept", corr, s.an.Catalog.ObservationName)
	if err == nil {
		return c.Redirect("/data#review", fiber.StatusSeeOther)
	}
	p := s.newPage(c, "data")
	d, derr := s.dataContent(c)
	if derr != nil {
		return derr
	}
	d.Rev.Error = err.Error()
	for i := range d.Rev.Items {
		if d.Rev.Items[i].ID == id {
			d.Rev.Items[i].Failed = true
			d.Rev.Items[i].Form = map[string]string{}
			for _, f := range correctionFields {
				d.Rev.Items[i].Form[f] = c.FormValue(f)
			}
		}
	}
	p.Data = d
	c.Status(fiber.StatusUnprocessableEntity)
	return s.render(c, "data", p)
}
