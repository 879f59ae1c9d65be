import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/engine/sentences.ts';

/** [input, expected sentences] */
const GERMAN: [string, string[]][] = [
  ['Der Umsatz lag bei 3,5 Mio. Euro. Das ist viel.', ['Der Umsatz lag bei 3,5 Mio. Euro.', 'Das ist viel.']],
  ['Der Konzern investiert 2 Mrd. Yuan in Rechenzentren. Analysten sind skeptisch.', ['Der Konzern investiert 2 Mrd. Yuan in Rechenzentren.', 'Analysten sind skeptisch.']],
  ['Er kam z. B. am 21. Februar. Dann ging er.', ['Er kam z. B. am 21. Februar.', 'Dann ging er.']],
  ['Das gilt z.B. für Banken. Versicherer sind ausgenommen.', ['Das gilt z.B. für Banken.', 'Versicherer sind ausgenommen.']],
  ['Im 3. Quartal stieg der Umsatz um ca. 5 Prozent. Dr. Müller war zufrieden.', ['Im 3. Quartal stieg der Umsatz um ca. 5 Prozent.', 'Dr. Müller war zufrieden.']],
  ['Die Kosten lagen bei 2 Mrd. Yuan vs. 1 Mrd. im Vorjahr. Gut so.', ['Die Kosten lagen bei 2 Mrd. Yuan vs. 1 Mrd. im Vorjahr.', 'Gut so.']],
  ['Der Verlust betrug 3 Mio. Die Aktie fiel.', ['Der Verlust betrug 3 Mio.', 'Die Aktie fiel.']],
  ['„Built for the agentic AI era“, so die offizielle Parole. Doch für die Aktionäre bedeutet das vor allem eines: Geduld.',
    ['„Built for the agentic AI era“, so die offizielle Parole.', 'Doch für die Aktionäre bedeutet das vor allem eines: Geduld.']],
  ['Er sagte: „Wir wachsen. Und zwar stark.“ Dann ging er.', ['Er sagte: „Wir wachsen. Und zwar stark.“', 'Dann ging er.']],
  ['„Wir werden keinen Preiskrieg führen“, sagte Reinhold. Die Aktie verlor 7,4 Prozent.', ['„Wir werden keinen Preiskrieg führen“, sagte Reinhold.', 'Die Aktie verlor 7,4 Prozent.']],
  ['Ausläufer Hendrik zieht über die Schweiz.Die Orkanböen erreichen 100 km/h.', ['Ausläufer Hendrik zieht über die Schweiz.', 'Die Orkanböen erreichen 100 km/h.']],
  ['Michael C. Jakob schreibt. Er ist gut.', ['Michael C. Jakob schreibt.', 'Er ist gut.']],
  ['Das Ziel liegt bei 2026. Danach folgt mehr.', ['Das Ziel liegt bei 2026.', 'Danach folgt mehr.']],
  ['Seit dem 1. Januar gilt das Gesetz. Es ist neu.', ['Seit dem 1. Januar gilt das Gesetz.', 'Es ist neu.']],
  ['Am 21. Februar legt Alibaba Zahlen vor. Die Erwartungen sind hoch.', ['Am 21. Februar legt Alibaba Zahlen vor.', 'Die Erwartungen sind hoch.']],
  ['Die Zahl der Kunden wuchs um 12 Prozent bzw. 3.400. Der Vorstand ist zufrieden.', ['Die Zahl der Kunden wuchs um 12 Prozent bzw. 3.400.', 'Der Vorstand ist zufrieden.']],
  ['Kommt die Wende? Niemand weiß es! Abwarten.', ['Kommt die Wende?', 'Niemand weiß es!', 'Abwarten.']],
  ['Die Aktie stieg um 1.234,5 Punkte. Das war ein Rekord.', ['Die Aktie stieg um 1.234,5 Punkte.', 'Das war ein Rekord.']],
  ['Prof. Dr. Anna Weber von der Uni Köln warnt. Sie sieht Risiken.', ['Prof. Dr. Anna Weber von der Uni Köln warnt.', 'Sie sieht Risiken.']],
  ['Die Preise stiegen um rd. 4 Prozent, u. a. bei Energie. Das belastet.', ['Die Preise stiegen um rd. 4 Prozent, u. a. bei Energie.', 'Das belastet.']],
  ['Details stehen auf 20min.ch und www.beispiel.de. Mehr folgt.', ['Details stehen auf 20min.ch und www.beispiel.de.', 'Mehr folgt.']],
  ['Der Kurs fiel … und erholte sich dann. Gut.', ['Der Kurs fiel … und erholte sich dann.', 'Gut.']],
  ['Entweder wird der Konzern zum Rückgrat der KI-Revolution – oder er endet als mahnendes Beispiel. Schade.', ['Entweder wird der Konzern zum Rückgrat der KI-Revolution – oder er endet als mahnendes Beispiel.', 'Schade.']],
  ['Laut Art. 5 Abs. 2 ist das erlaubt. Die Behörde prüft.', ['Laut Art. 5 Abs. 2 ist das erlaubt.', 'Die Behörde prüft.']],
  ['Die Firma (gegr. 1998) wächst. Sie hat 500 Mitarbeiter.', ['Die Firma (gegr. 1998) wächst.', 'Sie hat 500 Mitarbeiter.']],
  ['Die Bilanz zum 30. September zeigt Verluste. Der Cashflow ist negativ.', ['Die Bilanz zum 30. September zeigt Verluste.', 'Der Cashflow ist negativ.']],
  ['Ein Satz ohne Punkt am Ende', ['Ein Satz ohne Punkt am Ende']],
];

