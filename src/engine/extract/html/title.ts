/**
 * The headline of a page, as plain text and without the site's or section's name. A page names its
 * headline in several places (og:title, the JSON-LD headline, the `<h1>`, the document title), and most of
 * them carry extras: "INDUSTRIEMAGAZIN | Luftfahrtbranche hebt nach Corona ab – und FACC profitiert",
 * "Headline - Site Name", "Headline | Section | Site". What is taken off:
 * - a part (between separators) that names the site: og:site_name, application-name, the JSON-LD
 *   publisher or website name, the host name ("Spiegel" on spiegel.de), or a domain ("FAZ.NET");
 * - a short part next to a site name with a pipe between them (the section: "Politik | SPIEGEL");
 * - on a document title with no other evidence, a last part after " | " or " - " that reads like a name
 *   (at most four words, each capitalised), never a part starting with a lower-case word
 *   ("… ab – und FACC profitiert" is the headline's own dash).
 * An `<h1>` that equals a declared title with its extras taken off (or one of its parts) wins: it is the
 * headline as the page shows it.
 */
import { parseHtml } from './bounded-parser.ts';

/** What the page declares about its title and site. */
export interface TitleSources {
  ogTitle: string | null;
  jsonLdHeadline: string | null;
  docTitle: string | null;
  h1s: readonly string[];
  /** og:site_name, application-name, JSON-LD publisher … */
  siteNames: readonly string[];
  /** The page's URL or canonical URL, for the host name. */
  url: string | null;
}

const SPACE_RUN = /\s+/gu;
/** Separators between a headline and a site or section name (a colon is part of headlines: "Interview: …"). */
const SEPARATOR = /(\s+(?:\|{1,2}|[·•»«~]|[-–—]{1,2}|::)\s+)/u;
const PIPE = /\|/u;
/** Markup left in a title after attribute or text decoding (a page that escaped it twice). */
const LEFT_MARKUP = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>|&(?:[a-z][a-z0-9]*|#\d+|#x[0-9a-f]+);/iu;
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg']);
/** A domain standing as a site name ("FAZ.NET", "heise.de", "news.example.com"). */
const DOMAIN = /^(?:www\.)?[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:[a-z]{2,6})$/iu;
/** A word of a name: starts with a capital or a digit ("Coastal Times", "20 Minuten", "t3n"). */
const NAME_WORD = /^[\p{Lu}\d]/u;
const MIN_TITLE_CHARS = 10;
const MAX_NAME_WORDS = 4;
const MAX_SECTION_WORDS = 3;
/** Host labels that say nothing about the site. */
const GENERIC_LABELS = new Set(['www', 'm', 'amp', 'mobile', 'news', 'blog', 'de', 'en', 'com', 'co', 'org', 'net']);

/** Plain text of a title that may still hold markup or entities. */
export function plainTitleText(title: string): string {
  let text = title;
  for (let pass = 0; pass < 3 && LEFT_MARKUP.test(text); pass++) {
    const parts: string[] = [];
    let hidden = 0;
    parseHtml(text, {
      onopentag(name) {
        if (HIDDEN.has(name)) hidden++;
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) hidden = Math.max(0, hidden - 1);
      },
      ontext(t) {
        if (hidden === 0) parts.push(t);
      },
    }, { decodeEntities: true, lowerCaseTags: true });
    text = parts.join('');
  }
  return text.replace(SPACE_RUN, ' ').trim().normalize('NFC');
}

const squash = (s: string): string => s.toLowerCase().normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '');

/** The distinctive labels of a host: "www.industriemagazin.at" → ["industriemagazin"]. */
function hostLabels(url: string | null): string[] {
  if (url === null) return [];
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return [];
  }
  return host.split('.').slice(0, -1).filter((l) => l.length >= 3 && !GENERIC_LABELS.has(l)).map(squash);
}

/** Whether a title part names the site. */
function namesSite(part: string, names: readonly string[], labels: readonly string[]): boolean {
  const words = part.split(' ').length;
  if (words > MAX_NAME_WORDS + 1) return false;
  if (DOMAIN.test(part)) return true;
  const p = squash(part);
  if (p === '') return false;
  for (const name of names) {
    const n = squash(name);
    if (n !== '' && (p === n || (n.length >= 4 && (p.startsWith(n) || n.startsWith(p)) && p.length >= 3))) return true;
  }
  return labels.some((l) => l.length >= 4 && p.includes(l));
}

