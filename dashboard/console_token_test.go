package dashboard_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/zibo-kj/corridor/dashboard/auth"
)

func newToken(t *testing.T, ts *testServer, user string, ttl time.Duration) (string, auth.Token) {
	t.Helper()
	plain, tok, err := (&auth.Store{Conn: ts.db.Conn}).CreateToken(context.Background(), user, "test", ttl)
	if err != nil {
		t.Fatal(err)
	}
	return plain, tok
}

func TestBearerTokenRunsQueriesWithoutCSRF(t *testing.T) {
	ts := newConsoleServer(t)
	plain, tok := newToken(t, ts, "ana", time.Hour)
	if !strings.HasPrefix(plain, auth.TokenPrefix) || strings.Contains(tok.Hash, plain) || tok.Hash != auth.TokenHash(plain) {
		t.Fatalf("token %q stored as %q", plain, tok.Hash)
	}
	ts.cookies = nil // a script: no session at all
	code, a, raw := runQuery(t, ts, sqlBody("SELECT 42 AS x", nil), "", plain)
	if code != 200 || a.Rows[0][0] != float64(42) {
		t.Fatalf("bearer query: %d %s", code, raw)
	}
	if code, body := getAs(t, ts, "/api/v1/metrics", plain); code != 200 {
		t.Fatalf("bearer GET /api/v1/metrics: %d %s", code, body)
	}
	if code, body := getAs(t, ts, "/api/v1/query/history", plain); code != 200 || !strings.Contains(string(body), `"via":"token"`) {
		t.Fatalf("history of a token query: %d %s", code, body)
	}
	// A token is for the API only: elsewhere the header means nothing.
	if code, _ := getAs(t, ts, "/data", plain); code != 401 {
		t.Fatalf("bearer on /data: %d, want 401 (no session)", code)
	}
}

func TestBearerTokenRefusals(t *testing.T) {
	ts := newConsoleServer(t)
	st := &auth.Store{Conn: ts.db.Conn}
	viewerTok, _ := newToken(t, ts, "leader", time.Hour)
	revoked, rt := newToken(t, ts, "ana", time.Hour)
	if _, err := st.RevokeToken(context.Background(), rt.ID, "someone-else"); err == nil {
		t.Fatal("revoked another user's token")
	}
	if _, err := st.RevokeToken(context.Background(), rt.ID, "ana"); err != nil {
		t.Fatal(err)
	}
	expiring, _ := newToken(t, ts, "ana", time.Second)
	time.Sleep(1100 * time.Millisecond)
	deletedTok, _ := newToken(t, ts, "boss", time.Hour)
	if err := st.Add(context.Background(), "boss2", testPassword, auth.Admin); err != nil {
		t.Fatal(err)
	}
	if err := st.Delete(context.Background(), "boss"); err != nil {
		t.Fatal(err)
	}
	ts.cookies = nil
	for name, c := range map[string]struct {
		token string
		want  int
	}{
		"viewer": {viewerTok, 403}, "revoked": {revoked, 401}, "expired": {expiring, 401}, "deleted user": {deletedTok, 401},
		"made up": {auth.TokenPrefix + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", 401}, "no prefix": {"abc", 401},
	} {
		if code, _, raw := runQuery(t, ts, sqlBody("SELECT 1", nil), "", c.token); code != c.want {
			t.Errorf("%s token: %d %s, want %d", name, code, raw, c.want)
		}
	}
	if code, _ := getAs(t, ts, "/api/v1/metrics", viewerTok); code != 200 {
		t.Errorf("viewer token on a viewer route: %d", code)
	}
}

func TestCookieSessionStillNeedsCSRF(t *testing.T) {
	ts := newConsoleServer(t)
	ts.csrf = "wrong"
	if code, _, raw := runQuery(t, ts, sqlBody("SELECT 1", nil), "", ""); code != 403 || !strings.Contains(string(raw), "CSRF") {
		t.Fatalf("cookie POST without CSRF: %d %s", code, raw)
	}
}
