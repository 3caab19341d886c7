import type { Options } from 'csv-stringify';

/**
 * What makes a spreadsheet program read a CSV cell as a formula or a command ("CSV injection",
 * OWASP): `=`, `+`, `-`, `@`, a tab or a line break first, their full-width forms that some
 * locales accept too, and `;`, the list separator where the decimal separator is a comma.
 */
const FORMULA_START = /^[=+\-@\t\r\n;\uFF1D\uFF0B\uFF0D\uFF20]/;

/** Text a spreadsheet shows as it is: a leading apostrophe on a cell that would run as a formula. */
export function neutraliseCsvText(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * The options of every CSV the product writes (the compliance report, the import templates):
 * UTF-8 with a byte order mark so Excel reads the accents, CRLF line ends, every field quoted so
 * that neither a comma nor a semicolon (the list separator of a semicolon-locale Excel) nor a line
 * break can split it, quotes doubled (RFC 4180), and every text neutralised as it is written,
 * whatever column it is in. Numbers and dates the product computes are not text and keep their
 * sign (`-3` days to expiry).
 */
export const CSV_OPTIONS: Options = {
  bom: true,
  record_delimiter: 'windows',
  quoted: true,
  quoted_empty: true,
  cast: { string: (value) => neutraliseCsvText(value) },
};
