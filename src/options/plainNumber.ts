const plainNumber = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * True for text that is one plain number: digits with an optional sign, decimal point and
 * exponent ("1234", "-0.05", "1e6"). The one test of what counts as a number, for CSV cells
 * (io/parseNumber), numeric options (valueTypes) and the CSV writer's formula guard alike: "1,234"
 * is refused rather than misread.
 *
 * @example
 * isPlainNumber("0.05"); // true
 * isPlainNumber("1,234"); // false
 */
export function isPlainNumber(text: string): boolean {
  return plainNumber.test(text);
}
