/**
 * Agency datelines at the start of a news text: "Berlin (dpa) - Die
 * Bundesregierung …", "Zürich (sda/awp) – …", "Beirut (CNN) -- Syria …",
 * "(CNN) -- …". The place and the agency say where the wire came from, not
 * what happened; the sentence after the dash is the lead. A summary takes
 * the sentence without its dateline (and an agency credit in brackets no
 * longer makes the whole lead sentence look like a photo caption).
 */

/** News agencies and wire services that sign datelines, as written in the brackets. */
const AGENCIES = [
  'dpa', 'afp', 'ap', 'apa', 'sda', 'awp', 'kna', 'epd', 'dts', 'ddp', 'rtr', 'reuters', 'ots', 'keystone-sda', 'sid',
  'cnn', 'upi', 'ansa', 'efe', 'kyodo', 'xinhua', 'bloomberg', 'pa', 'aap', 'bbc',
].join('|');

/** One agency, with a service suffix ("dpa-AFX"). */
const AGENCY = `(?:${AGENCIES})(?:-\\p{L}+)?`;

/** Up to four place words ("Kabul, Afghanistan", "LONDON", "Frankfurt/Main"), the agencies in brackets, a dash. */
const DATELINE_RE = new RegExp(
  `^(?:\\p{Lu}[\\p{L}.'-]*(?:[\\s,/]+\\p{Lu}[\\p{L}.'-]*){0,3}\\s*)?`
  + `\\(${AGENCY}(?:\\s*[/,]\\s*${AGENCY})*\\)\\s*[-–—]{1,2}\\s+(?=[„"“«»'‚]?[\\p{Lu}\\p{N}])`,
  'iu',
);

/** The sentence without an agency dateline at its start; the text itself when it has none. */
export function withoutDateline(text: string): string {
  const m = DATELINE_RE.exec(text);
  return m === null ? text : text.slice(m[0].length);
}
