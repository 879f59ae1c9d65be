/**
 * Risk lines of the bundled sample pages (digests/samples) as a reader sees them: each is its whole sentence
 * or whole clauses of it that hold a main clause, never a subordinate clause alone (issue 12: "Sollten die
 * Zölle wie angekündigt ab Januar auf 25 Prozent steigen" was shown without its main clause).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestArticle } from '../../../../src/engine/digest.ts';
import { prepareInput } from '../../../../src/engine/input.ts';

const samples = resolve(import.meta.dirname, '..', '..', '..', '..', 'digests', 'samples');
const files = readdirSync(samples).filter((f) => /\.(?:html|txt)$/u.test(f));

function risksOf(file: string): { text: string; sentence: string }[] {
  return digestArticle(prepareInput(new Uint8Array(readFileSync(join(samples, file))), file)).digest.risks;
}

/** A statement that opens with a subordinating word and has no clause break after which a main clause could follow. */
const SUBORDINATE_ONLY_RE = /^(?:Sollten?|Wenn|Falls|Weil|Obwohl|Dass|If|Unless|Should|Because|Although)\b[^,;:]*$/u;

describe('risk lines of the sample pages', () => {
  it('given the semiconductor page, then the tariff risk is the whole sentence with its main clause', () => {
    const tariff = risksOf('de-halbleiter.html').find((r) => r.text.startsWith('Sollten die Zölle'));
    expect(tariff?.text).toBe(tariff?.sentence);
    expect(tariff?.text).toMatch(/, droht .*\.$/u);
  });

  it.each(files)('given %s, then every risk line is verbatim from its sentence and no subordinate clause alone', (file) => {
    const risks = risksOf(file);
    expect(risks.length).toBeGreaterThan(0);
    for (const r of risks) {
      expect(r.sentence).toContain(r.text);
      expect(r.text).not.toMatch(SUBORDINATE_ONLY_RE);
      expect(r.text).not.toContain('…');
    }
  });

  it('given the wind-power page, then good news credited to higher prices ("Dank … höherer Strompreise") is no risk', () => {
    const texts = risksOf('de-energie-scraped.txt').map((r) => r.text);
    expect(texts.some((t) => t.startsWith('Dank'))).toBe(false);
    expect(texts.length).toBeGreaterThan(0);
  });
});
