import { z } from "zod";
import { isPlainNumber } from "./plainNumber.js";
import { isRuleId, nearestRuleId } from "./ruleIds.js";

/**
 * How an option's value is read: `schema` checks it as a manifest (JSON) or a library caller
 * gives it; `fromCli` turns what commander hands over (text, true/false for a switch, an array for
 * a repeatable option) into the same value, with the same bounds and messages. A message is a
 * plain phrase to follow the option's name ("--threshold: must be at most 1").
 */
export interface ValueType<T> {
  schema: z.ZodType<T, z.ZodTypeDef, unknown>;
  fromCli: z.ZodType<T, z.ZodTypeDef, unknown>;
  /** The value as help and the README show it. */
  show: (value: T) => string;
  /** The value is a file path (a manifest's paths are relative to the manifest). */
  path?: boolean;
  /** The flag may be given more than once; commander collects the texts into an array. */
  repeatable?: boolean;
  /** Takes no value on the command line (a switch). */
  switch?: boolean;
}

/** Text: a column or field name, a title. */
export function text(check?: { pattern: RegExp; message: string }): ValueType<string> {
  let schema = z.string().min(1, "must not be empty");
  if (check) schema = schema.regex(check.pattern, check.message);
  return { schema, fromCli: schema, show: (v) => v };
}

/** A file path. */
export function file(check?: { pattern: RegExp; message: string }): ValueType<string> {
  return { ...text(check), path: true };
}

/**
 * Output files, the flag repeatable (`--out a.html --out a.png`): each is written; one file named
 * twice is refused. `check` says which extensions are taken.
 */
export function files(check: { pattern: RegExp; message: string }): ValueType<string[]> {
  const one = z.string().min(1, "must not be empty").regex(check.pattern, check.message);
  const schema = z.array(one).refine((fs) => new Set(fs).size === fs.length, "names one file twice");
  return { schema, fromCli: schema, show: (v) => v.join(", "), path: true, repeatable: true };
}

/**
 * A finite number within bounds (given by `bounds`, with their messages). On the command line it
 * must be written plainly: `1,234`, `3e5x` and units are refused rather than misread.
 * @example
 * number((n) => n.gt(0, "must be above 0").max(1, "must be at most 1"))
 */
export function number(bounds: (n: z.ZodNumber) => z.ZodNumber): ValueType<number> {
  const schema = bounds(z.number().finite("must be a finite number"));
  const fromCli = z.string().trim().refine(isPlainNumber, "must be a plain number (like 300000 or 0.05)").transform(Number).pipe(schema);
  return { schema, fromCli, show: String };
}

/** A whole number of at least `min` and at most `max`. */
export function count(min: number, max?: number): ValueType<number> {
  return number((n) => {
    let r = n.int("must be a whole number").min(min, min === 0 ? "must not be negative" : `must be at least ${min}`);
    if (max !== undefined) r = r.max(max, `must be at most ${max}`);
    return r;
  });
}

/** One of a few words. */
export function choice<const V extends readonly [string, ...string[]]>(values: V): ValueType<V[number]> {
  const schema = z.enum(values as unknown as [V[number], ...V[number][]], { errorMap: () => ({ message: `must be one of ${values.join(", ")}` }) });
  return { schema, fromCli: schema, show: (v) => v };
}

/** A switch: present or not. */
export function flag(): ValueType<boolean> {
  const schema = z.boolean();
  return { schema, fromCli: schema, show: String, switch: true };
}

/** A file, or `false` when its `--no-` form is given (`--start FILE` / `--no-start`). */
export function fileOrNone(): ValueType<string | false> {
  const schema = z.union([z.string().min(1, "must not be empty"), z.literal(false)]);
  return { schema, fromCli: schema, show: String, path: true };
}

const week = 7 * 24 * 3_600_000;
const unitMs: Record<string, number> = { ms: 1, s: 1000, m: 60_000, min: 60_000, h: 3_600_000 };

/** A duration in milliseconds, written `60s`, `2m`, `1h`, `500ms` or as plain seconds; at most a week. */
export function duration(): ValueType<number> {
  const schema = z.number().finite().gt(0, "must be more than 0").max(week, "must be at most a week");
  const fromCli = z
    .string()
    .transform((s, ctx) => {
      const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|min|h)?\s*$/.exec(s);
      if (!m) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${s}" is not a duration (like 60s, 2m or 500ms)` });
        return z.NEVER;
      }
      return Number(m[1]) * unitMs[m[2] ?? "s"];
    })
    .pipe(schema);
  return { schema, fromCli, show: showDuration };
}

