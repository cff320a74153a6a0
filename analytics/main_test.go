package analytics_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/ingest"
	"github.com/zibo-kj/corridor/sql/chtest"
)

var h *chtest.Harness

func TestMain(m *testing.M) { os.Exit(chtest.Run(m, &h)) }

// fixture loads hand-made CSV files through the real ingest path into a
// fresh database and returns a service on it.
func fixture(t *testing.T, files map[string]string) *analytics.Service {
	t.Helper()
	d := h.DB(t)
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		if rep, err := ingest.Load(context.Background(), d.Conn, ingest.Options{Path: p}); err != nil {
			t.Fatalf("load %s: %v %+v", name, err, rep)
		}
	}
	return analytics.NewService(d.Conn)
}

const fxPlatforms = `平台名称,级别,合作单位,区县,共建时间
A,市级,山东大学,淄川区,2019-03-10
B,省级,山东大学、济南大学,张店区,2019-11-02
C,市级,济大,淄川区,2021-05-05
`

const fxFunding = `年度,拨付单位,接收单位,用途,产业领域,金额（万元）,是否财政资金,区县
2019年,淄博市财政局,分院,建设,新材料,100,是,张店区
2020Q2,山东大学,甲公司,配套,化工,30余,否,淄川区
2020Q3,淄博市财政局,甲公司,补助,化工,50,是,淄川区
`
