package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/zibo-kj/corridor/analytics"
	"github.com/zibo-kj/corridor/ingest"
	"github.com/zibo-kj/corridor/vocab"
)

type ingestFlags struct {
	kind, sheet, aliases, by, show, withdraw string
	replace                                  string
	accept, reject, home                     string
	set, date                                string // review corrections, a text's date
	district, homeCity                       string
	skipBad, dryRun, force, sample, list     bool
	asJSON, text, review                     bool
}

func ingestCmd(fs *flagSet) func(ctx context.Context) error {
	var c storeConfig
	c.register(fs)
	var f ingestFlags
	fs.args = "[FILE ...]"
	fs.StringVar(&f.kind, "kind", "", "record kind, detected from the headers when empty: "+ingest.KindCodes())
	fs.StringVar(&f.sheet, "sheet", "", "XLSX sheet by name or 1-based index (default: the first sheet with data; the report names the sheets not loaded)")
	fs.StringVar(&f.district, "district", "", "district (name or area code, e.g. 淄川区 or 370302) of sheets without a district column, over what their title, 填报单位 line, sheet or file name say")
	fs.StringVar(&f.homeCity, "home-city", vocab.DefaultHomeCity, "city whose high-tech zone a bare 高新区 means (any city, e.g. 济南 or 370100)")
	fs.BoolVar(&f.skipBad, "skip-bad-rows", false, "load the good rows and write the rejected ones to FILE.rejects.csv (default: a file with errors loads nothing); a file with two rows of one record, mixed encodings or no data rows loads nothing either way")
	fs.BoolVar(&f.dryRun, "dry-run", false, "validate and print the report without writing anything")
	fs.BoolVar(&f.force, "force", false, "load even if the same file was loaded before")
	fs.BoolVar(&f.sample, "sample", false, "mark the loads as sample data (示例数据)")
	fs.StringVar(&f.aliases, "aliases", "", "organisation alias file (lines 'canonical = alias, alias'), on top of the built-in aliases")
	fs.StringVar(&f.by, "by", os.Getenv("USER"), "who loads the files (recorded with each source)")
	fs.BoolVar(&f.list, "list", false, "list every load (source) and exit")
	fs.StringVar(&f.show, "show", "", "show one load (source) by id and exit")
	fs.StringVar(&f.withdraw, "withdraw", "", "withdraw one load (source) by id: its rows disappear from every view, and what it replaced comes back")
	fs.StringVar(&f.replace, "replace", "", "with one FILE: the file's load replaces the load LOAD_ID (same kind) whole, in one commit: rows the corrected file left out or whose key it corrected disappear with the old load (docs/staff.md, 自然键); without it, a corrected file replaces old rows by natural key only")
	fs.BoolVar(&f.asJSON, "json", false, "print reports as JSON")
	fs.BoolVar(&f.text, "text", false, "treat the files as policy texts (.txt files always are): extract every stated figure for review")
	fs.StringVar(&f.home, "home-place", vocab.DefaultHomeCity, "the texts' author place, for 我市/本市")
	fs.BoolVar(&f.review, "review", false, "list the figures extracted from texts that await review, and exit")
	fs.StringVar(&f.accept, "accept", "", "accept an extracted figure by id (as --review lists it)")
	fs.StringVar(&f.reject, "reject", "", "reject an extracted figure by id")
	fs.StringVar(&f.set, "set", "", "with --accept: correct the figure first, e.g. 'value=18亿,unit=元,qualifier=at_least,period=2022,metric=contracts_value,place=张店区' (metric: a catalog code or obs:PHRASE); the figure as extracted is kept beside it")
	fs.StringVar(&f.date, "date", "", "a policy text's date (2022-06-15, 2022) when it states none (no 日期 line, heading date or signature): undated figures take it")
	fs.summary += "\n" + ingestLayouts
	return func(ctx context.Context) error {
		if err := c.Validate(); err != nil {
			return err
		}
		if err := f.validatePlaces(); err != nil {
			return err
		}
		files := fs.Args()
		if err := f.validateReplace(files); err != nil {
			return err
		}
		actions := len(files)
		for _, on := range []bool{f.list, f.show != "", f.withdraw != "", f.review, f.accept != "", f.reject != ""} {
			if on {
				actions++
			}
		}
		if actions == 0 {
			return usageError{"name a FILE to load, or --list, --show, --withdraw, --review, --accept or --reject"}
		}
		if len(files) > 0 && actions > len(files) {
			return usageError{"load files, or use --list/--show/--withdraw, not both"}
		}
		al := vocab.DefaultAliases()
		if f.aliases != "" {
			r, err := os.Open(f.aliases)
			if err != nil {
				return usageError{fmt.Sprintf("--aliases: %v", err)}
			}
			al, err = vocab.LoadAliases(r, al)
			r.Close()
			if err != nil {
				return usageError{fmt.Sprintf("--aliases %s: %v", f.aliases, err)}
			}
		}
		s, err := openStore(ctx, &c, true)
		if err != nil {
			return err
		}
		defer s.close()
		switch {
		case f.list:
			return listSources(ctx, s, f.asJSON)
		case f.show != "":
			return showSource(ctx, s, f.show)
		case f.review:
			return listReview(ctx, s, f.asJSON)
		case f.accept != "" || f.reject != "":
			id := f.accept + f.reject
			if err := reviewOne(ctx, s, id, f); err != nil {
				return err
			}
			fmt.Printf("%s %s\n", map[bool]string{true: "accepted", false: "rejected"}[f.accept != ""], id)
			return nil
		case f.withdraw != "":
			src, err := ingest.Withdraw(ctx, s.conn, f.withdraw, f.by)
			if err != nil {
				return err
			}
			fmt.Printf("withdrawn %s (%s, %d rows)\n", src.ID, src.FileName, src.RowsAccepted)
			return nil
		}
		return loadFiles(ctx, s, files, f, al)
	}
}

