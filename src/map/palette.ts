/**
 * Fill colours for footprints: Paul Tol's "light" qualitative scheme (Tol, "Colour Schemes",
 * SRON/EPS/TN/09-002, 2021), designed for filled areas with dark labels on top and readable by
 * people with colour-blindness. Nine colours; DSATUR rarely needs more than five on a map.
 */
export const fillPalette = ["#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#44BB99", "#BBCC33", "#AAAA00", "#DDDDDD"] as const;

/** Marks drawn over the fills (Tol's "vibrant" scheme, which stays distinct from the light fills). */
export const markColours = {
  /** Outline and hatching of footprints over or under the population bounds. */
  population: "#CC3311",
  /** Outline of the extra pieces of a non-contiguous footprint. */
  piece: "#009988",
  /** Dashed links (ferries, bridges). */
  link: "#0077BB",
  /** Cross-footprint provider markers. */
  provider: "#000000",
  /** Footprint outlines. */
  boundary: "#222222",
  /** Unit outlines. */
  unit: "#555555",
  /** Units in no footprint. */
  unassigned: "#FFFFFF",
  /** Units moved from their start footprint (hatching, outline and numbered markers). */
  moved: "#882255",
  /** Footprint boundaries of the start plan, dashed over the proposed plan. */
  before: "#000000",
} as const;

/**
 * The fill of colour index `i`: the palette, then (for the rare graph needing more) further
 * hues spaced by the golden angle, so that colours stay distinct from each other.
 */
export function fillColour(i: number): string {
  if (i < fillPalette.length) return fillPalette[i];
  const hue = Math.round(((i - fillPalette.length) * 137.508) % 360);
  return `hsl(${hue}, 55%, 75%)`;
}