/** A part that reads like a name: a few words, each capitalised (or a number). */
function looksLikeName(part: string): boolean {
  const words = part.split(' ');
  return words.length <= MAX_NAME_WORDS && words.every((w) => NAME_WORD.test(w));
}

const wordCount = (s: string): number => s.split(' ').length;

/**
 * Takes site and section names off either end of a title. `guess` also drops a last name-like part after
 * a pipe or dash with no other evidence (for document titles, which nearly always carry the site).
 */
export function stripSiteName(title: string, names: readonly string[], labels: readonly string[], guess: boolean): string {
  const tokens = title.split(SEPARATOR);
  // tokens: part, separator, part, separator, …, part
  let first = 0;
  let last = tokens.length - 1;
  const part = (i: number): string => tokens[i] ?? '';
  const sep = (i: number): string => tokens[i] ?? '';
  let strippedEnd = false;
  let strippedStart = false;
  while (last - first >= 2 && namesSite(part(last), names, labels)) {
    last -= 2;
    strippedEnd = PIPE.test(sep(last + 1)) || strippedEnd;
  }
  while (last - first >= 2 && namesSite(part(first), names, labels)) {
    first += 2;
    strippedStart = PIPE.test(sep(first - 1)) || strippedStart;
  }
  if (strippedEnd && last - first >= 2 && PIPE.test(sep(last - 1)) && wordCount(part(last)) <= MAX_SECTION_WORDS) last -= 2;
  if (strippedStart && last - first >= 2 && PIPE.test(sep(first + 1)) && wordCount(part(first)) <= MAX_SECTION_WORDS) first += 2;
  if (guess && first === 0 && last === tokens.length - 1 && last >= 2 && looksLikeName(part(last))
    && /[|\-–—]/u.test(sep(last - 1))) last -= 2;
  const out = tokens.slice(first, last + 1).join('').trim();
  return out.length >= MIN_TITLE_CHARS ? out : title;
}

/** A kicker before the headline ("Blaulicht: …"): an `<h1>` may leave it out. */
const KICKER_END = /:\s+$/u;

/** Whether `inner` is `outer` or a run of its parts between separators (or after a kicker). */
function isPartOf(inner: string, outer: string): boolean {
  if (inner === outer) return true;
  const at = outer.indexOf(inner);
  if (at < 0) return false;
  const before = outer.slice(0, at);
  const after = outer.slice(at + inner.length);
  const cleanBefore = before === '' || KICKER_END.test(before) || new RegExp(`${SEPARATOR.source}$`, 'u').test(before);
  const cleanAfter = after === '' || new RegExp(`^${SEPARATOR.source}`, 'u').test(after);
  return cleanBefore && cleanAfter;
}

/**
 * The headline: an `<h1>` that a declared title (og:title, JSON-LD headline, document title) holds as a
 * whole part, else og:title, the JSON-LD headline, the first long `<h1>` or the document title; in each
 * case without site and section names and as plain text.
 */
export function pickTitle(sources: TitleSources): string | null {
  const clean = (s: string | null): string | null => {
    if (s === null) return null;
    const t = plainTitleText(s);
    return t === '' ? null : t;
  };
  const og = clean(sources.ogTitle);
  const headline = clean(sources.jsonLdHeadline);
  const docTitle = clean(sources.docTitle);
  const h1s = sources.h1s.map((h) => plainTitleText(h)).filter((h) => h !== '');
  const names = sources.siteNames.map(plainTitleText).filter((n) => n !== '');
  const labels = hostLabels(sources.url);
  const strip = (t: string, guess: boolean): string => stripSiteName(t, names, labels, guess);

  const declared = [og, headline, docTitle].filter((t): t is string => t !== null);
  const matching = h1s.find((h) => h.length >= MIN_TITLE_CHARS && !namesSite(h, names, labels) && declared.some((t) => isPartOf(h, t)));
  if (matching !== undefined) return strip(matching, false);
  const first = og ?? headline;
  if (first !== null) return strip(first, first === docTitle);
  const longH1 = h1s.find((h) => h.length >= MIN_TITLE_CHARS);
  if (longH1 !== undefined) return strip(longH1, false);
  if (docTitle !== null) return strip(docTitle, true);
  return h1s[0] ?? null;
}
