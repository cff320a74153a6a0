package vocab

import "strings"

// Qualifier says how exact a stated figure is.
type Qualifier string

// The qualifiers. Reports state many figures loosely ("30余个", "近百"); the
// qualifier keeps that looseness visible instead of passing 30 off as exact.
const (
	// Exact is a plain figure: "30".
	Exact Qualifier = ""
	// AtLeast is a lower bound: 30余, 70多, 超30, 30以上, 30多个, 逾30, 不少于30.
	AtLeast Qualifier = "at_least"
	// Approx is a rough figure: 约30, 30左右, 大约.
	Approx Qualifier = "approx"
	// AtMost is an upper bound: 不到30, 30以下, 不超过30, 不足30, and 近30,
	// 将近30, 接近30: "nearly" is just under.
	AtMost Qualifier = "at_most"
)

// qualWord is a word that qualifies a figure.
type qualWord struct {
	word string
	q    Qualifier
}

// qualPrefixes stand before a figure. Longer words come first so that
// "不超过" is not read as "不" + "超过", nor "约为" as "约".
var qualPrefixes = []qualWord{
	{"差不多", Approx}, {"不少于", AtLeast}, {"不低于", AtLeast}, {"不小于", AtLeast},
	{"不超过", AtMost}, {"不多于", AtMost}, {"不高于", AtMost}, {"不大于", AtMost},
	{"未超过", AtMost}, {"超过", AtLeast}, {"超出", AtLeast}, {"高于", AtLeast},
	{"多于", AtLeast}, {"大于", AtLeast}, {"至少", AtLeast}, {"最少", AtLeast},
	{"大约", Approx}, {"大概", Approx}, {"约为", Approx}, {"约合", Approx},
	{"将近", AtMost}, {"接近", AtMost}, {"不到", AtMost}, {"不足", AtMost},
	{"不满", AtMost}, {"未满", AtMost}, {"少于", AtMost}, {"低于", AtMost},
	{"小于", AtMost}, {"最多", AtMost}, {"至多", AtMost},
	{">=", AtLeast}, {"<=", AtMost},
	{"逾", AtLeast}, {"超", AtLeast}, {"≥", AtLeast}, {">", AtLeast},
	{"约", Approx}, {"近", AtMost}, {"~", Approx}, {"≈", Approx}, {"〜", Approx},
	{"≤", AtMost}, {"<", AtMost},
}

// qualSuffixes stand after a figure, or after its unit ("30家以上").
var qualSuffixes = []qualWord{
	{"以上", AtLeast}, {"之上", AtLeast}, {"开外", AtLeast}, {"有余", AtLeast},
	{"左右", Approx}, {"上下", Approx},
	{"以下", AtMost}, {"之下", AtMost}, {"以内", AtMost}, {"之内", AtMost},
}

// marks stand inside a figure, before 万/亿 or at its end: 30余万, 百余, 十几.
var marks = map[rune]Qualifier{
	'余': AtLeast, '餘': AtLeast, '多': AtLeast, '几': AtLeast, '幾': AtLeast,
	'来': Approx, '來': Approx,
}

// cutQualPrefix removes one qualifying word from the front of s.
func cutQualPrefix(s string) (string, Qualifier, bool) {
	for _, w := range qualPrefixes {
		if rest, ok := strings.CutPrefix(s, w.word); ok {
			return rest, w.q, true
		}
	}
	return s, Exact, false
}

// cutQualSuffix removes one qualifying word from the end of s.
func cutQualSuffix(s string) (string, Qualifier, bool) {
	for _, w := range qualSuffixes {
		if rest, ok := strings.CutSuffix(s, w.word); ok {
			return rest, w.q, true
		}
	}
	return s, Exact, false
}

// mergeQual combines two qualifiers of one figure. A bound outranks Approx
// ("约30多万" is still at least 30万); a lower and an upper bound together
// contradict each other.
func mergeQual(a, b Qualifier) (Qualifier, bool) {
	switch {
	case a == Exact || a == b:
		return b, true
	case b == Exact:
		return a, true
	case a == Approx:
		return b, true
	case b == Approx:
		return a, true
	}
	return a, false
}
