import type { FlatRings, UnitGeometry } from "./types.js";

/** Grows a typed array to at least `size` elements, keeping its contents. */
function grow<T extends Float64Array | Int32Array>(a: T, size: number): T {
  if (size <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

/** Collects rings into flat arrays as units are added (see toUnits, which fills it while checking). */
export class FlatRingsBuilder {
  private coords = new Float64Array(1 << 16);
  private ringStart = new Int32Array(1 << 10);
  private ringUnit = new Int32Array(1 << 10);
  private points = 0;
  private rings = 0;
  private minX = Infinity;
  private minY = Infinity;
  private maxX = -Infinity;
  private maxY = -Infinity;

  /** Adds one ring of unit `unit`; positions must already be checked to be finite pairs. */
  addRing(unit: number, ring: readonly (readonly number[])[]): void {
    this.ringStart = grow(this.ringStart, this.rings + 2);
    this.ringUnit = grow(this.ringUnit, this.rings + 1);
    this.coords = grow(this.coords, 2 * (this.points + ring.length));
    this.ringStart[this.rings] = this.points;
    this.ringUnit[this.rings] = unit;
    this.rings++;
    const c = this.coords;
    let k = 2 * this.points;
    for (let i = 0; i < ring.length; i++) {
      const x = ring[i][0], y = ring[i][1];
      c[k++] = x;
      c[k++] = y;
      if (x < this.minX) this.minX = x;
      if (x > this.maxX) this.maxX = x;
      if (y < this.minY) this.minY = y;
      if (y > this.maxY) this.maxY = y;
    }
    this.points += ring.length;
  }

  finish(): FlatRings {
    const ringStart = this.ringStart.slice(0, this.rings + 1);
    ringStart[this.rings] = this.points;
    return {
      coords: this.coords.slice(0, 2 * this.points),
      ringStart,
      ringUnit: this.ringUnit.slice(0, this.rings),
      bbox: [this.minX, this.minY, this.maxX, this.maxY],
    };
  }
}

/** Flattens GeoJSON geometries (null entries have no rings). */
export function flattenGeometries(geometries: readonly (UnitGeometry | null)[]): FlatRings {
  const b = new FlatRingsBuilder();
  geometries.forEach((g, u) => {
    if (!g) return;
    for (const poly of g.type === "Polygon" ? [g.coordinates] : g.coordinates) for (const ring of poly) b.addRing(u, ring);
  });
  return b.finish();
}
