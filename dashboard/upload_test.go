package dashboard_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http/httptest"
	"strings"
	"testing"
)

// upload posts a file to /data/upload as the signed-in client.
func (ts *testServer) upload(t *testing.T, name, content string, extra map[string]string) (int, string) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	_ = w.WriteField("csrf", ts.csrf)
	for k, v := range extra {
		_ = w.WriteField(k, v)
	}
	fw, _ := w.CreateFormFile("file", name)
	_, _ = io.WriteString(fw, content)
	_ = w.Close()
	req := httptest.NewRequest("POST", "/data/upload", &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Accept", "text/html")
	for _, c := range ts.cookies {
		req.AddCookie(c)
	}
	resp, err := ts.App().Test(req, 60_000)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// TestUploadLoadsRejectsAndWithdraws drives the bureau staff's web path:
// a good file loads, a bad one is rejected with row-level errors and loads
// nothing, and a load can be withdrawn.
func TestUploadLoadsRejectsAndWithdraws(t *testing.T) {
	ts := newServer(t, nil)
	code, body := ts.upload(t, "平台.csv", fxPlatforms, nil)
	if code != 200 || !strings.Contains(body, "loaded as") || !strings.Contains(body, "3 accepted") {
		t.Fatalf("good upload: %d %s", code, excerpt(body, "report"))
	}
	bad := strings.Replace(fxPlatforms, "淄川区", "淄州区", 1)
	code, body = ts.upload(t, "平台-错.csv", bad, map[string]string{"kind": "platform"})
	if code != 422 || !strings.Contains(body, "淄州区") || !strings.Contains(body, "淄川区") || !strings.Contains(body, "rejected") {
		t.Fatalf("bad upload: %d %s", code, excerpt(body, "report"))
	}
	code, body = ts.upload(t, "答复.txt", "2021年3月2日，淄博市政府与山东科技大学签约。我市与驻济高校共建平台30余个。", nil)
	if code != 200 || !strings.Contains(body, "30余个") {
		t.Fatalf("text upload: %d %s", code, excerpt(body, "review"))
	}
	// withdraw the first load
	var n uint64
	if err := ts.db.Conn.QueryRow(t.Context(), "SELECT count() FROM platforms_current").Scan(&n); err != nil || n != 3 {
		t.Fatalf("platforms_current %d %v", n, err)
	}
	var id string
	if err := ts.db.Conn.QueryRow(t.Context(), "SELECT source_id FROM sources FINAL WHERE kind = 'platform' AND status = 'committed'").Scan(&id); err != nil {
		t.Fatal(err)
	}
	resp := ts.do(t, "POST", "/data/withdraw", strings.NewReader("csrf="+ts.csrf+"&source="+id))
	if resp.StatusCode != 303 {
		t.Fatalf("withdraw: %d", resp.StatusCode)
	}
	if err := ts.db.Conn.QueryRow(t.Context(), "SELECT count() FROM platforms_current").Scan(&n); err != nil || n != 0 {
		t.Fatalf("after withdraw: %d rows %v", n, err)
	}
}

func excerpt(body, id string) string {
	if i := strings.Index(body, `id="`+id+`"`); i >= 0 {
		return body[i:min(len(body), i+1500)]
	}
	return body[:min(len(body), 1500)]
}
