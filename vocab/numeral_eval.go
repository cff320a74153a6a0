package vocab

import (
	"errors"
	"math/big"
)

// figure is the value of a scanned figure.
type figure struct {
	val     *big.Rat
	q       Qualifier
	endsBig bool // the figure ends in 万 or 亿: in a money cell that is its own unit
}

// evaluator folds tokens left to right the way Chinese numerals are read:
// 十/百/千 multiply the digit before them within a section, 万/亿 close the
// section. Arabic figures slot in where a digit would ("1亿2000万").
type evaluator struct {
	total, section *big.Rat
	level          *big.Rat // place value of the last 万/亿 group
	pending        *big.Rat // a digit or literal not yet multiplied
	pendingZh      bool     // pending is one Chinese digit right after a unit
	lastSmall      int64    // last 十/百/千 in this section; they must descend
	lastUnit       int64    // last unit of any kind
	zero           bool     // a 零 placeholder since the last unit
	sectionUsed    bool
	prevBig        bool
	q              Qualifier
}

var (
	errRunTogether = errors.New("digits run together")
	errUnitOrder   = errors.New("units out of order")
	errMarkPlace   = errors.New("余/多 must end the figure or stand before 万/亿")
	errConflict    = errors.New("conflicting qualifiers")
	errNoDigit     = errors.New("a unit lacks its digit")
	errTooBig      = errors.New("out of range")
)

// maxLevel bounds stacked units: 万亿亿 (1e20) is already beyond any real
// figure, and the bound keeps "亿亿亿…" from building huge numbers.
var maxLevel = new(big.Rat).SetFloat64(1e20)

// evalFigure computes the value of toks (at least one token).
func evalFigure(toks []token) (figure, error) {
	if v, ok := digitRun(toks); ok {
		return figure{val: v}, nil
	}
	e := evaluator{total: new(big.Rat), section: new(big.Rat), level: big.NewRat(1, 1)}
	for i, t := range toks {
		if err := e.step(toks, i, t); err != nil {
			return figure{}, err
		}
	}
	if err := e.flush(true); err != nil {
		return figure{}, err
	}
	e.total.Add(e.total, e.section)
	return figure{val: e.total, q: e.q, endsBig: endsBig(toks)}, nil
}

// digitRun reads "二〇二一" digit by digit: with no units, a run of Chinese
// digits is a year or a code, not a sum. Two digits without a zero ("三五")
// are a rough range in speech, not a number, so they are left to fail.
func digitRun(toks []token) (*big.Rat, bool) {
	if len(toks) < 3 && !(len(toks) == 2 && (toks[0].digit == 0 || toks[1].digit == 0)) {
		return nil, false
	}
	v := new(big.Int)
	ten := big.NewInt(10)
	for _, t := range toks {
		if t.kind != tokDigit {
			return nil, false
		}
		v.Mul(v, ten).Add(v, big.NewInt(t.digit))
	}
	return new(big.Rat).SetInt(v), true
}

func endsBig(toks []token) bool {
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i].kind != tokMark {
			return toks[i].kind == tokBig
		}
	}
	return false
}

func (e *evaluator) step(toks []token, i int, t token) error {
	switch t.kind {
	case tokDigit, tokLiteral:
		return e.figure(t)
	case tokSmall:
		return e.small(t.unit)
	case tokBig:
		return e.big(t.unit)
	}
	if i+1 < len(toks) && toks[i+1].kind != tokBig {
		return errMarkPlace
	}
	q, ok := mergeQual(e.q, t.q)
	if !ok {
		return errConflict
	}
	e.q = q
	return nil
}

// figure takes a digit or literal; 零 after a unit only holds a place ("一百零五").
func (e *evaluator) figure(t token) error {
	if t.kind == tokDigit && t.digit == 0 && e.lastUnit != 0 {
		e.zero, e.prevBig = true, false
		return nil
	}
	if e.pending != nil {
		return errRunTogether
	}
	if t.kind == tokLiteral {
		e.pending, e.pendingZh = t.val, false
		return nil
	}
	e.pending = big.NewRat(t.digit, 1)
	e.pendingZh = e.lastUnit != 0 && !e.zero
	return nil
}

// small applies 十/百/千. A bare 十 or 百 means one of it ("十二", "百余").
func (e *evaluator) small(u int64) error {
	if e.lastSmall != 0 && u >= e.lastSmall {
		return errUnitOrder
	}
	p := e.pending
	if p == nil {
		if e.sectionUsed {
			return errNoDigit
		}
		p = big.NewRat(1, 1)
	}
	e.section.Add(e.section, new(big.Rat).Mul(p, big.NewRat(u, 1)))
	e.pending, e.lastSmall, e.lastUnit = nil, u, u
	e.zero, e.sectionUsed, e.prevBig = false, true, false
	return nil
}

// big applies 万/亿 to the section, or to everything so far when it follows
// another big unit, is the first big unit, or the total is still below it
// ("一万亿", "三千五百万亿", "12000万").
func (e *evaluator) big(u int64) error {
	if err := e.flush(false); err != nil {
		return err
	}
	U := big.NewRat(u, 1)
	if !e.sectionUsed && e.total.Sign() == 0 && !e.prevBig {
		e.section.SetInt64(1) // "万" alone, as in "近万"
	}
	sum := new(big.Rat).Add(e.total, e.section)
	// The first 万/亿 multiplies whatever came before it, however large:
	// reports write "12000万元" and "13,582.6万元" as often as "1.2亿元".
	if e.prevBig || sum.Cmp(U) < 0 || e.total.Sign() == 0 {
		e.total = sum.Mul(sum, U)
		if e.level.Mul(e.level, U).Cmp(maxLevel) > 0 {
			return errTooBig
		}
	} else {
		part := new(big.Rat).Mul(e.section, U)
		if !e.sectionUsed || part.Cmp(e.level) >= 0 {
			return errUnitOrder
		}
		e.total.Add(e.total, part)
		e.level = U
	}
	e.section = new(big.Rat)
	e.lastSmall, e.lastUnit = 0, u
	e.zero, e.sectionUsed, e.prevBig = false, false, true
	return nil
}

// flush adds the pending figure to the section. A Chinese digit right after a
// unit counts in the next lower place: "一千二" is 1200, "一万五" 15000. That
// shorthand is only read inside a section or at the very end, so "一亿五万"
// stays 100,050,000.
func (e *evaluator) flush(atEnd bool) error {
	if e.pending == nil {
		return nil
	}
	p := e.pending
	if e.pendingZh && (atEnd || !e.prevBig) && e.lastUnit >= 10 {
		p = new(big.Rat).Mul(p, big.NewRat(e.lastUnit/10, 1))
	}
	if e.lastUnit != 0 && p.Cmp(big.NewRat(e.lastUnit, 1)) >= 0 {
		return errUnitOrder
	}
	e.section.Add(e.section, p)
	e.pending, e.sectionUsed, e.prevBig = nil, true, false
	return nil
}
