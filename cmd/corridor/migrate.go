package main

import (
	"context"
	"fmt"
)

func migrateCmd(fs *flagSet) func(ctx context.Context) error {
	var c storeConfig
	c.register(fs)
	return func(ctx context.Context) error {
		if err := c.Validate(); err != nil {
			return err
		}
		s, err := openStore(ctx, &c, true)
		if err != nil {
			return err
		}
		defer s.close()
		ledger, err := s.migrator().Ledger(ctx)
		if err != nil {
			return err
		}
		fmt.Printf("database %s on %s\n", s.database, s.describe())
		for id := uint32(1); int(id) <= len(ledger); id++ {
			st := ledger[id]
			fmt.Printf("  %04d %-8s %.12s\n", st.ID, st.Status, st.Checksum)
		}
		return nil
	}
}
