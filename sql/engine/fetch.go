// Package engine runs the embedded ClickHouse engine (chDB's libchdb.so) as a
// supervised child process that serves the native protocol on loopback.
package engine

import (
	"archive/tar"
	"compress/gzip"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Pinned engine release. A library whose hashes differ is refused.
const (
	// LibPackage is the npm package that ships libchdb.so.
	LibPackage = "@chdb/lib-linux-x64-gnu"
	// LibVersion is the pinned package version (ClickHouse 26.7).
	LibVersion = "26.7.3-stable.1"
	// LibSHA256 is the sha256 of the extracted libchdb.so.
	LibSHA256 = "36ad4e999882821ef13cf2d0f52c93f48e6ee1b4498b35a201c23ce4b8d15bf5"
	// LibIntegrity is the npm tarball's integrity string.
	LibIntegrity = "sha512-XP97mMqnc5tZpKQywR8N7cLTsHNiTmHr30pC5mzo3jWmukjKn2IBa60c2B/gWUNcuFjOMjWoorQICCqBVj5wpw=="
	libMember    = "package/libchdb.so"
)

// DefaultCacheDir is where the library is kept: $XDG_CACHE_HOME/corridor or ~/.cache/corridor.
func DefaultCacheDir() string {
	if d := os.Getenv("XDG_CACHE_HOME"); d != "" {
		return filepath.Join(d, "corridor")
	}
	if h, err := os.UserHomeDir(); err == nil {
		return filepath.Join(h, ".cache", "corridor")
	}
	return filepath.Join(os.TempDir(), "corridor-cache")
}

// EnsureLib returns the path of a verified libchdb.so. If explicit is set it
// is verified and used as is; otherwise the library is fetched once into
// cacheDir (npm pack of the pinned package), verified and kept.
func EnsureLib(explicit, cacheDir string, log *slog.Logger) (string, error) {
	if explicit != "" {
		if err := verifyCached(explicit); err != nil {
			return "", fmt.Errorf("engine: CORRIDOR_CHDB_LIB=%s: %w", explicit, err)
		}
		return explicit, nil
	}
	dir := filepath.Join(cacheDir, "chdb", LibVersion)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", fmt.Errorf("engine: cache folder: %w", err)
	}
	unlock, err := lockFile(filepath.Join(dir, ".lock"), true)
	if err != nil {
		return "", fmt.Errorf("engine: lock cache: %w", err)
	}
	defer unlock()
	lib := filepath.Join(dir, "libchdb.so")
	if _, err := os.Stat(lib); err == nil {
		if err := verifyCached(lib); err == nil {
			return lib, nil
		} else {
			log.Warn("cached engine library failed verification; fetching again", "path", lib, "err", err)
			_ = os.Remove(lib)
		}
	}
	t0 := time.Now()
	log.Info("fetching the ClickHouse engine library (once)", "package", LibPackage+"@"+LibVersion, "into", dir)
	if err := fetchInto(dir, lib); err != nil {
		return "", err
	}
	log.Info("engine library ready", "path", lib, "took", time.Since(t0).Round(time.Millisecond))
	return lib, nil
}

// verifyCached checks the library's sha256; a stamp beside a cached copy
// (size and mtime) saves re-hashing 566 MB on every start.
func verifyCached(lib string) error {
	st, err := os.Stat(lib)
	if err != nil {
		return err
	}
	stamp := lib + ".verified"
	want := fmt.Sprintf("%s %d %d", LibSHA256, st.Size(), st.ModTime().UnixNano())
	if b, err := os.ReadFile(stamp); err == nil && string(b) == want {
		return nil
	}
	sum, err := fileSHA256(lib)
	if err != nil {
		return err
	}
	if sum != LibSHA256 {
		return fmt.Errorf("sha256 %s, want %s: not the pinned engine library (delete it, or point CORRIDOR_CHDB_LIB at %s@%s's libchdb.so)", sum, LibSHA256, LibPackage, LibVersion)
	}
	_ = os.WriteFile(stamp, []byte(want), 0o644) // best effort: a read-only folder just means hashing again
	return nil
}

