package vocab

import (
	"math"
	"strconv"
	"time"
)

// excelEpoch is day 0 of Excel's 1900 date system, as it works for serials
// after 60 (Excel counts a 1900-02-29 that never was, inherited from Lotus 1-2-3).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// maxExcelSerial is 9999-12-31, the last day Excel can show.
const maxExcelSerial = 2958465

// ExcelSerial converts an Excel serial day number (1900 date system) to its
// date at UTC midnight; the fraction (time of day) is dropped. Serial 1 is
// 1900-01-01. Serial 60 is Excel's phantom 1900-02-29 and is refused;
// serials below it are shifted by one day so that they land on real dates.
func ExcelSerial(f float64) (time.Time, error) {
	const want = "an Excel date serial"
	v := strconv.FormatFloat(f, 'g', -1, 64)
	if math.IsNaN(f) || math.IsInf(f, 0) || f < 1 || f >= maxExcelSerial+1 {
		return time.Time{}, invalid(v, want, "outside 1..%d", maxExcelSerial)
	}
	n := int(math.Floor(f))
	if n == 60 {
		return time.Time{}, invalid(v, want, "serial 60 is 1900-02-29, a day that does not exist")
	}
	if n < 60 {
		n++
	}
	return excelEpoch.AddDate(0, 0, n), nil
}
