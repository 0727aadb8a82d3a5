/** What `labelFootprints` needs to name the footprints of a result. */
export interface LabelInput {
  /** Result footprint (0..k-1) per unit. */
  assign: Int32Array;
  /** Start footprint index per unit (-1 for none), or null without a start. */
  start: Int32Array | null;
  /** Ids and names of the start footprints, by start index. */
  startIds: string[];
  startNames: string[];
  population: Float64Array;
  /** Result footprints that must carry a start footprint's id (locks, exceptions named by id): result -> start index. */
  pinned?: Map<number, number>;
  /** A name for a footprint made of these units, for footprints that get a new id. */
  nameOf: (units: number[]) => string;
  /** Prefix of new ids (default "NEW"): NEW01, NEW02, ... skipping ids already in use. */
  newPrefix?: string;
}

/** Ids and names of a result's footprints, and how each relates to the start. */
export interface Labels {
  /** Id per result footprint. */
  ids: string[];
  names: string[];
  /** Per result footprint, the start footprint it continues (its id kept), or -1 when new or empty ("" id). */
  continues: number[];
  /** Units whose footprint id differs from their start footprint's id. */
  moved: number;
}

/**
 * Names the footprints of a result so that names tell the truth: a result footprint keeps a start
 * footprint's id and name only when each holds the majority of the other's population (so at most
 * one result footprint continues each start footprint, and the name describes most of the people
 * in it). Other footprints get a new id (NEW01, ...) and a name built from their members. A pinned
 * footprint (a lock or exception names its id) keeps that id whatever it overlaps, and keeps the
 * name only under the majority rule.
 * @example
 * labelFootprints({ assign, start, startIds, startNames, population, nameOf }).ids // ["E54000005", "NEW01", ...]
 */
export function labelFootprints(o: LabelInput): Labels {
  const { assign, start, population } = o;
  let k = 0;
  for (const f of assign) if (f + 1 > k) k = f + 1;
  const S = o.startIds.length;
  const popR = new Float64Array(k);
  const popS = new Float64Array(S);
  const shared = new Map<number, number>(); // r * S + s -> population in both
  for (let u = 0; u < assign.length; u++) {
    const r = assign[u];
    if (r < 0) continue;
    const p = population[u] > 0 ? population[u] : 0;
    popR[r] += p;
    const s = start ? start[u] : -1;
    if (s < 0) continue;
    popS[s] += p;
    shared.set(r * S + s, (shared.get(r * S + s) ?? 0) + p);
  }
  const continues = new Array<number>(k).fill(-1);
  const majority = new Array<number>(k).fill(-1);
  for (const [key, p] of shared) {
    const r = Math.floor(key / S);
    const s = key - r * S;
    if (p > popR[r] / 2 && p > popS[s] / 2) majority[r] = s;
  }
  const taken = new Set<number>();
  for (const [r, s] of o.pinned ?? []) {
    if (r >= k || taken.has(s)) continue;
    continues[r] = s;
    taken.add(s);
  }
  for (let r = 0; r < k; r++) if (continues[r] < 0 && majority[r] >= 0 && !taken.has(majority[r])) {
    continues[r] = majority[r];
    taken.add(majority[r]);
  }
  const used = new Set(o.startIds);
  const prefix = o.newPrefix ?? "NEW";
  let next = 1;
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let u = 0; u < assign.length; u++) if (assign[u] >= 0) members[assign[u]].push(u);
  const ids: string[] = [];
  const names: string[] = [];
  for (let r = 0; r < k; r++) {
    const s = continues[r];
    if (members[r].length === 0) {
      // An empty footprint number (the search merged it away) gets no id.
      ids.push("");
      names.push("");
      continues[r] = -1;
      continue;
    }
    if (s >= 0) {
      ids.push(o.startIds[s]);
      names.push(majority[r] === s ? o.startNames[s] : o.nameOf(members[r]));
      continue;
    }
    let id: string;
    do id = `${prefix}${String(next++).padStart(2, "0")}`;
    while (used.has(id));
    used.add(id);
    ids.push(id);
    names.push(o.nameOf(members[r]));
  }
  let moved = 0;
  if (start) for (let u = 0; u < assign.length; u++) if (start[u] >= 0 && assign[u] >= 0 && ids[assign[u]] !== o.startIds[start[u]]) moved++;
  return { ids, names, continues, moved };
}

/**
 * A unit's or area's name as a place: "NHS Camden CCG" -> "Camden", "Bristol, City of" ->
 * "City of Bristol" (the ONS style, which reads badly in a list).
 */
export function placeName(name: string): string {
  return name
    .replace(/^NHS\s+/i, "")
    .replace(/\s+(CCG|ICB|Clinical Commissioning Group)$/i, "")
    .replace(/^(.+), (City|County) of$/, "$2 of $1")
    .trim();
}

/**
 * A footprint's name from its members: the places (local authorities when known, else units)
 * holding most of its people, largest first, until they hold more than half of them or three are
 * named; "and N more" when three hold half or less. So no name claims a place that is under half
 * of the footprint. When a place's own name has "and" in it, "&" joins the last two.
 * @param weights place -> people of the footprint in it
 * @example
 * memberName(new Map([["Camden", 280], ["Barnet", 400], ["Enfield", 330]])) // "Barnet and Enfield"
 */
export function memberName(weights: Map<string, number>): string {
  const places = [...weights].filter(([n, w]) => n !== "" && w > 0).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (places.length === 0) return "";
  const total = places.reduce((x, [, w]) => x + w, 0);
  const named: string[] = [];
  let held = 0;
  for (const [name, w] of places) {
    if (named.length === 3 || held > total / 2) break;
    named.push(name);
    held += w;
  }
  const rest = places.length - named.length;
  // "Brighton and Hove and Arun" would read as three places: with an "and" inside a name, "&" joins.
  const and = named.some((n) => / and /.test(n)) ? " & " : " and ";
  if (rest > 0 && held <= total / 2) return `${named.join(", ")}${and}${rest} more`;
  return named.length === 1 ? named[0] : `${named.slice(0, -1).join(", ")}${and}${named[named.length - 1]}`;
}
