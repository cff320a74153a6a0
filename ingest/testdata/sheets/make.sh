#!/bin/sh
# Regenerates the office-suite fixtures in this folder: every .html (a
# table; rowspan/colspan make merged cells, a one-cell colspan row a title)
# and every .csv becomes an .xlsx written by LibreOffice, as a district
# office would save it. Tests read the committed .xlsx files; CI has no
# LibreOffice. Needs soffice (Debian: apt-get install libreoffice-calc).
set -eu
cd "$(dirname "$0")"
command -v soffice >/dev/null || { echo "make.sh: soffice not found (apt-get install libreoffice-calc)" >&2; exit 1; }
profile=$(mktemp -d) # a private profile: no clash with a running LibreOffice
trap 'rm -rf "$profile"' EXIT
for src in *.html *.csv; do
	[ -e "$src" ] || continue
	case "$src" in
	*.html) filter='HTML (StarCalc)' ;;
	*.csv) filter='Text - txt - csv (StarCalc):44,34,76,1' ;; # comma, double quote, UTF-8, from line 1
	esac
	soffice -env:UserInstallation="file://$profile" --headless --infilter="$filter" \
		--convert-to 'xlsx:Calc MS Excel 2007 XML' --outdir . "$src" >/dev/null
	echo "${src%.*}.xlsx"
done
