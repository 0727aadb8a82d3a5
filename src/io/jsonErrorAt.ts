/**
 * Finds where JSON text first goes wrong, for error messages (Node 20's JSON.parse does not
 * always say). A small recursive-descent checker; it runs only after JSON.parse has failed.
 * Returns the 0-based offset and a short reason.
 */
export function jsonErrorAt(text: string): { offset: number; reason: string } {
  let i = 0;
  const n = text.length;
  class Stop extends Error {
    constructor(
      readonly offset: number,
      readonly reason: string,
    ) {
      super(reason);
    }
  }
  const fail = (reason: string, at = i): never => {
    throw new Stop(at, at >= n ? "the text ends too early (truncated?)" : reason);
  };
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail(`unexpected ${show(text[i])}`);
  };
  const string = () => {
    i++;
    for (;;) {
      if (i >= n) fail("");
      const c = text[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c === "\\") {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail("a bad \\u escape in a string");
          i += 6;
        } else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
        else fail("a bad escape in a string");
      } else if (c.charCodeAt(0) < 32) fail("a control character (or line break) inside a string");
      else i++;
    }
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!m) fail(`unexpected ${show(text[i])}`);
    i += m![0].length;
  };
  const value = (depth: number): void => {
    if (depth > 10000) fail("nesting too deep");
    ws();
    if (i >= n) fail("");
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a "quoted" key, found ${show(text[i])}`);
        string();
        ws();
        if (text[i] !== ":") fail(`expected ":" after a key, found ${show(text[i])}`);
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "}") {
          i++;
          return;
        }
        fail(`expected "," or "}", found ${show(text[i])}`);
      }
    } else if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ",") {
          i++;
          continue;
        }
        if (text[i] === "]") {
          i++;
          return;
        }
        fail(`expected "," or "]", found ${show(text[i])}`);
      }
    } else if (c === '"') string();
    else if (c === "t") literal("true");
    else if (c === "f") literal("false");
    else if (c === "n") literal("null");
    else if (c === "-" || (c >= "0" && c <= "9")) number();
    else fail(`unexpected ${show(c)}${c === "N" || c === "I" ? " (NaN and Infinity are not JSON numbers)" : ""}`);
  };
  try {
    value(0);
    ws();
    if (i < n) fail(`unexpected ${show(text[i])} after the end of the JSON value`);
    return { offset: n, reason: "not valid JSON" };
  } catch (e) {
    if (e instanceof Stop) return { offset: e.offset, reason: e.reason };
    if (e instanceof RangeError) return { offset: i, reason: "nesting too deep" };
    throw e;
  }
}

function show(c: string | undefined): string {
  return c === undefined ? "the end of the text" : `'${c}'`;
}
