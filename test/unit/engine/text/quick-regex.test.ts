import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FINANCE_TERMS } from '../../../../src/engine/risks/categories.ts';
import { DE_LEXICON } from '../../../../src/engine/risks/lexicon-de.ts';
import { EN_LEXICON } from '../../../../src/engine/risks/lexicon-en.ts';
import { alternation } from '../../../../src/engine/risks/patterns.ts';
import { countMatches, loosen, quickTest, scanFrom, scanner, type Scanner } from '../../../../src/engine/text/quick-regex.ts';

const samples = join(import.meta.dirname, '..', '..', '..', '..', 'digests', 'samples');

/** Sentences with cues at word starts, inside words and compounds, in both languages, plus the bundled samples. */
const TEXTS = [
  'Das Risiko steigt: Ausfallrisiken, China-Risiko und Risikokapital; kein Risiko, aber Gefahren drohen.',
  'Die Umsätze brachen im dritten Quartal ein, der Verlust wuchs auf 3,5 Mrd. Euro – Kurzarbeit droht.',
  'Sales fell 5% from a year earlier; the risk of losses is rising, and regulators probe the deal.',
  'Glossy risks, unrisky priskers: declines declined; lost-and-found; outlook cut, guidance withdrawn.',
  'Sales ſlumped (long s) and the K\u212Aelvin sign: DROHT, GEFAHR, RISIKO in capitals; 𝐀𝐁 astral letters risk.',
  readFileSync(join(samples, 'de-energie-scraped.txt'), 'utf8'),
];

/** Every match of a global copy of `s.exact` from `from`, as [index, text] pairs. */
function globalMatches(s: Scanner, text: string, from: number): [number, string][] {
  const re = new RegExp(s.exact.source, 'giu');
  re.lastIndex = from;
  const out: [number, string][] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push([m.index, m[0]]);
    if (m[0].length === 0) re.lastIndex++;
  }
  return out;
}

function scannedMatches(s: Scanner, text: string, from: number): [number, string][] {
  const out: [number, string][] = [];
  for (let m = scanFrom(s, text, from); m !== null; m = scanFrom(s, text, m.index + Math.max(1, m[0].length))) out.push([m.index, m[0]]);
  return out;
}

describe('loosen', () => {
  it('given word-boundary assertions, then it drops them but keeps an escaped backslash before b and a backspace class', () => {
    expect(loosen('\\bap photo\\b|\\\\b|[\\b]x', ['\\b'])).toBe('ap photo|\\\\b|[\\b]x');
  });

  it('given an assertion inside a negative lookahead, then it refuses (the copy would match less)', () => {
    expect(() => loosen('a(?!\\bb)', ['\\b'])).toThrow(/negative lookaround/u);
    expect(loosen('a(?=\\bb)', ['\\b'])).toBe('a(?=b)');
  });
});

describe('scanFrom', () => {
  const scanners: [string, Scanner][] = [
    ['German cues', alternation(DE_LEXICON.cues.map((c) => c.pattern))],
    ['English cues', alternation(EN_LEXICON.cues.map((c) => c.pattern))],
    ['finance terms', FINANCE_TERMS],
  ];
  for (const [name, s] of scanners) {
    it(`given the ${name}, then it finds the same matches as a global expression from every start`, () => {
      let found = 0;
      for (const text of TEXTS) {
        for (let from = 0; from < Math.min(text.length, 400); from += 7) {
          expect(scannedMatches(s, text, from)).toEqual(globalMatches(s, text, from));
        }
        found += scannedMatches(s, text, 0).length;
      }
      expect(found).toBeGreaterThan(3);
    });
  }

  it('given matches found by the loose copy only, then they are skipped', () => {
    const s = scanner('(?<![a-z])risk', ['(?<![a-z])']);
    expect(scannedMatches(s, 'brisk risk, asterisk', 0)).toEqual([[6, 'risk']]);
    expect(countMatches(s, 'brisk risk, asterisk risk')).toBe(2);
    expect(countMatches(FINANCE_TERMS, TEXTS[2] ?? '')).toBe(('Sales fell'.match(/sales/giu) ?? []).length);
  });
});

describe('quickTest', () => {
  it('given texts with and without a whole-word match, then it answers as the expression itself', () => {
    const re = /\b(?:ap photo|symbolbild)\b|\(pictured\)/iu;
    const test = quickTest(re);
    for (const t of ['An AP Photo of it.', 'the snap photo', 'Symbolbild: dpa', 'Symbolbilder', 'A man (pictured) said']) {
      expect(test(t)).toBe(re.test(t));
    }
    expect(() => quickTest(/x/gu)).toThrow(/without the g and y flags/u);
  });
});
