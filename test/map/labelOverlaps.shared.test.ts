import { expect } from "vitest";
import { loadDataset } from "../../src/io/loadDataset.js";
import { readManifest } from "../../src/io/manifest.js";
import { buildMap } from "../../src/map/buildMap.js";
import { boxesOverlap } from "../../src/map/placeLabels.js";
import { checkPlan } from "../../src/rules/checkPlan.js";
import { describeShared, itShared, repoRoot } from "../helpers/shared.js";

describeShared("map labels on England 2016", () => {
  itShared("buildMap: at the default size no two labels overlap, every footprint is labelled, and London is in an inset", async () => {
    const spec = await readManifest(`${repoRoot}/fixtures/england/stp-footprint.json`);
    const { dataset } = await loadDataset(spec);
    const scene = buildMap(dataset, dataset.plan!, checkPlan(dataset, dataset.plan!));
    const labels = scene.footprints.map((f) => ({ id: f.id, ...f.label }));
    expect(labels.filter((l) => l.panel === null)).toEqual([]);
    let overlaps = 0;
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) if (labels[i].panel === labels[j].panel && boxesOverlap(labels[i], labels[j])) overlaps++;
    }
    expect(overlaps).toBe(0);
    // Labels stay inside their panel: the main map, or their inset.
    for (const l of labels) {
      const box = l.panel === -1 ? scene.box : scene.insets[l.panel!].box;
      expect(l.x - l.width / 2).toBeGreaterThanOrEqual(box[0] - 0.1);
      expect(l.x + l.width / 2).toBeLessThanOrEqual(box[2] + 0.1);
    }
    const london = ["E54000027", "E54000028", "E54000029", "E54000030", "E54000031"].map((id) => labels.find((l) => l.id === id)!);
    expect(new Set(london.map((l) => l.panel)).size).toBe(1);
    expect(london[0].panel).toBeGreaterThanOrEqual(0);
    // Readable: every label at 7 px or more.
    for (const l of labels) expect(l.fontSize).toBeGreaterThanOrEqual(7);
  }, 60_000);
});
