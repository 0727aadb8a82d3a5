import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readProviderSites } from "../../src/io/readProviderSites.js";

const tmp = mkdtempSync(join(tmpdir(), "stp-sites-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const csv = (name: string, text: string) => {
  const f = join(tmp, name);
  writeFileSync(f, text);
  return f;
};

describe("readProviderSites", () => {
  it("readProviderSites: detects trust_code, lon and lat, keeps names, skips sites without coordinates", async () => {
    const f = csv("trusts.csv", '"trust_code","trust_name","lon","lat"\n"R0A","Manchester",-2.22771,53.46244\n"RXX","Nowhere",NA,NA\n"R0A","Again",0,0\n');
    expect(await readProviderSites(f)).toEqual([{ provider: "R0A", name: "Manchester", lon: -2.22771, lat: 53.46244, line: 2 }]);
  });

  it("readProviderSites: named columns override detection", async () => {
    const f = csv("named.csv", "org,easting,northing\nP1,1500,2500\n");
    expect(await readProviderSites(f, { providerColumn: "org", lonColumn: "easting", latColumn: "northing" })).toEqual([
      { provider: "P1", name: "", lon: 1500, lat: 2500, line: 2 },
    ]);
  });

  it("readProviderSites: a bad number names the file, line and column", async () => {
    const f = csv("bad.csv", "provider,lon,lat\nP1,1;5,2\n");
    await expect(readProviderSites(f)).rejects.toThrow(/bad\.csv: line 2: "lon"/);
  });
});
