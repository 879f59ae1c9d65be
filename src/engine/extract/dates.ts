/**
 * Reads a publication date written as a line of text, in German or English:
 * "21. Februar, 2026", "18.11.2026", "November 18, 2026", "Nov. 18, 2026",
 * "18 Nov 2026", "2026-11-18" (optionally with a time, which is kept only for
 * ISO input). Returns an ISO 8601 date ("2026-02-21") or null.
 */

const MONTHS: Readonly<Record<string, number>> = {
  januar: 1, jänner: 1, jan: 1, january: 1,
  februar: 2, feb: 2, february: 2,
  märz: 3, maerz: 3, mär: 3, mar: 3, march: 3,
  april: 4, apr: 4,
  mai: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  august: 8, aug: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, oct: 10, october: 10,
  november: 11, nov: 11,
  dezember: 12, dez: 12, dec: 12, december: 12,
};

/** Optional weekday and "Stand:"/"Updated:" prefixes before the date itself. */
const PREFIX = /^(?:(?:stand|aktualisiert|veröffentlicht|published|updated|posted)(?:\s+am|\s+on)?:?\s*)?(?:(?:mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?/iu;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/u;
const NUMERIC = /^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})$/u;
const DAY_MONTH_YEAR = /^(\d{1,2})\.?\s+([\p{L}]+)\.?,?\s+(\d{4})$/u;
const MONTH_DAY_YEAR = /^([\p{L}]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u;
/** A trailing time ("09:41", "9.41 Uhr", "9:41 a.m. CET") after the date. */
const TIME_SUFFIX = /(?:,|\s+um)?\s+\d{1,2}[:.]\d{2}(?:\s*(?:uhr|h|a\.?m\.?|p\.?m\.?))?(?:\s+[A-Z]{2,4})?$/iu;

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1900 || year > 2100) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCDate() !== day) return null;
  return `${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The ISO date a short line states, or null when the line is not just a date. */
export function parseDateLine(line: string): string | null {
  if (line.length > 60) return null;
  const text = line.trim().replace(PREFIX, '').replace(TIME_SUFFIX, '').trim();
  const isoMatch = ISO.exec(text);
  if (isoMatch) {
    const day = iso(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));
    return day === null ? null : day + (isoMatch[4] ?? '');
  }
  const numeric = NUMERIC.exec(text);
  if (numeric) return iso(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const dmy = DAY_MONTH_YEAR.exec(text);
  if (dmy) {
    const month = MONTHS[(dmy[2] ?? '').toLowerCase()];
    return month === undefined ? null : iso(Number(dmy[3]), month, Number(dmy[1]));
  }
  const mdy = MONTH_DAY_YEAR.exec(text);
  if (mdy) {
    const month = MONTHS[(mdy[1] ?? '').toLowerCase()];
    return month === undefined ? null : iso(Number(mdy[3]), month, Number(mdy[2]));
  }
  return null;
}
