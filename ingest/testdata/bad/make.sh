#!/bin/sh
# Rebuilds the office-suite-made fixtures of the bad-input tests from their
# CSV sources: LibreOffice Calc opens each as UTF-8 CSV (dates and numbers
# typed as Calc types them) and saves it as .xlsx, as a clerk would. The
# .xlsx files are committed: CI has no LibreOffice.
set -eu
cd "$(dirname "$0")"
for src in *.csv; do
	soffice --headless --infilter=CSV:44,34,76,1 --convert-to xlsx --outdir . "$src" >/dev/null
done
