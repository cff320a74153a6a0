package engine

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strings"
)

// Credentials are the engine's two named users; generated once per data
// folder and kept in engine/secrets.json with 0600 permissions.
type Credentials struct {
	WriterUser     string `json:"writer_user"`
	WriterPassword string `json:"writer_password"`
	ReaderUser     string `json:"reader_user"`
	ReaderPassword string `json:"reader_password"`
}

// loadOrCreateCredentials reads secrets.json or writes a new one.
func loadOrCreateCredentials(path string) (Credentials, error) {
	var c Credentials
	b, err := os.ReadFile(path)
	if err == nil {
		if err := json.Unmarshal(b, &c); err != nil || c.WriterPassword == "" || c.ReaderPassword == "" {
			return c, fmt.Errorf("engine: %s is damaged (%v); remove it to generate new passwords", path, err)
		}
		return c, nil
	}
	if !errors.Is(err, os.ErrNotExist) {
		return c, fmt.Errorf("engine: read %s: %w", path, err)
	}
	c = Credentials{WriterUser: "corridor", WriterPassword: randomSecret(), ReaderUser: "corridor_ro", ReaderPassword: randomSecret()}
	b, _ = json.MarshalIndent(c, "", "  ")
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o600); err != nil {
		return c, fmt.Errorf("engine: write %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return c, fmt.Errorf("engine: %w", err)
	}
	return c, nil
}

func randomSecret() string {
	b := make([]byte, 18)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on Linux
	return hex.EncodeToString(b)
}

func sha256Hex(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// writeConfig writes the engine's config.xml and users.xml. The engine's own
// session logs in as `default` with no password, so `default` may only start
// listeners; the writer has full rights; the reader is read-only, limited to
// SELECT on our database, and so cannot reach file(), url() or other tables.
// Accounts and the session signing key are revoked: a reader who could see
// them could forge an admin session. readonly=2 lets the console set per-query limits; constraints cap them and
// pin readonly itself, so "SET readonly = 0" fails.
func writeConfig(dir, grantScope string, c Credentials, logPath string) (string, error) {
	users := fmt.Sprintf(`<clickhouse>
  <profiles>
    <default/>
    <readonly>
      <readonly>2</readonly>
      <max_execution_time>60</max_execution_time>
      <max_memory_usage>2000000000</max_memory_usage>
      <max_result_rows>1000000</max_result_rows>
      <result_overflow_mode>throw</result_overflow_mode>
      <constraints>
        <readonly><const/></readonly>
        <max_execution_time><max>600</max></max_execution_time>
        <max_memory_usage><max>4000000000</max></max_memory_usage>
        <max_result_rows><max>1000000</max></max_result_rows>
        <max_rows_to_read><max>2000000000</max></max_rows_to_read>
      </constraints>
    </readonly>
  </profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
      <grants><query>GRANT SYSTEM LISTEN ON *.*</query></grants>
    </default>
    <%[1]s>
      <password_sha256_hex>%[2]s</password_sha256_hex>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </%[1]s>
    <%[3]s>
      <password_sha256_hex>%[4]s</password_sha256_hex>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>readonly</profile>
      <quota>default</quota>
      <grants>
        <query>GRANT SELECT ON %[5]s.*</query>
        <query>REVOKE SELECT ON %[5]s.users</query>
        <query>REVOKE SELECT ON %[5]s.app_secrets</query>
      </grants>
    </%[3]s>
  </users>
  <quotas><default/></quotas>
</clickhouse>
`, c.WriterUser, sha256Hex(c.WriterPassword), c.ReaderUser, sha256Hex(c.ReaderPassword), grantScope)
	usersPath := filepath.Join(dir, "users.xml")
	if err := os.WriteFile(usersPath, []byte(users), 0o600); err != nil {
		return "", fmt.Errorf("engine: write users: %w", err)
	}
	cfg := fmt.Sprintf(`<clickhouse>
  <users_config>%s</users_config>
  <logger>
    <level>information</level>
    <log>%s</log>
    <size>20M</size>
    <count>3</count>
  </logger>
</clickhouse>
`, html.EscapeString(usersPath), html.EscapeString(logPath))
	cfgPath := filepath.Join(dir, "config.xml")
	if err := os.WriteFile(cfgPath, []byte(cfg), 0o600); err != nil {
		return "", fmt.Errorf("engine: write config: %w", err)
	}
	return cfgPath, nil
}

// QuoteIdentGrant backquotes a database name for a GRANT statement.
func QuoteIdentGrant(db string) string {
	return "`" + strings.ReplaceAll(db, "`", "") + "`"
}
