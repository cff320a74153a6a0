package engine

import (
	"fmt"
	"runtime"

	"github.com/ebitengine/purego"
)

// chdbLib holds the few libchdb.so entry points the child needs, loaded
// with purego so the binary builds without cgo.
type chdbLib struct {
	queryCmdline  func(argc int32, argv **byte) uintptr
	resultError   func(r uintptr) string // purego copies the C string
	destroyResult func(r uintptr)
}

func loadLib(path string) (*chdbLib, error) {
	h, err := purego.Dlopen(path, purego.RTLD_NOW|purego.RTLD_GLOBAL)
	if err != nil {
		return nil, fmt.Errorf("engine: dlopen %s: %w", path, err)
	}
	l := &chdbLib{}
	purego.RegisterLibFunc(&l.queryCmdline, h, "chdb_query_cmdline")
	purego.RegisterLibFunc(&l.resultError, h, "chdb_result_error")
	purego.RegisterLibFunc(&l.destroyResult, h, "chdb_destroy_query_result")
	return l, nil
}

// run executes clickhouse-local in-process with argv (argv[0] included) and
// returns the library's error text, which is often empty even on failure.
func (l *chdbLib) run(args []string) string {
	bufs := make([][]byte, len(args))
	ptrs := make([]*byte, len(args)+1)
	for i, a := range args {
		bufs[i] = append([]byte(a), 0)
		ptrs[i] = &bufs[i][0]
	}
	r := l.queryCmdline(int32(len(args)), &ptrs[0])
	runtime.KeepAlive(bufs)
	runtime.KeepAlive(ptrs)
	if r == 0 {
		return "chdb_query_cmdline returned NULL"
	}
	defer l.destroyResult(r)
	return l.resultError(r)
}
