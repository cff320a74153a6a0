package engine

import (
	"fmt"
	"html"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
)

// engineLog is where the engine's server log goes and how big it may grow:
// size × (count+1) bytes at most, older files gzipped.
const (
	engineLogSize  = "20M"
	engineLogCount = 3
)

// LogLevel maps a slog level to the engine's own level names. The engine
// logs a great deal at debug and trace, so info maps to information.
func LogLevel(l slog.Level) string {
	switch {
	case l <= slog.LevelDebug:
		return "debug"
	case l <= slog.LevelInfo:
		return "information"
	case l <= slog.LevelWarn:
		return "warning"
	}
	return "error"
}

// chattyLoggers warn several times a second while the engine is idle
// ("Temporarily pause scheduling of tasks"): about 170 MB a day of nothing.
// They log at error only.
var chattyLoggers = []string{"BackgroundSchedulePool/BgSchPool", "BackgroundSchedulePool/BgStrmSchPool"}

func quietLoggers() string {
	var b strings.Builder
	for _, n := range chattyLoggers {
		fmt.Fprintf(&b, "\n      <logger><name>%s</name><level>error</level></logger>", html.EscapeString(n))
	}
	return b.String()
}

// BackupsDir is where the engine of dataDir may write and read backups
// (BACKUP … TO File(…) and RESTORE … FROM File(…)): the config's only
// allowed_path, so that no account can make the engine write elsewhere.
func BackupsDir(dataDir string) string { return filepath.Join(dataDir, "backups") }

// writeConfig writes config.xml. The server log goes to a rotated file and
// never to the console: a query's text appears in that log, and the child
// must only ever read its own client's output. Backups may go to
// backupsDir only.
func writeConfig(dir, usersPath, logPath, level, backupsDir, remoteServers string) (string, error) {
	cfg := fmt.Sprintf(`<clickhouse>
  <users_config>%s</users_config>
  <logger>
    <level>%s</level>
    <log>%s</log>
    <errorlog>%s</errorlog>
    <console>0</console>
    <size>%s</size>
    <count>%d</count>
    <levels>%s
    </levels>
  </logger>
  <backups>
    <allowed_path>%s/</allowed_path>
  </backups>%s
</clickhouse>
`, html.EscapeString(usersPath), level, html.EscapeString(logPath), html.EscapeString(logPath+".err"), engineLogSize, engineLogCount, quietLoggers(), html.EscapeString(backupsDir), remoteServers)
	p := filepath.Join(dir, "config.xml")
	if err := os.WriteFile(p, []byte(cfg), 0o600); err != nil {
		return "", fmt.Errorf("engine: write config: %w", err)
	}
	return p, nil
}
