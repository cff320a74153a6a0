package dashboard

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/zibo-kj/corridor/dashboard/auth"
	"github.com/zibo-kj/corridor/sql/adhoc"
)

// maxConsoleRows is the most rows one answer carries to a browser or a
// script; larger results come back cut, with "truncated" set.
const maxConsoleRows = 100_000

// queryRequest is the body of POST /api/v1/query.
type queryRequest struct {
	SQL    string                     `json:"sql"`
	Params map[string]json.RawMessage `json:"params"`
	Limits adhoc.Limits               `json:"limits"`
}

// runAudited runs req as the signed-in user on the console's pool, ended
// when the client goes away, and audits it, failed runs too. A run the
// engine refuses is answered here as JSON (refused is then true).
func (s *Server) runAudited(c *fiber.Ctx, req queryRequest, params map[string]string) (res adhoc.Result, refused bool, err error) {
	ctx, cancel := context.WithCancel(c.UserContext())
	defer cancel()
	defer watchClient(c, cancel)()
	run := adhoc.Request{SQL: req.SQL, Params: params, User: auth.CurrentUser(c).Name, Via: viaOf(c), Limits: req.Limits}
	started := time.Now()
	res, err = adhoc.Run(ctx, s.deps.Console, run)
	s.audit(c.UserContext(), run, res, started, err)
	if err != nil {
		p := adhoc.Explain(err)
		return res, true, c.Status(p.Status).JSON(fiber.Map{"error": p.Message(s.lang(c)), "problem": p, "query_id": res.QueryID})
	}
	return res, false, nil
}

// apiQuery runs one read statement for an analyst on the console's
// read-only pool (Deps.Console) and answers its result as JSON, or as a
// CSV or XLSX file with ?format=csv|xlsx (the console's downloads re-run the
// query). Every run is audited, failed ones too. The query ends when the
// client goes away.
func (s *Server) apiQuery(c *fiber.Ctx) error {
	if s.deps.Console == nil {
		return fiber.NewError(fiber.StatusServiceUnavailable, "SQL 控制台未配置 (console not configured)")
	}
	format := c.Query("format", "json")
	if format != "json" && format != "csv" && format != "xlsx" {
		return fiber.NewError(fiber.StatusBadRequest, "format: 应为 json、csv 或 xlsx (want json, csv or xlsx)")
	}
	req, params, err := parseQueryRequest(c.Body())
	if err != nil {
		return err
	}
	req.Limits.MaxRows = min(req.Limits.MaxRows, maxConsoleRows)
	res, refused, err := s.runAudited(c, req, params)
	if refused || err != nil {
		return err
	}
	switch format {
	case "csv":
		return sendFile(c, "query.csv", "text/csv; charset=utf-8", func(b *bytes.Buffer) error { return adhoc.WriteCSV(b, res) })
	case "xlsx":
		return sendFile(c, "query.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", func(b *bytes.Buffer) error { return adhoc.WriteXLSX(b, res) })
	}
	return c.JSON(res)
}

// parseQueryRequest reads the JSON body; parameter values may be strings,
// numbers, booleans or null, each sent to the server as text.
func parseQueryRequest(body []byte) (queryRequest, map[string]string, error) {
	var req queryRequest
	if err := json.Unmarshal(body, &req); err != nil {
		return req, nil, fiber.NewError(fiber.StatusBadRequest, "请求应为 JSON：{\"sql\": \"...\", \"params\": {...}} (want a JSON body)")
	}
	params := make(map[string]string, len(req.Params))
	for k, raw := range req.Params {
		v, err := paramText(raw)
		if err != nil {
			return req, nil, fiber.NewError(fiber.StatusBadRequest, fmt.Sprintf("参数 %s：%v (parameter %s: %v)", k, err, k, err))
		}
		params[k] = v
	}
	return req, params, nil
}

// paramText is a JSON value as the text a {name:Type} parameter takes:
// null is \N, the server's NULL.
func paramText(raw json.RawMessage) (string, error) {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return "", err
	}
	switch x := v.(type) {
	case nil:
		return `\N`, nil
	case string:
		return x, nil
	case json.Number:
		return x.String(), nil
	case bool:
		return fmt.Sprint(x), nil
	}
	return "", fmt.Errorf("应为字符串、数字、布尔值或 null (want a string, number, boolean or null)")
}

// viaOf tells the audit whether a script (API token) or a browser ran it.
func viaOf(c *fiber.Ctx) string {
	if auth.ByToken(c) {
		return "token"
	}
	return "web"
}

// sendFile answers a download built in memory (the result is already capped).
func sendFile(c *fiber.Ctx, name, mime string, write func(*bytes.Buffer) error) error {
	var b bytes.Buffer
	if err := write(&b); err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, mime)
	c.Set(fiber.HeaderContentDisposition, attachment(name))
	return c.Send(b.Bytes())
}
