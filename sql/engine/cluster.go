package engine

import (
	"fmt"
	"html"
	"net"
	"strings"
)

// Cluster names the shards an engine may reach through Distributed tables:
// the remote_servers section of its config. Each shard is one replica here
// (the embedded engine has no Keeper, so nothing replicates between nodes);
// a production cluster configures its own servers instead of this.
type Cluster struct {
	Name   string   // the cluster name migrations and Distributed tables use (CORRIDOR_CLUSTER)
	Shards []string // host:port of each shard's native protocol listener, in shard order
}

// remoteServersXML is the <remote_servers> section for c, or "" without a
// cluster. The engines talk to each other as the writer account: every node
// of a test cluster shares one set of credentials (Options.Credentials).
func remoteServersXML(c *Cluster, creds Credentials) (string, error) {
	if c == nil {
		return "", nil
	}
	if c.Name == "" || len(c.Shards) == 0 {
		return "", fmt.Errorf("engine: cluster needs a name and at least one shard")
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n  <remote_servers>\n    <%s>", html.EscapeString(c.Name))
	for _, s := range c.Shards {
		host, port, err := net.SplitHostPort(s)
		if err != nil {
			return "", fmt.Errorf("engine: cluster shard %q: %w", s, err)
		}
		fmt.Fprintf(&b, "\n      <shard><replica><host>%s</host><port>%s</port><user>%s</user><password>%s</password></replica></shard>",
			html.EscapeString(host), html.EscapeString(port), html.EscapeString(creds.WriterUser), html.EscapeString(creds.WriterPassword))
	}
	fmt.Fprintf(&b, "\n    </%s>\n  </remote_servers>", html.EscapeString(c.Name))
	return b.String(), nil
}

// clusterPrivate adds the shard-local table behind each private table
// (name_local, see chsql's cluster migrations): revoking only the
// Distributed table would leave its rows readable on every node.
func clusterPrivate(tables []string) []string {
	out := append([]string(nil), tables...)
	for _, t := range tables {
		out = append(out, t+"_local")
	}
	return out
}
