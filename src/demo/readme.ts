/**
 * The README.md written next to the demo dataset.
 */
import { defaults } from "../options/defaults.js";

/** Figures of a generated dataset quoted in its README. */
export interface DemoSummary {
  units: number;
  totalPopulation: number;
  providers: number;
  areas: number;
  footprints: number;
  island: string;
  links: string[];
  oversize: string;
  undersize: string;
  nonContiguous: string;
  islandFootprint: string;
  seed: number;
}

const thousands = (n: number): string => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/**
 * Renders the README: that the data are synthetic, what each file holds, how to rebuild it and
 * which rules the starting plan breaks on purpose.
 *
 * @example
 * demoReadme(summary).startsWith("# SYNTHETIC demo dataset"); // true
 */
export function demoReadme(s: DemoSummary): string {
  const fix = (text: string): string => text.replace(/\((\d+) people\)/, (_, p: string) => `(${thousands(Number(p))} people)`);
  return `# SYNTHETIC demo dataset (not real data)

Everything in this folder is **synthetic**: an invented country placed in the open Atlantic
(around 30° W, 45° N, where there is no land), with invented place names, invented people and
invented hospital trusts. It exists to try \`stp-footprint\` without downloading anything and to
exercise every rule. Do not use it for anything else.

Rebuild it with \`npm run make-demo\` (seed ${s.seed}). The generator (\`src/demo/\`) is
deterministic: running it again gives byte-identical files.

## Files

| File | Contents |
| --- | --- |
| \`stp-footprint.json\` | Manifest: which file is what, column names, rule parameters (population ${thousands(defaults.populationMin)}..${thousands(defaults.populationMax)}, cross-footprint threshold ${defaults.threshold}, ${defaults.adjacency} adjacency). |
| \`units.geojson\` | ${s.units} unit polygons (longitude/latitude, 5 decimals, counter-clockwise exterior rings) with properties \`code\`, \`name\` and \`synthetic: true\`. Units tile the land exactly: neighbours share identical boundary vertices. |
| \`population.csv\` | \`unit,population\`: people per unit, ${thousands(s.totalPopulation)} in total. |
| \`providers.csv\` | \`provider,unit,value\`: catchment population of each of ${s.providers} providers in each unit, from a distance-decay (Huff gravity) model; shares under 1% of a unit are dropped. A unit's values sum to its population. |
| \`provider_sites.csv\` | \`provider,name,lon,lat\`: where each provider's main site is. |
| \`links.csv\` | \`unit_a,unit_b,kind,note\`: ferry links from the island ${s.island} to ${s.links.join(" and ")}. |
| \`areas.csv\` | \`area,area_name,unit,weight\`: a second geography of ${s.areas} invented local authorities; \`weight\` is the number of the unit's people who live in the area (a few units are split between two areas). Areas nest in the footprints the plan was grown from, so the plan splits an area only at a split unit or at a deliberate break. |
| \`plan.csv\` | \`unit,footprint,footprint_name\`: a starting plan of ${s.footprints} footprints. |

## Rules the starting plan breaks on purpose

- Population above ${thousands(defaults.populationMax)}: ${fix(s.oversize)}.
- Population below ${thousands(defaults.populationMin)}: ${fix(s.undersize)}.
- Not contiguous: ${s.nonContiguous}.
- The island's footprint ${s.islandFootprint} is contiguous only through the ferry links.

Every other footprint is contiguous and within the population bounds. Cross-footprint providers
(at least 5% of a provider's catchment in each of two footprints) arise naturally from the
catchment model.
`;
}
