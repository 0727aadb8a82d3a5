import type { Polyline } from "./groupBoundaries.js";
import type { ShapeRings } from "./projectUnits.js";

/** A coordinate rounded to 0.1 pixel, without trailing zeros. */
function n(v: number): string {
  return String(Math.round(v * 10) / 10);
}

/** Twice the signed area of a flat ring: its sign tells which way the ring winds. */
function signedArea2(r: readonly number[]): number {
  let a = 0;
  for (let i = 0, m = r.length / 2, j = m - 1; i < m; j = i++) a += (r[2 * j] - r[2 * i]) * (r[2 * j + 1] + r[2 * i + 1]);
  return a;
}

function ringData(r: readonly number[], positive: boolean): string {
  const m = r.length / 2;
  const reverse = signedArea2(r) > 0 !== positive;
  const parts: string[] = [];
  for (let k = 0; k < m; k++) {
    const i = reverse ? m - 1 - k : k;
    parts.push(`${n(r[2 * i])} ${n(r[2 * i + 1])}`);
  }
  return `M${parts[0]}L${parts.slice(1).join(" ")}Z`;
}

/**
 * SVG path data for units' polygons: exterior rings wound one way and holes the other, whatever
 * the input's winding, so that the non-zero fill rule fills every unit (even where neighbours
 * overlap by a sliver) and leaves holes empty.
 *
 * @example
 * shapesPath([[[[0, 0, 10, 0, 10, 10]]]]); // "M0 0L10 0 10 10Z"
 */
export function shapesPath(shapes: readonly ShapeRings[]): string {
  const out: string[] = [];
  for (const polys of shapes) for (const rings of polys) rings.forEach((r, i) => out.push(ringData(r, i === 0)));
  return out.join("");
}

/** SVG path data for polylines (closed ones end with Z). */
export function polylinesPath(lines: readonly Polyline[]): string {
  return lines
    .map((l) => {
      const pts: string[] = [];
      for (let i = 0; i < l.points.length; i += 2) pts.push(`${n(l.points[i])} ${n(l.points[i + 1])}`);
      return `M${pts[0]}L${pts.slice(1).join(" ")}${l.closed ? "Z" : ""}`;
    })
    .join("");
}