function showDuration(ms: number): string {
  for (const [unit, size] of [["h", 3_600_000], ["m", 60_000], ["s", 1000]] as const) if (ms % size === 0) return `${ms / size}${unit}`;
  return `${ms}ms`;
}

/** A count or an inclusive range of counts: `44` or `40-48`. */
export function countRange(): ValueType<{ min: number; max: number }> {
  const schema = z
    .object({ min: z.number().int(), max: z.number().int() })
    .refine((r) => r.min >= 1 && r.min <= r.max, "must be at least 1, and a range must run upwards");
  const fromCli = z
    .string()
    .regex(/^\s*\d+\s*(-\s*\d+\s*)?$/, "must be a number or a range like 40-48")
    .transform((s) => {
      const [a, b] = s.split("-").map((x) => Number(x.trim()));
      return { min: a, max: b ?? a };
    })
    .pipe(schema);
  return { schema, fromCli, show: (r) => (r.min === r.max ? String(r.min) : `${r.min}-${r.max}`) };
}

export type Severity = "error" | "warning" | "off";
const severityNames = ["error", "warning", "off"] as const;
const severity = z.enum(severityNames, { errorMap: () => ({ message: "must be error, warning or off" }) });

function unknownRule(id: string): string {
  const near = nearestRuleId(id);
  return `unknown rule${near ? ` (did you mean "${near}"?)` : ""}`;
}

/**
 * Per-rule severities: in a manifest an object `{ "split-area": "off" }`; on the command line a
 * repeatable `--rule split-area=off`. Unknown rule ids and severities are refused, naming the key.
 */
export function severities(): ValueType<Record<string, Severity>> {
  const schema = z.record(z.string(), severity).superRefine((rec, ctx) => {
    for (const id of Object.keys(rec)) if (!isRuleId(id)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [id], message: unknownRule(id) });
  });
  const fromCli = z.array(z.string()).transform((items, ctx) => {
    const out: Record<string, Severity> = Object.create(null);
    for (const item of items) {
      const m = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(item);
      if (!m) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${item}" is not rule=severity (like split-area=error)` });
        return z.NEVER;
      }
      const [, id, level] = m;
      if (!isRuleId(id)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${id}": ${unknownRule(id)}` });
        return z.NEVER;
      }
      if (!(severityNames as readonly string[]).includes(level)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${id}": severity must be error, warning or off, not "${level}"` });
        return z.NEVER;
      }
      out[id] = level as Severity;
    }
    return out;
  });
  return {
    schema,
    fromCli,
    show: (r) => Object.entries(r).map(([k, v]) => `${k}=${v}`).join(" ") || "none",
    repeatable: true,
  };
}

/** Names of the optimiser's objective terms. */
export const termNames = ["cross", "split", "moved"] as const;
export type TermWeights = Partial<Record<(typeof termNames)[number], number>>;

/**
 * Weights of the optimiser's objective terms by name: in a manifest an object
 * `{ "cross": 1, "split": 0.5 }`; on the command line `cross=1,split=0.5`. Unknown names and
 * negative or non-finite weights are refused.
 */
export function termWeights(): ValueType<TermWeights> {
  const weight = z.number().finite("must be a finite number").nonnegative("must not be negative");
  const schema = z
    .record(z.string(), weight)
    .superRefine((rec, ctx) => {
      for (const k of Object.keys(rec))
        if (!(termNames as readonly string[]).includes(k)) ctx.addIssue({ code: z.ZodIssueCode.custom, path: [k], message: `unknown term (names: ${termNames.join(", ")})` });
    })
    .transform((rec) => rec as TermWeights);
  const fromCli = z.string().transform((text, ctx) => {
    const out: Record<string, number> = Object.create(null);
    for (const part of text.split(",")) {
      const m = /^\s*([A-Za-z]+)\s*=\s*([+]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)\s*$/.exec(part);
      if (!m) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${part.trim()}" is not name=weight (like cross=1,split=0.5)` });
        return z.NEVER;
      }
      if (!(termNames as readonly string[]).includes(m[1])) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `unknown term "${m[1]}" (names: ${termNames.join(", ")})` });
        return z.NEVER;
      }
      const w = Number(m[2]);
      if (!Number.isFinite(w)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: `"${m[1]}": the weight must be a finite number` });
        return z.NEVER;
      }
      out[m[1]] = w;
    }
    return out as TermWeights;
  });
  return { schema, fromCli, show: (r) => Object.entries(r).map(([k, v]) => `${k}=${v}`).join(",") };
}
