#!/bin/sh
# Regenerates the office-suite fixtures of the sheet-context and wide-table
# tests from their HTML sources, as a district clerk's LibreOffice or WPS
# would save them: merged cells from rowspan/colspan, numbers and dates as
# typed cells. The tests read the committed .xlsx (CI has no LibreOffice);
# run this after changing an .html and commit both.
#   apt-get install libreoffice-calc-nogui   (Debian)
set -eu
cd "$(dirname "$0")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for src in *.html; do
	soffice --headless -env:UserInstallation=file://"$out"/profile \
		--infilter="HTML (StarCalc)" --convert-to xlsx --outdir "$out" "$src" >/dev/null
	mv "$out/${src%.html}.xlsx" .
done
ls -l *.xlsx
