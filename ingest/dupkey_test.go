package ingest_test

import (
	"context"
	"errors"
	"strconv"
	"testing"

	"github.com/zibo-kj/corridor/ingest"
)

// Two rows with one natural key are one record written twice: the file is
// refused naming both lines and the key, instead of one row silently
// replacing the other in platforms_current.
func TestDuplicateKeyRefused(t *testing.T) {
	d := h.DB(t)
	p := writeFile(t, "platforms.csv", platformsCSV+"济大-齐鲁陶瓷联合实验室,联合实验室,市级,济南大学,华光陶瓷,博山区,2022/5/6\n")
	refused(t, d, p, "platforms", []string{
		`platforms.csv:5: column A "平台名称" value "济大-齐鲁陶瓷联合实验室": has the same key as line 4 (平台名称=济大-齐鲁陶瓷联合实验室)`,
		"merge the two rows", "与第4行重复"})
}

// Observations are keyed by metric, place, period and partner: the same
// quarter written two ways is a duplicate, another quarter is not.
func TestDuplicateObservationKey(t *testing.T) {
	d := h.DB(t)
	p := writeFile(t, "obs.csv", `指标,地区,时期,数值,单位
技术合同成交额,张店区,2021Q1,120,万元
技术合同成交额,张店区,2021Q2,130,万元
技术合同成交额,淄川区,2021Q1,90,万元
技术合同成交额,张店,2021年一季度,125,万元
`)
	refused(t, d, p, "observations", []string{
		`obs.csv:5: column A "指标" value "技术合同成交额": has the same key as line 2 (指标=技术合同成交额, 地区=张店区, 时期=2021Q1)`})
}

// --skip-bad-rows does not pick one of two rows with one key: the file is
// refused as a whole, and no rejects file claims the rest was loaded.
func TestDuplicateKeyRefusedWithSkipBadRows(t *testing.T) {
	d := h.DB(t)
	p := writeFile(t, "platforms.csv", platformsCSV+"山东大学淄博生物医药研究院,研究院,省级,山东大学,金城医药,淄川区,2022-01-01\n")
	rep, err := ingest.Load(context.Background(), d.Conn, ingest.Options{Path: p, SkipBadRows: true})
	if !errors.Is(err, ingest.ErrRejected) || rep.Status != "rejected" || rep.RejectsFile != "" || rep.Accepted != 3 || rep.Rejected != 1 {
		t.Fatalf("err %v, report %+v", err, rep)
	}
	if n := count(t, d.Conn, "SELECT count() FROM platforms") + count(t, d.Conn, "SELECT count() FROM sources"); n != 0 {
		t.Fatalf("%d rows left behind", n)
	}
}

// Keys repeat across chunks too: the check spans the whole file.
func TestDuplicateKeyAcrossChunks(t *testing.T) {
	d := h.DB(t)
	var b []byte
	b = append(b, "指标,地区,时期,数值\n"...)
	for i := range 40_000 {
		b = append(b, []byte("指标"+strconv.Itoa(i)+",张店区,2021,1\n")...)
	}
	b = append(b, "指标7,张店区,2021,2\n"...)
	p := writeFile(t, "big.csv", string(b))
	refused(t, d, p, "observations", []string{`big.csv:40002: column A "指标" value "指标7": has the same key as line 9 (指标=指标7, 地区=张店区, 时期=2021)`})
}
