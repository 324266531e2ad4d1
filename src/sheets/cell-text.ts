/**
 * Text from outside (members' names, a live's theme) made safe for a spreadsheet and a file name. A cell that
 * begins with = + - @ (or a tab or carriage return) is a formula once the sheet is re-saved as CSV and opened again,
 * so it gets a leading apostrophe, as OWASP's CSV-injection advice says; control characters are not valid in the
 * sheet's XML at all.
 */

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const FORMULA_START = /^[=+\-@\t\r]/;
/** Characters no file name should hold: path separators, Windows' reserved ones, controls and bidi overrides. */
const NOT_IN_FILE_NAMES = /[\\/:*?"<>|\s\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g;

/** `text` as a cell: without control characters, and never read as a formula. */
export function cellText(text: string): string {
  const clean = text.replace(CONTROL, '');
  return FORMULA_START.test(clean) ? `'${clean}` : clean;
}

/** `text` as part of a file name: no separators, controls or direction overrides; never empty. */
export function fileNamePart(text: string): string {
  const clean = text.replace(NOT_IN_FILE_NAMES, '_').replace(/^[._]+|_+$/g, '');
  return clean === '' ? '直播' : clean;
}
