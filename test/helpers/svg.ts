/** Attributes of every element with the given tag and class in an SVG text (a small regex reader for tests). */
export function elements(svg: string, tag: string, cls: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const re = new RegExp(`<${tag}\\s([^>]*)>`, "g");
  for (const m of svg.matchAll(re)) {
    const attrs: Record<string, string> = {};
    for (const a of m[1].matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1]] = a[2];
    if ((attrs.class ?? "").split(/\s+/).includes(cls)) out.push(attrs);
  }
  return out;
}

/** The text content of each `<text class="label">`, by footprint. */
export function labels(svg: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of svg.matchAll(/<text class="label" data-footprint="([^"]*)"[^>]*>(.*?)<\/text>/g)) {
    out.set(m[1], m[2].replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim());
  }
  return out;
}
