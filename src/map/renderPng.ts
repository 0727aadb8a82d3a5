import { mapFontFamily } from "./renderSvg.js";

/**
 * Rasterises an SVG to PNG with resvg (a Rust renderer, no browser). Labels need a font on the
 * system: resvg loads the system fonts and uses DejaVu Sans by default (Debian's fonts-dejavu-core);
 * without any font, text is silently left out.
 *
 * @param scale pixels per SVG unit (default 1.5, for crisp text)
 * @example
 * outputs.write("--out", await renderPng(renderSvg(scene)));
 */
export async function renderPng(svg: string, scale = 1.5): Promise<Buffer> {
  const { Resvg } = await import("@resvg/resvg-js");
  const resvg = new Resvg(svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "#FFFFFF",
    font: { loadSystemFonts: true, defaultFontFamily: mapFontFamily.split(",")[0].trim(), sansSerifFamily: "DejaVu Sans" },
    logLevel: "off",
  });
  return resvg.render().asPng();
}
