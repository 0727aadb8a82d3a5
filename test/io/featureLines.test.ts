import { describe, expect, it } from "vitest";
import { featureLinesOf } from "../../src/io/featureLines.js";

describe("featureLines", () => {
  it("featureLines: the line where each feature of the top-level features array starts", () => {
    const text = [
      '{"type": "FeatureCollection", "name": "x {not a brace",',
      '"features": [',
      '{ "type": "Feature", "properties": { "features": [ {"a": "\\" }"} ], "n": "{[" }, "geometry": null },',
      "",
      '{ "type": "Feature",',
      '  "properties": {}, "geometry": { "type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]] } }',
      "],",
      '"bbox": [{"x": 1}]',
      "}",
    ].join("\n");
    expect(featureLinesOf(text)).toEqual([3, 5]);
  });

  it("featureLines: one line holding every feature gives line 1 for each; no features array gives none", () => {
    expect(featureLinesOf('{"type":"FeatureCollection","features":[{"type":"Feature"},{"type":"Feature"}]}')).toEqual([1, 1]);
    expect(featureLinesOf('{"type":"Topology","objects":{"features":{"geometries":[{}]}}}')).toEqual([]);
  });
});
