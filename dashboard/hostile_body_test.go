package dashboard_test

import (
	"bufio"
	"bytes"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/zibo-kj/corridor/dashboard/auth"
)

const boundary = "XHOSTILEBOUNDARY"

// multipartHead is the start of a multipart upload: the CSRF field (when
// tok is not empty) and the first 32 KiB of a file that never ends.
func multipartHead(tok string) string {
	var b strings.Builder
	if tok != "" {
		b.WriteString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n" + tok + "\r\n")
	}
	b.WriteString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\nContent-Type: text/csv\r\n\r\n")
	b.WriteString(strings.Repeat("平台名称,区县\n", 2048))
	return b.String()
}

// TestHostileOversizedBodies: large and odd request bodies from strangers
// and from users without the admin role are answered without being read
// (the server answers while most of the declared body was never sent):
// 413 over the route's limit (1 MiB, 64 MiB for the upload), 401/403 for an
// upload by anyone but an admin, 403 for a multipart body whose CSRF token
// an anonymous request hides inside it, 411 for chunked and 415 for
// compressed bodies. The connection is closed after each, and the server
// still answers.
func TestHostileOversizedBodies(t *testing.T) {
	ts := newServer(t, nil)
	addUser(t, ts.db, "viewer1", auth.Viewer)
	addUser(t, ts.db, "analyst1", auth.Analyst)
	addr := serveLive(t, ts.Server)
	users := map[string]*liveUser{"anon": {}}
	for _, n := range []string{"viewer1", "analyst1", "boss"} {
		users[n] = liveLogin(t, addr, n)
	}
	const mb = 1 << 20
	form := "application/x-www-form-urlencoded"
	multi := "multipart/form-data; boundary=" + boundary
	cases := []struct {
		name, who, method, path string
		declared                int64
		ctype                   string
		tokenIn                 string // "header", "body" or ""
		extra                   []string
		want                    int
	}{
		{"anonymous 10 MB login", "anon", "POST", "/login", 10 * mb, form, "", nil, 413},
		{"anonymous 10 MB logout", "anon", "POST", "/logout", 10 * mb, form, "", nil, 413},
		{"anonymous 10 MB to the API", "anon", "POST", "/api/v1/series", 10 * mb, form, "", nil, 413},
		{"anonymous 2 MB language switch", "anon", "POST", "/lang", 2 * mb, form, "", nil, 413},
		{"anonymous 10 MB body on GET /healthz", "anon", "GET", "/healthz", 10 * mb, form, "", nil, 413},
		{"anonymous 62 MB upload", "anon", "POST", "/data/upload", 62 * mb, multi, "", nil, 401},
		{"anonymous 70 MB upload, over the upload limit", "anon", "POST", "/data/upload", 70 * mb, multi, "", nil, 413},
		{"viewer 62 MB upload, token in the body", "viewer1", "POST", "/data/upload", 62 * mb, multi, "body", nil, 403},
		{"viewer 62 MB upload, token in the header", "viewer1", "POST", "/data/upload", 62 * mb, multi, "header", nil, 403},
		{"viewer 900 KB upload: role checked before the body is parsed", "viewer1", "POST", "/data/upload", 900 << 10, multi, "body", nil, 403},
		{"analyst 10 MB upload", "analyst1", "POST", "/data/upload", 10 * mb, multi, "header", nil, 403},
		{"viewer 10 MB login", "viewer1", "POST", "/login", 10 * mb, form, "header", nil, 413},
		{"viewer 10 MB to the API", "viewer1", "POST", "/api/v1/series", 10 * mb, form, "header", nil, 413},
		{"admin 2 MB withdraw: only the upload takes large bodies", "boss", "POST", "/data/withdraw", 2 * mb, form, "header", nil, 413},
		{"admin 10 MB logout", "boss", "POST", "/logout", 10 * mb, form, "header", nil, 413},
		{"anonymous 900 KB multipart login: token in the body is not parsed", "anon", "POST", "/login", 900 << 10, multi, "", nil, 403},
		{"anonymous 900 KB multipart language switch", "anon", "POST", "/lang", 900 << 10, multi, "", nil, 403},
		{"anonymous chunked login", "anon", "POST", "/login", -1, form, "", []string{"Transfer-Encoding", "chunked"}, 411},
		{"anonymous gzip-encoded login", "anon", "POST", "/login", 64 << 10, form, "", []string{"Content-Encoding", "gzip"}, 415},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			u := users[tc.who]
			hdr := append([]string{"Content-Type", tc.ctype, "Accept", "application/json"}, tc.extra...)
			if u.cookie != "" {
				hdr = append(hdr, "Cookie", u.cookie)
			}
			if tc.tokenIn == "header" {
				hdr = append(hdr, auth.CSRFHeader, u.csrf)
			}
			head := strings.Repeat("x", 32<<10)
			switch {
			case strings.HasPrefix(tc.ctype, "multipart/"):
				tok := ""
				if tc.tokenIn == "body" || tc.who == "anon" {
					tok = u.csrf + "anonymous-token-field"
				}
				head = multipartHead(tok)
			case tc.declared == -1:
				head = "8000\r\n" + head
			}
			resp, err := rawRequest(t, addr, tc.method, tc.path, tc.declared, head, hdr...)
			if err != nil {
				t.Fatalf("no answer while the body was still unsent (was it being read?): %v", err)
			}
			if resp.StatusCode != tc.want {
				t.Fatalf("%d, want %d", resp.StatusCode, tc.want)
			}
			if !resp.Close {
				t.Errorf("connection kept open with the body unread")
			}
			if !liveHealthy(addr) {
				t.Fatal("/healthz does not answer afterwards")
			}
		})
	}
}

