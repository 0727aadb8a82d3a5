import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Public-style small-area files for an invented place: a grid of `cols` x `rows` small areas
 * (squares of 0.01 degrees at 51N), each with `population(i)` people, grouped 2 x 2 into units
 * ("U" + row block + col block), units into two footprints (the first two columns, F1, and the
 * rest, F2), small areas in pairs into middle-layer areas ("M" + index) for catchment proportions,
 * and columns into two "districts" (D1: the first three columns; a second geography that cuts
 * the units of columns 2 and 3 in two).
 *
 *   small areas (S..), rows=2, cols=6:   units:                     footprints:         districts:
 *   S6 S7 S8 S9 S10 S11                  U00 U00 U01 U01 U02 U02    F1 F1 F2 F2 F2 F2   D1 D1 D1 D2 D2 D2
 *   S0 S1 S2 S3 S4  S5                   U00 U00 U01 U01 U02 U02    F1 F1 F2 F2 F2 F2   D1 D1 D1 D2 D2 D2
 */
export function smallAreaFiles(rows: number, cols: number, population: (i: number) => number = (i) => 1000 + 10 * i) {
  const dir = mkdtempSync(join(tmpdir(), "stp-prepare-"));
  const lookup = ["LSOA11CD,LSOA11NM,MSOA11CD,CCG16CD,CCG16NM,STP17CD,STP17NM,LAD16CD,pop_mid2019"];
  const features: string[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      const unit = `U${Math.floor(r / 2)}${Math.floor(c / 2)}`;
      const fp = c < 2 ? "F1" : "F2";
      const lad = c < 3 ? "D1" : "D2";
      lookup.push(`S${i},Area ${i},M${Math.floor(i / 2)},${unit},"Unit ${unit}",${fp},"Footprint ${fp}",${lad},${population(i)}`);
      const x = c * 0.01, y = 51 + r * 0.01;
      const ring = [[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]].map(([a, b]) => [Number(a.toFixed(5)), Number(b.toFixed(5))]);
      features.push(JSON.stringify({ type: "Feature", properties: { LSOA11CD: `S${i}` }, geometry: { type: "Polygon", coordinates: [ring] } }));
    }
  }
  // Two providers: P1 takes 60% of each middle-layer area's patients, P2 30% (10% unattributed).
  const catchment = ["MSOA11CD,trust_code,proportion"];
  for (let m = 0; m < (rows * cols) / 2; m++) catchment.push(`M${m},P1,0.6`, `M${m},P2,0.3`);
  const files = {
    dir,
    lookup: join(dir, "lookup.csv"),
    catchment: join(dir, "catchment.csv"),
    smallAreaBoundaries: join(dir, "small_areas.geojson"),
  };
  writeFileSync(files.lookup, lookup.join("\n") + "\n");
  writeFileSync(files.catchment, catchment.join("\n") + "\n");
  writeFileSync(files.smallAreaBoundaries, `{"type":"FeatureCollection","features":[\n${features.join(",\n")}\n]}\n`);
  return files;
}
