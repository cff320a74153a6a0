// Package index computes the corridor integration index for the Qilu Science
// and Technology Innovation Corridor (Jinan ↔ Zibo) following the OECD/JRC
// Handbook on Constructing Composite Indicators (2008).
//
// It is pure computation: inputs are plain values per indicator per period
// (Data), the method is a Config (pillars, indicators, weights, options), and
// the output is a Result whose every field is ready for encoding/json. There
// is no database, no HTTP and no package-level mutable state, so the same
// inputs and seed always give the same Result.
//
// The steps are:
//   - normalise each indicator over time (base-period index by default,
//     distance to target as an option; min-max with bounds fixed over the
//     whole span only in the robustness draws), never min-max across the two
//     cities, which would put every indicator at 0 or 100;
//   - aggregate within pillars, then across pillars, both arithmetically and
//     geometrically, re-weighting over the indicators present in a period;
//   - explain: each indicator's contribution Wᵢ·yᵢ (they add up to the
//     arithmetic index), coverage, approximate inputs;
//   - test robustness with a seeded Monte Carlo over weights, normalisation
//     and aggregation (a 5–95 % band around the headline);
//   - optionally, the coupling coordination degree between the Jinan-supply
//     and Zibo-uptake subsystems (Coupling).
//
// MethodNote renders the method actually used as text for the method page.
package index
