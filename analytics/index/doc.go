// Package index computes the corridor integration index (融合指数) for the
// Qilu Science and Technology Innovation Corridor (Jinan ↔ Zibo) following
// the OECD/JRC Handbook on Constructing Composite Indicators (2008).
//
// It is pure computation: inputs are plain values per indicator per period
// (Data), the method is a Config (pillars, indicators, weights, base
// period, options), and the output is a Result whose every field is ready
// for encoding/json. There is no database, no HTTP and no package-level
// mutable state, so the same inputs and seed always give the same Result.
//
// The steps are:
//   - impute: a stock not reported carries its last value (flagged); any
//     other value not reported stays missing, never 0;
//   - anchor at the configured base period (default 2018), never one found
//     in the data; indicators without a base value are left out, and too
//     little base data is a *BaseError (errors.Is ErrNoBase);
//   - normalise each indicator over time (base-period index by default,
//     distance to target as an option; min-max with bounds fixed over the
//     whole span only in the robustness draws), never min-max across the two
//     cities, which would put every indicator at 0 or 100;
//   - aggregate within pillars, then across pillars, re-weighting over the
//     indicators and pillars present: arithmetically for the headline, and
//     as a geometric variant (arithmetic within pillars, a geometric mean
//     shifted by the base level across them) for the robustness band;
//   - explain: each indicator's contribution Wᵢ·yᵢ (they add up to the
//     arithmetic index), coverage, unreported and imputed values,
//     approximate inputs, the indicator correlation matrix;
//   - test robustness with a seeded Monte Carlo over weights, normalisation
//     and aggregation (a 5–95 % band around the headline);
//   - optionally, the coupling coordination degree between the Jinan-supply
//     and Zibo-absorption subsystems on fixed reference levels (Coupling).
//
// Every period is computed from the full data; Result.Window then cuts it
// to the years a reader asked for, so a year's value does not depend on the
// period filter. Method renders the method actually used for the method
// page (MethodNote as plain text).
package index
