/**
 * Feed dates to ISO 8601 (UTC). Feeds write RFC 822 (`Tue, 24 Nov 2026 08:00:00 +0100`), RFC 3339
 * (`2026-11-24T08:00:00+01:00`) and, in the wild, German weekday or month names and zone abbreviations
 * (`Di, 24 Okt 2026 08:00:00 MESZ`). Anything else yields null rather than a guess.
 */

/** Zone abbreviations the JavaScript date parser does not know, as numeric offsets. */
const ZONES: Readonly<Record<string, string>> = {
  CET: '+0100', MEZ: '+0100', CEST: '+0200', MESZ: '+0200', BST: '+0100', IST: '+0530', EET: '+0200', EEST: '+0300',
  WET: '+0000', WEST: '+0100', UTC: '+0000', UT: '+0000', GMT: '+0000', Z: '+0000',
};

/** German (and a few abbreviated) month names mapped to the English abbreviations the date parser reads. */
const MONTHS: Readonly<Record<string, string>> = {
  januar: 'Jan', jan: 'Jan', jänner: 'Jan', februar: 'Feb', feb: 'Feb', märz: 'Mar', mär: 'Mar', maerz: 'Mar',
  mrz: 'Mar', april: 'Apr', mai: 'May', juni: 'Jun', juli: 'Jul', august: 'Aug', september: 'Sep', sept: 'Sep',
  oktober: 'Oct', okt: 'Oct', november: 'Nov', dezember: 'Dec', dez: 'Dec',
};

const RFC3339 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/iu;
const WEEKDAY_PREFIX = /^\p{L}{2,10}\.?,\s*/u;
const MONTH_WORD = /(?<=\d\.?\s)\p{L}{3,9}\.?(?=\s+\d{2,4})/u;
const ZONE_SUFFIX = /\s([A-Z]{1,4})$/u;

/** The earliest and latest years accepted: outside them a date is a parse accident. */
const MIN_YEAR = 1970;
const MAX_YEAR = 2200;

function toIso(ms: number): string | null {
  if (Number.isNaN(ms)) return null;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  return year < MIN_YEAR || year > MAX_YEAR ? null : date.toISOString();
}

/** An RFC 822/3339 feed date (German month and zone names tolerated) as ISO 8601 UTC, or null. */
export function feedDateToIso(raw: string | null | undefined): string | null {
  const text = raw?.trim().replace(/\s+/gu, ' ') ?? '';
  if (text === '') return null;
  if (RFC3339.test(text)) {
    // Date-only and zone-less forms are read as UTC, not as the machine's local time.
    const zoned = /(?:Z|[+-]\d{2}:?\d{2})$/iu.test(text) || !text.includes(':') ? text : `${text}Z`;
    return toIso(Date.parse(zoned.replace(' ', 'T')));
  }
  let rfc822 = text.replace(WEEKDAY_PREFIX, '');
  rfc822 = rfc822.replace(MONTH_WORD, (word) => MONTHS[word.replace('.', '').toLowerCase()] ?? word);
  rfc822 = rfc822.replace(ZONE_SUFFIX, (whole, zone: string) => {
    const offset = ZONES[zone];
    return offset === undefined ? whole : ` ${offset}`;
  });
  // Without any zone, RFC 822 dates in feeds are taken as UTC (the parser would use local time).
  if (!/[+-]\d{4}$|\s[A-Z]{1,4}$/u.test(rfc822) && /\d:\d{2}(?::\d{2})?$/u.test(rfc822)) rfc822 += ' +0000';
  return toIso(Date.parse(rfc822));
}