// validateReplace checks --replace: one spreadsheet file, which replaces
// one load.
func (f ingestFlags) validateReplace(files []string) error {
	switch {
	case f.replace == "":
		return nil
	case len(files) != 1:
		return usageError{fmt.Sprintf("--replace %s takes exactly one FILE, the corrected file (got %d)", f.replace, len(files))}
	case f.text || ingest.IsText(files[0]):
		return usageError{"--replace is for spreadsheets and registers; a policy text's figures are accepted or rejected one by one (--review)"}
	}
	return nil
}

// validatePlaces checks --home-city and --district before anything loads.
func (f ingestFlags) validatePlaces() error {
	home, err := vocab.HomeCity(f.homeCity)
	if err != nil {
		return usageError{fmt.Sprintf("--home-city: %v", err)}
	}
	if f.district == "" {
		return nil
	}
	if _, _, ok := vocab.LookupPlaceAt(f.district, home); !ok {
		msg := fmt.Sprintf("--district %q: not a known district, city or area code (e.g. 淄川区 or 370302)", f.district)
		if s := vocab.SuggestPlace(f.district); s != "" {
			msg += "; did you mean " + s + "?"
		}
		return usageError{msg}
	}
	return nil
}

// loadFiles loads each file as its own source; exit 1 if any was rejected,
// and with --dry-run if any row would be rejected, so a script that checks
// files before loading them can trust the exit code.
func loadFiles(ctx context.Context, s *store, files []string, f ingestFlags, al *vocab.Aliases) error {
	rejected, wouldReject := 0, 0
	units := analytics.DefaultCatalog().UnitOf // which unit each target's metric is measured in
	for _, path := range files {
		bar := newProgress(path)
		var rep *ingest.Report
		var err error
		if f.text || ingest.IsText(path) {
			to := ingest.TextOptions{Path: path, HomePlace: f.home, LoadedBy: f.by, Force: f.force, Aliases: al}
			if to.Date, err = textDate(f.date); err != nil {
				return err
			}
			if f.dryRun {
				bar.done()
				if err := printTextFigures(to, f.asJSON); err != nil {
					return exitError{exitFailure, err}
				}
				continue
			}
			rep, err = ingest.LoadText(ctx, s.conn, to)
		} else {
			rep, err = ingest.Load(ctx, s.conn, ingest.Options{Path: path, Kind: f.kind, Sheet: f.sheet, SkipBadRows: f.skipBad, MetricUnit: units,
				DryRun: f.dryRun, Force: f.force, Sample: f.sample, LoadedBy: f.by, Aliases: al, Progress: bar.update,
				District: f.district, HomeCity: f.homeCity, Replace: f.replace})
		}
		bar.done()
		if rep != nil {
			printReport(rep, f.asJSON)
			if rep.Status == "dry_run" && rep.Rejected > 0 {
				wouldReject++
			}
		}
		if errors.Is(err, ingest.ErrRejected) {
			rejected++
			continue
		}
		if err != nil {
			return exitError{exitFailure, err}
		}
	}
	if rejected > 0 {
		return exitError{exitFailure, fmt.Errorf("%d of %d files rejected; nothing was loaded from them (fix the rows above, or use --skip-bad-rows)", rejected, len(files))}
	}
	if wouldReject > 0 {
		return exitError{exitFailure, fmt.Errorf("dry run: %d of %d files have rows that would be rejected (listed above); nothing was written", wouldReject, len(files))}
	}
	return nil
}

