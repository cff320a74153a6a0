// Package textx reads the policy texts the bureau writes and receives
// (replies to deputies' suggestions, work reports, cooperation reports) and
// pulls out every stated figure as a candidate observation: "30余个" shared
// platforms, "1亿元" a year of funding, "3家" provincial makerspaces, and the
// dated signing events ("2019年9月，…与山东大学签订全面合作协议").
//
// The package is pure: no database and no I/O. It splits a text into
// sentences (Sentences), finds the figures in them (Extract) and describes
// each one from its sentence: the metric it counts, the place it is about,
// the partners named with it, the period it refers to and whether it is a
// yearly flow or a stock to date. Numbers, money, dates, places and
// organisation names are normalised by package normalize; this package only
// finds where they are written.
//
// Extract is a candidate generator: it aims for high recall with few false
// figures, and every candidate carries its sentence as evidence so that a
// person can confirm it before it becomes data.
package textx
