package dashboard

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"github.com/zibo-kj/corridor/dashboard/i18n"
	"github.com/zibo-kj/corridor/ingest"
	chsql "github.com/zibo-kj/corridor/sql"
	"github.com/zibo-kj/corridor/vocab"
)

// uploadSummary is a load report's summary in the page's language (the
// report's own Summary is the CLI's English line).
func uploadSummary(r *ingest.Report, lang string) string {
	t := func(k string) string { return tr(lang, k) }
	n := func(v int) string { return vocab.FormatNumber(float64(v), "", lang) }
	var b strings.Builder
	b.WriteString(r.File)
	if r.Sheet != "" {
		fmt.Fprintf(&b, i18n.T(lang, "paren_fmt"), r.Sheet)
	}
	b.WriteString(i18n.T(lang, "sep_colon") + t("upload_"+r.Status))
	if r.SourceID != "" {
		fmt.Fprintf(&b, t("upload_as"), r.SourceID)
	}
	var parts []string
	if r.Kind != "" {
		parts = append(parts, t("col_kind")+" "+kindName(r.Kind, lang))
	}
	parts = append(parts, fmt.Sprintf(t("upload_counts"), n(r.Rows), n(r.Accepted), n(r.Rejected), n(r.Skipped)))
	if r.Approximate > 0 {
		parts = append(parts, fmt.Sprintf(t("upload_approx"), n(r.Approximate)))
	}
	for _, l := range []struct {
		key  string
		cols []string
	}{{"upload_extra", r.Extra}, {"upload_serial", r.Serial}, {"upload_empty", r.Empty}} {
		if len(l.cols) > 0 {
			parts = append(parts, t(l.key)+i18n.T(lang, "sep_colon")+strings.Join(l.cols, i18n.T(lang, "sep_list")))
		}
	}
	for _, note := range r.Notes {
		parts = append(parts, i18n.Pick(lang, note.ZH, note.EN))
	}
	b.WriteString(i18n.T(lang, "sep_dash") + strings.Join(parts, i18n.T(lang, "sep_semi")))
	return b.String()
}

// kindName names a record kind in the reader's language.
func kindName(code, lang string) string {
	if i18n.Has("kind_" + code) {
		return tr(lang, "kind_"+code)
	}
	return code
}

// uploadError is a failed load's message in the page's language where the
// cause is a known one; other causes say what they say.
func uploadError(err error, lang string) string {
	if errors.Is(err, ingest.ErrRejected) {
		if msg := strings.TrimPrefix(err.Error(), ingest.ErrRejected.Error()+": "); msg != err.Error() {
			return tr(lang, "upload_rejected_err") + " " + oneLanguage(msg, lang)
		}
		return tr(lang, "upload_rejected_err")
	}
	if chsql.KindOf(err) == chsql.KindDiskFull {
		return oneLanguage(msgDiskFull, lang)
	}
	return oneLanguage(err.Error(), lang)
}

// oneLanguage keeps the reader's half of a bilingual message from ingest,
// "english (中文)" or "中文 (english)"; any other message stays whole.
func oneLanguage(msg, lang string) string {
	if !strings.HasSuffix(msg, ")") {
		return msg
	}
	i := strings.LastIndex(msg, " (")
	if i <= 0 {
		return msg
	}
	head, inner := msg[:i], msg[i+2:len(msg)-1]
	zhInner, zhHead := hasHan(inner), hasHan(head)
	switch {
	case zhInner && !startsHan(head): // english (中文); the English half may quote a name such as 淄川区
		return i18n.Pick(lang, inner, head)
	case zhHead && !zhInner: // 中文 (english)
		return i18n.Pick(lang, head, inner)
	}
	return msg
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

func startsHan(s string) bool {
	for _, r := range s {
		return unicode.Is(unicode.Han, r)
	}
	return false
}
