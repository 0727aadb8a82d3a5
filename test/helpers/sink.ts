import type { Sink } from "../../src/report/text.js";

/** A Sink that keeps what is written, for reporter tests. */
export function collect(): Sink & { text(): string } {
  const parts: string[] = [];
  return {
    write(s: string) {
      parts.push(s);
      return true;
    },
    text: () => parts.join(""),
  };
}
