/**
 * Acronyms of names an article writes out: "NYPD" for "New York Police
 * Department", "WWI" for "World War One" or "World War I", "EZB" for
 * "Europäische Zentralbank". An acronym stands for a run of capitalized words
 * of one name (no punctuation between them) by their initials; particles
 * inside the run ("of", "and", "für") may give their initial or none; a
 * numeral closing the run ("One", "Two", "2", "II") gives its Roman numeral,
 * as the acronym writes it ("WWI", "WWII"; "WW1" is read as "WWI").
 */

/** Number words and numerals that close a name, as Roman numerals. */
const ROMAN: Readonly<Record<string, string>> = {
  one: 'i', two: 'ii', three: 'iii', four: 'iv', eins: 'i', zwei: 'ii', drei: 'iii', vier: 'iv',
  i: 'i', ii: 'ii', iii: 'iii', iv: 'iv', '1': 'i', '2': 'ii', '3': 'iii', '4': 'iv',
};
/** Lower-case words that may stand inside a name. */
const PARTICLES = new Set(['of', 'and', 'for', 'the', 'on', 'de', 'du', 'des', 'der', 'die', 'für', 'und', 'von', 'zu', 'la', 'le', '&']);
/** The longest name an acronym is built from, in words. */
const MAX_WORDS = 8;

/** What one word gives an acronym: its initial, a Roman numeral, or (a particle) either its initial or nothing. */
type Part = { initial: string } | { roman: string } | { particle: string };

function partOf(word: string): Part | null {
  const lower = word.toLowerCase();
  if (/^\p{Lu}/u.test(word)) return ROMAN[lower] !== undefined && !/^\p{Lu}$/u.test(word) ? { roman: ROMAN[lower] } : { initial: lower.charAt(0) };
  if (/^\d$/u.test(word)) return ROMAN[word] !== undefined ? { roman: ROMAN[word] } : null;
  return PARTICLES.has(lower) ? { particle: lower.charAt(0) } : null;
}

/** The runs of name words in a text: words with no punctuation between them, each capitalized, a particle or a numeral. */
function nameRuns(text: string): Part[][] {
  const runs: Part[][] = [];
  let run: Part[] = [];
  let end = 0;
  for (const m of text.matchAll(/[\p{L}\p{N}&][\p{L}\p{N}'’-]*/gu)) {
    const gap = text.slice(end, m.index);
    end = m.index + m[0].length;
    const part = partOf(m[0]);
    if (part === null || /[^\s]/u.test(gap)) {
      if (run.length > 1) runs.push(run);
      run = part === null || 'particle' in part ? [] : [part];
      continue;
    }
    run.push(part);
  }
  if (run.length > 1) runs.push(run);
  return runs;
}

/** Every spelling of the initials of parts[from …], each particle taken or left out, a numeral only at the end. */
function spellings(parts: readonly Part[], from: number, out: Set<string>): void {
  let prefixes = [''];
  for (let i = from; i < Math.min(parts.length, from + MAX_WORDS); i++) {
    const part = parts[i];
    if (part === undefined) break;
    if ('roman' in part) {
      for (const p of prefixes) if (p.length >= 1) out.add(p + part.roman);
      break;
    }
    prefixes = 'particle' in part ? [...prefixes, ...prefixes.map((p) => p + part.particle)] : prefixes.map((p) => p + part.initial);
    if (!('particle' in part)) for (const p of prefixes) if (p.length >= 2) out.add(p);
  }
}

/** The acronyms (lower case) the names of a text can be written as. */
export function acronymsOf(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of nameRuns(text)) {
    run.forEach((part, i) => {
      if ('initial' in part) spellings(run, i, out);
    });
  }
  return out;
}

/** The acronym a word is, lower case with a closing digit as a Roman numeral ("WW1" → "wwi"), or null when it is none. */
export function acronymKey(word: string): string | null {
  const m = /^(\p{Lu}{2,7})(\d?)$/u.exec(word);
  if (m === null) return null;
  return (m[1] ?? '').toLowerCase() + (m[2] === undefined || m[2] === '' ? '' : ROMAN[m[2]] ?? '?');
}