// TestHostileUploadStillWorks: the plain upload form of the data page (the
// CSRF token in a form field) still loads a file for an admin, with a body
// above the 1 MiB limit of every other route.
func TestHostileUploadStillWorks(t *testing.T) {
	ts := newServer(t, nil)
	addr := serveLive(t, ts.Server)
	admin := liveLogin(t, addr, "boss")
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	_ = w.WriteField("csrf", admin.csrf)
	_ = w.WriteField("note", strings.Repeat("备注", 400<<10)) // 2.4 MB of padding
	fw, _ := w.CreateFormFile("file", "平台.csv")
	_, _ = io.WriteString(fw, fxPlatforms)
	_ = w.Close()
	size := buf.Len()
	req, _ := http.NewRequest("POST", admin.base+"/data/upload", &buf)
	req.Header.Set("Content-Type", w.FormDataContentType())
	req.Header.Set("Accept", "text/html")
	resp, err := admin.client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "导入 3 行") {
		t.Fatalf("admin upload of %d bytes: %d %s", size, resp.StatusCode, excerpt(string(body), "report"))
	}
}

// TestHostileUnreadBodyIsNotARequest: a handler that does not read a body
// (here /healthz) leaves it on the connection; the server must close the
// connection rather than read a request smuggled in the body's tail.
func TestHostileUnreadBodyIsNotARequest(t *testing.T) {
	ts := newServer(t, nil)
	addr := serveLive(t, ts.Server)
	smuggled := "GET /api/v1/metrics HTTP/1.1\r\nHost: x\r\nCookie: " + liveLogin(t, addr, "boss").cookie + "\r\n\r\n"
	body := strings.Repeat("a", 16<<10) + smuggled
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	_ = conn.SetDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.WriteString(conn, "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: "+strconv.Itoa(len(body))+"\r\n\r\n"+body); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(conn)
	first, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, first.Body)
	if second, err := http.ReadResponse(br, nil); err == nil {
		t.Fatalf("the body's tail was served as a request: %d", second.StatusCode)
	}
	if !liveHealthy(addr) {
		t.Fatal("/healthz does not answer afterwards")
	}
}
