import { describe, expect, it } from 'vitest';
import { renderDigestText } from '../../../adapters/cli/render-text.ts';
import { digestArticle } from '../../../src/engine/digest.ts';
import { prepareInput } from '../../../src/engine/input.ts';

const GERMAN = `Nordlicht senkt Prognose

Die Nordlicht AG hat im dritten Quartal einen Umsatz von 1.234,5 Millionen Euro erzielt, wie der Konzern am Mittwoch in Dresden mitteilte. Der Gewinn fiel um zwölf Prozent, weil die Energiekosten stark gestiegen sind. Die Jahresprognose wurde deshalb gesenkt, und der Vorstand erwartet ein schwieriges viertes Quartal mit weiter hohen Kosten. Sollten die Zölle steigen, könnte das Unternehmen Aufträge verlieren, warnte der Vorstand.`;

const digest = digestArticle(prepareInput(Buffer.from(GERMAN), 'nordlicht.txt', 'text/plain', undefined)).digest;

describe('renderDigestText', () => {
  it('given a German article and no reader language, then headings and amounts are German', () => {
    const text = renderDigestText(digest);
    expect(text).toContain('Zusammenfassung');
    expect(text).toContain('Kennzahlen');
    expect(text).toMatch(/1\.234,5 Mio\. EUR/u);
  });

  it('given an English reader (digest --lang en), then headings and amounts follow the reader, the quote stays verbatim', () => {
    const text = renderDigestText(digest, 'en');
    expect(text).toContain('Key figures');
    expect(text).not.toContain('Kennzahlen');
    expect(text).toMatch(/1,234\.5 m EUR/u);
    expect(text).toContain('«1.234,5 Millionen Euro»');
  });
});
