package ingest_test

import (
	"os"
	"testing"

	"github.com/zibo-kj/corridor/sql/chtest"
)

var h *chtest.Harness

func TestMain(m *testing.M) { os.Exit(chtest.Run(m, &h)) }