const ENGLISH: [string, string[]][] = [
  ['Revenue was $3.5bn vs. $3.1bn on Jan. 5 last year. Mr. Smith said U.S. sales rose. The end.', ['Revenue was $3.5bn vs. $3.1bn on Jan. 5 last year.', 'Mr. Smith said U.S. sales rose.', 'The end.']],
  ['He works at Harbor Foods Inc. The company grew.', ['He works at Harbor Foods Inc.', 'The company grew.']],
  ['Harbor Foods Inc. raised its forecast. Shares rose.', ['Harbor Foods Inc. raised its forecast.', 'Shares rose.']],
  ['Is it good? Yes! It is...', ['Is it good?', 'Yes!', 'It is...']],
  ['Dr. Jane Roe, an analyst at J. P. Morgan, agreed. She raised her target.', ['Dr. Jane Roe, an analyst at J. P. Morgan, agreed.', 'She raised her target.']],
  ['Costs rose, e.g. for freight, and margins fell. The CFO was calm.', ['Costs rose, e.g. for freight, and margins fell.', 'The CFO was calm.']],
  ['"We will grow. Period." Then he left.', ['"We will grow. Period."', 'Then he left.']],
  ['“Demand is strong,” said the CEO. Analysts agreed.', ['“Demand is strong,” said the CEO.', 'Analysts agreed.']],
  ['The meeting starts at 9 a.m. on Monday. Bring notes.', ['The meeting starts at 9 a.m. on Monday.', 'Bring notes.']],
  ['Sales grew 4.5% to $1.2 billion. Margins widened by 80 bps.', ['Sales grew 4.5% to $1.2 billion.', 'Margins widened by 80 bps.']],
  ['It costs approx. 5 dollars. Fine.', ['It costs approx. 5 dollars.', 'Fine.']],
  ['The firm, based in St. Louis, hired No. 2 executive Ann Lee. She starts soon.', ['The firm, based in St. Louis, hired No. 2 executive Ann Lee.', 'She starts soon.']],
  ['Operating income was $45 million. That compares with $40 million.', ['Operating income was $45 million.', 'That compares with $40 million.']],
  ['See www.example.com for details. Thanks.', ['See www.example.com for details.', 'Thanks.']],
  ['The U.S. economy grew. Europe lagged.', ['The U.S. economy grew.', 'Europe lagged.']],
  ['Sales fell in the U.S. The company blamed tariffs.', ['Sales fell in the U.S.', 'The company blamed tariffs.']],
  ['Prices rose (about 3%). Volumes fell.', ['Prices rose (about 3%).', 'Volumes fell.']],
  ['Apple, Google, etc. are rivals. They compete.', ['Apple, Google, etc. are rivals.', 'They compete.']],
  ['Q3 EPS was $1.10. Q4 guidance is $1.15 to $1.20.', ['Q3 EPS was $1.10.', 'Q4 guidance is $1.15 to $1.20.']],
  ['Mrs. Ortega, the CEO, spoke first. Then the CFO.', ['Mrs. Ortega, the CEO, spoke first.', 'Then the CFO.']],
  ['Wait… what happened? Nobody knows.', ['Wait… what happened?', 'Nobody knows.']],
];

describe('splitSentences (German)', () => {
  it.each(GERMAN)('given %j, then the sentences are right', (input, expected) => {
    expect(splitSentences(input, 'de')).toEqual(expected);
  });
});

describe('splitSentences (English)', () => {
  it.each(ENGLISH)('given %j, then the sentences are right', (input, expected) => {
    expect(splitSentences(input, 'en')).toEqual(expected);
  });

  it('given empty or blank input, then no sentences', () => {
    expect(splitSentences('  ', 'en')).toEqual([]);
  });
});
