import { writeFileSync } from "node:fs";

/**
 * Writes a minimal polygon Shapefile (.shp + .dbf, character fields only) for reader tests.
 * Rings are given as GeoJSON (exterior counter-clockwise) and written clockwise, as the
 * Shapefile specification wants exterior rings.
 */
export function writeShapefile(shpPath: string, records: { rings: number[][][]; props: Record<string, string> }[]): void {
  const recordBuffers = records.map((r, i) => {
    const rings = r.rings.map((ring) => [...ring].reverse());
    const points = rings.flat();
    const content = Buffer.alloc(44 + 4 * rings.length + 16 * points.length);
    content.writeInt32LE(5, 0);
    const xs = points.map((p) => p[0]), ys = points.map((p) => p[1]);
    [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].forEach((v, k) => content.writeDoubleLE(v, 4 + 8 * k));
    content.writeInt32LE(rings.length, 36);
    content.writeInt32LE(points.length, 40);
    let start = 0;
    rings.forEach((ring, k) => {
      content.writeInt32LE(start, 44 + 4 * k);
      start += ring.length;
    });
    points.forEach((p, k) => {
      content.writeDoubleLE(p[0], 44 + 4 * rings.length + 16 * k);
      content.writeDoubleLE(p[1], 52 + 4 * rings.length + 16 * k);
    });
    const header = Buffer.alloc(8);
    header.writeInt32BE(i + 1, 0);
    header.writeInt32BE(content.length / 2, 4);
    return Buffer.concat([header, content]);
  });
  const body = Buffer.concat(recordBuffers);
  const head = Buffer.alloc(100);
  head.writeInt32BE(9994, 0);
  head.writeInt32BE((100 + body.length) / 2, 24);
  head.writeInt32LE(1000, 28);
  head.writeInt32LE(5, 32);
  const all = records.flatMap((r) => r.rings.flat());
  [Math.min(...all.map((p) => p[0])), Math.min(...all.map((p) => p[1])), Math.max(...all.map((p) => p[0])), Math.max(...all.map((p) => p[1]))].forEach((v, k) =>
    head.writeDoubleLE(v, 36 + 8 * k),
  );
  writeFileSync(shpPath, Buffer.concat([head, body]));

  const fields = Object.keys(records[0]?.props ?? {});
  const widths = fields.map((f) => Math.max(1, ...records.map((r) => Buffer.byteLength(r.props[f] ?? ""))));
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + widths.reduce((a, b) => a + b, 0);
  const dbf = Buffer.alloc(headerLength + recordLength * records.length + 1, 0x20);
  dbf.fill(0, 0, headerLength);
  dbf.writeUInt8(3, 0);
  dbf.writeUInt8(124, 1);
  dbf.writeUInt8(1, 2);
  dbf.writeUInt8(1, 3);
  dbf.writeUInt32LE(records.length, 4);
  dbf.writeUInt16LE(headerLength, 8);
  dbf.writeUInt16LE(recordLength, 10);
  fields.forEach((f, k) => {
    const at = 32 + 32 * k;
    dbf.write(f.slice(0, 10), at, "ascii");
    dbf.write("C", at + 11, "ascii");
    dbf.writeUInt8(widths[k], at + 16);
  });
  dbf.writeUInt8(0x0d, headerLength - 1);
  records.forEach((r, i) => {
    let at = headerLength + i * recordLength + 1;
    fields.forEach((f, k) => {
      dbf.write(r.props[f] ?? "", at, "utf8");
      at += widths[k];
    });
  });
  dbf.writeUInt8(0x1a, dbf.length - 1);
  writeFileSync(shpPath.replace(/\.shp$/, ".dbf"), dbf);
}
