/** The path that means standard input (a plan piped in) or standard output (`--out -`). */
export const stdioPath = "-";

let cached: Promise<Buffer> | null = null;

/**
 * All of standard input, read once and kept: a plan given as `-` may be opened more than once
 * (its header is read before the plan itself).
 */
export function readStandardInput(): Promise<Buffer> {
  cached ??= (async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  })();
  return cached;
}
