package engine

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"time"
)

// Endpoint is how to reach a running embedded engine: its addresses, our
// database and the accounts. The owning process advertises it in
// DATA/engine/endpoint.json (owner-only, like secrets.json) so that other
// commands on the same data folder work beside it.
type Endpoint struct {
	Addr     string      `json:"addr"`
	HTTPAddr string      `json:"http_addr,omitempty"`
	Database string      `json:"database"`
	PID      int         `json:"pid"` // the corridor process that owns the engine
	Creds    Credentials `json:"-"`
}

// DSN is the clickhouse:// DSN of account a on the endpoint's database.
func (p Endpoint) DSN(a Account) string {
	user, pass := p.Creds.UserPass(a)
	u := url.URL{Scheme: "clickhouse", User: url.UserPassword(user, pass), Host: p.Addr, Path: "/" + p.Database}
	return u.String()
}

// ErrNotRunning means the data folder is held by another process whose
// engine cannot be reached.
var ErrNotRunning = errors.New("engine: the data folder is held by another corridor process, but its engine does not answer")

const endpointFile = "endpoint.json"

func writeEndpoint(cfgDir string, p Endpoint) error {
	b, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("engine: endpoint: %w", err)
	}
	return writePrivate(filepath.Join(cfgDir, endpointFile), b)
}

func removeEndpoint(cfgDir string) { _ = os.Remove(filepath.Join(cfgDir, endpointFile)) }

// Attach reaches the engine that another corridor process runs on dataDir
// (Start returned ErrInUse). It waits up to wait for an owner that is still
// starting to advertise its engine and for the engine to answer.
func Attach(ctx context.Context, dataDir string, wait time.Duration) (Endpoint, error) {
	cfgDir := filepath.Join(dataDir, "engine")
	deadline := time.Now().Add(wait)
	var last error
	for {
		p, err := readEndpoint(cfgDir)
		if err == nil {
			if err = ping(ctx, p.Addr, p.Creds, 3*time.Second); err == nil {
				return p, nil
			}
		}
		last = err
		if time.Now().After(deadline) {
			return Endpoint{}, fmt.Errorf("%w (%v); stop that process or wait until it ends, then retry (data folder %s)", ErrNotRunning, last, dataDir)
		}
		select {
		case <-ctx.Done():
			return Endpoint{}, ctx.Err()
		case <-time.After(200 * time.Millisecond):
		}
	}
}

func readEndpoint(cfgDir string) (Endpoint, error) {
	var p Endpoint
	b, err := os.ReadFile(filepath.Join(cfgDir, endpointFile))
	if err != nil {
		return p, fmt.Errorf("engine: %w", err)
	}
	if err := json.Unmarshal(b, &p); err != nil {
		return p, fmt.Errorf("engine: %s is damaged: %w", endpointFile, err)
	}
	c, err := readCredentials(filepath.Join(cfgDir, "secrets.json"))
	if err != nil {
		return p, err
	}
	p.Creds = c
	return p, nil
}