func printReport(rep *ingest.Report, asJSON bool) {
	if asJSON {
		b, _ := json.MarshalIndent(rep, "", "  ")
		fmt.Println(string(b))
		return
	}
	for _, e := range rep.Errors {
		fmt.Fprintln(os.Stderr, e.Error())
	}
	if rep.ErrorCount > len(rep.Errors) {
		fmt.Fprintf(os.Stderr, "… and %d more errors\n", rep.ErrorCount-len(rep.Errors))
	}
	fmt.Println(rep.Summary())
}

func listSources(ctx context.Context, s *store, asJSON bool) error {
	list, err := ingest.ListSources(ctx, s.conn)
	if err != nil {
		return err
	}
	if asJSON {
		b, _ := json.MarshalIndent(list, "", "  ")
		fmt.Println(string(b))
		return nil
	}
	fmt.Printf("%-24s %-10s %-12s %8s %8s  %-16s %s\n", "SOURCE", "STATUS", "KIND", "ROWS", "REJECTED", "LOADED", "FILE")
	for _, src := range list {
		name := src.FileName
		if src.Sample == 1 {
			name += " (示例数据)"
		}
		fmt.Printf("%-24s %-10s %-12s %8d %8d  %-16s %s\n", src.ID, listStatus(src), src.Kind, src.RowsAccepted, src.RowsRejected, src.LoadedAt.In(cst).Format("2006-01-02 15:04"), name)
	}
	if note := stuckNote(list); note != "" {
		fmt.Println(note)
	}
	return nil
}

func showSource(ctx context.Context, s *store, id string) error {
	src, err := ingest.GetSource(ctx, s.conn, id)
	if err != nil {
		return err
	}
	b, _ := json.MarshalIndent(src, "", "  ")
	fmt.Println(strings.TrimSpace(string(b)))
	return nil
}

func listReview(ctx context.Context, s *store, asJSON bool) error {
	q, err := ingest.ReviewQueue(ctx, s.conn, 10000)
	if err != nil {
		return err
	}
	if asJSON {
		b, _ := json.MarshalIndent(q, "", "  ")
		fmt.Println(string(b))
		return nil
	}
	for _, c := range q {
		fmt.Printf("%s\n  %s %s (%s) %s %s\n  「%s」\n", c.ID, c.Metric, c.Span, c.Qualifier, c.Period, c.Partner, c.Evidence)
	}
	fmt.Printf("%d figures await review; accept with --accept ID or reject with --reject ID\n", len(q))
	return nil
}
