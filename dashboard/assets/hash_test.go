package assets

import "testing"

func TestSetHashChangesWithContent(t *testing.T) {
	a := map[string][]byte{"echarts.min.js": []byte("v1"), "maps/x.js": []byte("m")}
	b := map[string][]byte{"echarts.min.js": []byte("v2"), "maps/x.js": []byte("m")}
	renamed := map[string][]byte{"echarts.js": []byte("v1"), "maps/x.js": []byte("m")}
	// Moving bytes between name and content must not collide either.
	shifted := map[string][]byte{"echarts.min.jsv": []byte("1"), "maps/x.js": []byte("m")}
	ha := setHash(a)
	if len(ha) != hashLen {
		t.Fatalf("hash %q", ha)
	}
	for name, other := range map[string]map[string][]byte{"content": b, "rename": renamed, "shift": shifted} {
		if setHash(other) == ha {
			t.Errorf("%s change kept hash %s", name, ha)
		}
	}
	if setHash(map[string][]byte{"maps/x.js": []byte("m"), "echarts.min.js": []byte("v1")}) != ha {
		t.Error("hash depends on map order")
	}
}

func TestFileTag(t *testing.T) {
	if fileTag([]byte("a")) == fileTag([]byte("b")) || len(fileTag(nil)) != 16 {
		t.Fatal("fileTag")
	}
}