func fileSHA256(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// fetchInto runs npm pack in a scratch folder, checks the tarball's
// integrity, extracts only libchdb.so while hashing it, and renames it into
// place only when both hashes match; the scratch folder is always removed.
func fetchInto(dir, lib string) error {
	tmp, err := os.MkdirTemp(dir, "fetch-")
	if err != nil {
		return fmt.Errorf("engine: fetch: %w", err)
	}
	defer os.RemoveAll(tmp)
	npm, err := exec.LookPath("npm")
	if err != nil {
		return fmt.Errorf("engine: fetch: npm not found on PATH; install Node.js/npm, or set CORRIDOR_CHDB_LIB to an existing libchdb.so (%s@%s)", LibPackage, LibVersion)
	}
	cmd := exec.Command(npm, "pack", LibPackage+"@"+LibVersion, "--pack-destination", tmp, "--silent")
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "npm_config_cache="+filepath.Join(tmp, "npm-cache"), "npm_config_update_notifier=false", "npm_config_fund=false", "npm_config_audit=false")
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("engine: fetch: npm pack %s@%s failed: %v: %s (check the npm registry is reachable, or set CORRIDOR_CHDB_LIB)", LibPackage, LibVersion, err, strings.TrimSpace(string(out)))
	}
	tgz, err := findTarball(tmp)
	if err != nil {
		return err
	}
	if err := checkIntegrity(tgz); err != nil {
		return err
	}
	part := filepath.Join(tmp, "libchdb.so.part")
	if err := extractMember(tgz, libMember, part); err != nil {
		return err
	}
	sum, err := fileSHA256(part)
	if err != nil {
		return fmt.Errorf("engine: fetch: %w", err)
	}
	if sum != LibSHA256 {
		return fmt.Errorf("engine: fetch: extracted libchdb.so has sha256 %s, want %s; refusing it", sum, LibSHA256)
	}
	if err := os.Rename(part, lib); err != nil {
		return fmt.Errorf("engine: fetch: %w", err)
	}
	return verifyCached(lib)
}

func findTarball(dir string) (string, error) {
	m, _ := filepath.Glob(filepath.Join(dir, "*.tgz"))
	if len(m) != 1 {
		return "", fmt.Errorf("engine: fetch: npm pack left %d tarballs in %s, want 1", len(m), dir)
	}
	return m[0], nil
}

func checkIntegrity(tgz string) error {
	f, err := os.Open(tgz)
	if err != nil {
		return fmt.Errorf("engine: fetch: %w", err)
	}
	defer f.Close()
	h := sha512.New()
	if _, err := io.Copy(h, f); err != nil {
		return fmt.Errorf("engine: fetch: %w", err)
	}
	got := "sha512-" + base64.StdEncoding.EncodeToString(h.Sum(nil))
	if got != LibIntegrity {
		return fmt.Errorf("engine: fetch: tarball integrity %s, want %s; the download was altered or is not the pinned version, refusing it", got, LibIntegrity)
	}
	return nil
}

// extractMember copies one regular file out of a .tgz, bounded by its header size.
func extractMember(tgz, member, dst string) error {
	f, err := os.Open(tgz)
	if err != nil {
		return fmt.Errorf("engine: extract: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("engine: extract: %w", err)
	}
	tr := tar.NewReader(zr)
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return fmt.Errorf("engine: extract: %s not found in %s", member, filepath.Base(tgz))
		}
		if err != nil {
			return fmt.Errorf("engine: extract: %w", err)
		}
		if hdr.Name != member || hdr.Typeflag != tar.TypeReg {
			continue
		}
		out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o755)
		if err != nil {
			return fmt.Errorf("engine: extract: %w", err)
		}
		n, err := io.Copy(out, io.LimitReader(tr, hdr.Size))
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil || n != hdr.Size {
			return fmt.Errorf("engine: extract: wrote %s of %s bytes: %v", strconv.FormatInt(n, 10), strconv.FormatInt(hdr.Size, 10), err)
		}
		return nil
	}
}
