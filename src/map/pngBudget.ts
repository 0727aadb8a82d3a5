import { UsageError } from "../errors.js";
import { formatInt } from "../model/format.js";

/**
 * The most pixels a PNG may have: 50 million (for example 5,000 x 10,000). The renderer holds 4
 * bytes a pixel, so this keeps a PNG under about 200 MB while it is drawn; `--width 10000 --scale 8`
 * would have needed about 19 GB.
 */
export const maxPngPixels = 50_000_000;

/** The least height a map has (see buildMap), for checking a size before the data is read. */
export const minMapHeight = 560;

/**
 * Refuses a PNG of `width` x `height` SVG pixels at `scale` pixels per SVG pixel when it would be
 * over `maxPngPixels`, naming `option`, before anything is allocated for it.
 *
 * @throws UsageError naming the option
 * @example
 * assertPngBudget(10000, 12000, 8, "--scale"); // throws: 80,000 x 96,000 pixels
 */
export function assertPngBudget(width: number, height: number, scale: number, option: string): void {
  const w = Math.ceil(width * scale), h = Math.ceil(height * scale);
  if (w * h <= maxPngPixels) return;
  throw new UsageError(
    `a PNG of ${formatInt(w)} x ${formatInt(h)} pixels (${formatInt(Math.round((w * h) / 1e6))} million) is over the budget of ${formatInt(maxPngPixels / 1e6)} million pixels; lower --scale or --width, or draw an .svg`,
    option,
  );
}
