package assets

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/gofiber/fiber/v2"
)

func testApp() *fiber.App {
	app := fiber.New(fiber.Config{DisableStartupMessage: true})
	Register(app)
	return app
}

// get requests path with headers (name, value pairs) and returns the
// response and its body.
func get(t *testing.T, app *fiber.App, method, path string, headers ...string) (*http.Response, []byte) {
	t.Helper()
	req := httptest.NewRequest(method, path, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := app.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, body
}

func TestServeContentTypesAndCaching(t *testing.T) {
	app := testApp()
	for name, ctype := range map[string]string{
		"echarts.min.js":                          "text/javascript; charset=utf-8",
		"maps/shandong.js":                        "text/javascript; charset=utf-8",
		"maps/shan1_dong1_zi1_bo2.js":             "text/javascript; charset=utf-8",
		"fonts/noto-sans-sc.css":                  "text/css; charset=utf-8",
		"static/app.css":                          "text/css; charset=utf-8",
		"fonts/noto-sans-sc-119-400-normal.woff2": "font/woff2",
		"LICENSES/echarts-6-LICENSE.txt":          "text/plain; charset=utf-8",
	} {
		resp, body := get(t, app, http.MethodGet, URL(name))
		if resp.StatusCode != http.StatusOK {
			t.Errorf("%s: status %d", name, resp.StatusCode)
			continue
		}
		if got := resp.Header.Get("Content-Type"); got != ctype {
			t.Errorf("%s: Content-Type %q, want %q", name, got, ctype)
		}
		if got := resp.Header.Get("Cache-Control"); got != "public, max-age=31536000, immutable" {
			t.Errorf("%s: Cache-Control %q", name, got)
		}
		etag := resp.Header.Get("ETag")
		if len(etag) < 10 || etag[0] != '"' {
			t.Errorf("%s: ETag %q", name, etag)
		}
		if resp.Header.Get("Content-Encoding") != "" || !bytes.Equal(body, index().files[name].data) {
			t.Errorf("%s: identity body differs from the embedded file", name)
		}
		resp, body = get(t, app, http.MethodGet, URL(name), "If-None-Match", etag)
		if resp.StatusCode != http.StatusNotModified || len(body) != 0 {
			t.Errorf("%s: If-None-Match gave %d with %d bytes", name, resp.StatusCode, len(body))
		}
	}
}

func TestServeCompressed(t *testing.T) {
	app := testApp()
	for _, name := range []string{"echarts.min.js", "maps/shandong.js", "fonts/noto-sans-sc.css"} {
		raw := index().files[name].data
		etags := map[string]bool{}
		for _, tc := range []struct{ accept, want string }{
			{"gzip, deflate, br, zstd", "br"},
			{"gzip, deflate", "gzip"},
			{"br;q=0.5, gzip;q=0.8", "gzip"},
			{"br;q=0, *", "gzip"},
			{"", ""},
			{"identity", ""},
		} {
			resp, body := get(t, app, http.MethodGet, URL(name), "Accept-Encoding", tc.accept)
			if got := resp.Header.Get("Content-Encoding"); got != tc.want {
				t.Errorf("%s with %q: Content-Encoding %q, want %q", name, tc.accept, got, tc.want)
				continue
			}
			if resp.Header.Get("Vary") != "Accept-Encoding" {
				t.Errorf("%s: Vary %q", name, resp.Header.Get("Vary"))
			}
			etags[resp.Header.Get("ETag")] = true
			var r io.Reader = bytes.NewReader(body)
			switch tc.want {
			case "br":
				r = brotli.NewReader(r)
			case "gzip":
				zr, err := gzip.NewReader(r)
				if err != nil {
					t.Fatal(err)
				}
				r = zr
			}
			plain, err := io.ReadAll(r)
			if err != nil || !bytes.Equal(plain, raw) {
				t.Errorf("%s %s: does not decode to the original (%v)", name, tc.want, err)
			}
			if tc.want != "" && len(body) >= len(raw) {
				t.Errorf("%s %s: %d bytes, raw %d", name, tc.want, len(body), len(raw))
			}
		}
		// Each representation needs its own strong ETag.
		if len(etags) != 3 {
			t.Errorf("%s: ETags %v, want one per encoding", name, etags)
		}
	}
	// woff2 is compressed already: never re-encoded.
	resp, _ := get(t, app, http.MethodGet, URL("fonts/noto-sans-sc-119-400-normal.woff2"), "Accept-Encoding", "br, gzip")
	if resp.Header.Get("Content-Encoding") != "" {
		t.Error("woff2 was re-compressed")
	}
}

func TestServeNotFoundAndStale(t *testing.T) {
	app := testApp()
	for _, path := range []string{
		URL("nope.js"),
		URL(""),
		URL("../static/app.css"),
		Prefix() + "vendor/echarts.min.js", // the embed folder is not part of URLs
		BasePath,
		BasePath + "echarts.min.js",
	} {
		if resp, _ := get(t, app, http.MethodGet, path); resp.StatusCode != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", path, resp.StatusCode)
		}
	}
	// A page from before a deploy asks under the old hash: served, not cached.
	resp, _ := get(t, app, http.MethodGet, BasePath+"000000000000/echarts.min.js")
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Cache-Control") != "no-cache" {
		t.Errorf("stale hash: status %d, Cache-Control %q", resp.StatusCode, resp.Header.Get("Cache-Control"))
	}
}

func TestServeHead(t *testing.T) {
	resp, body := get(t, testApp(), http.MethodHead, URL("echarts.min.js"))
	if resp.StatusCode != http.StatusOK || len(body) != 0 || resp.Header.Get("ETag") == "" {
		t.Fatalf("HEAD: status %d, %d bytes", resp.StatusCode, len(body))
	}
}

func TestNegotiate(t *testing.T) {
	for header, want := range map[string]encoding{
		"":                     identity,
		"br":                   encBrotli,
		"gzip":                 encGzip,
		"x-gzip":               encGzip,
		"BR;Q=1.0, GZIP":       encBrotli,
		"gzip;q=1, br;q=0.9":   encGzip,
		"br;q=0":               identity,
		"*":                    encBrotli,
		"*;q=0, gzip":          encGzip,
		"deflate, compress":    identity,
		"gzip;q=0.001, br;q=0": encGzip,
	} {
		if got := negotiate(header); got != want {
			t.Errorf("negotiate(%q) = %d, want %d", header, got, want)
		}
	}
}

func TestEtagMatch(t *testing.T) {
	if !etagMatch(`"x", W/"abc"`, "abc") || !etagMatch("*", "abc") || etagMatch(`"abcd"`, "abc") || etagMatch("", "abc") {
		t.Fatal("etagMatch")
	}
}
