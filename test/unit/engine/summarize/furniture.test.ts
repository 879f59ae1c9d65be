import { describe, expect, it } from 'vitest';
import { digestArticle } from '../../../../src/engine/digest.ts';
import { extractFromText } from '../../../../src/engine/extract/text.ts';
import { furnitureKind } from '../../../../src/engine/summarize/furniture.ts';

describe('furnitureKind', () => {
  it.each([
    ['By .', 'byline'],
    ['Daily Mail Reporter .', 'byline'],
    ['By Jane Doe and John Roe, Political Editor .', 'byline'],
    ['Von Anna Muster und Peter Beispiel', 'byline'],
    ['PUBLISHED: .', 'stamp'],
    ['UPDATED: .', 'stamp'],
    ['14:11 EST, 25 October 2013 .', 'stamp'],
    ['Last updated at 3:31 PM on 19th July 2011 .', 'stamp'],
    ['Aktualisiert: 12.03.2024, 14:05 Uhr', 'stamp'],
    ['Bishop John Folda (pictured) of the Fargo Catholic Diocese has exposed hundreds of church members to hepatitis A .', 'caption'],
    ['McNair (centre) takes his seat in the stands having been replaced by his manager .', 'caption'],
    ['Der Bundesrat tagte am Freitag in Bern (Archivbild).', 'caption'],
    ['Dragons Duncan Bannatyne, second left, and Peter Jones, second right, put up £50,000 for the board games .', 'caption'],
    ['Foto: Keystone/Ennio Leanza', 'caption'],
    ['Die Stadt plant einen Neubau (Bild: dpa).', 'caption'],
    ['Quelle: Bundesamt für Statistik', 'caption'],
    ['The crowd gathered outside the court on Monday morning (Getty Images).', 'caption'],
    ['Die Polizei sperrte den Platz ab. KEYSTONE/Ennio Leanza', 'caption'],
    ['Scroll down for video .', 'call-to-action'],
    ['VIDEO Scroll down to watch Roberto Martinez: Everton need to sign a few more players .', 'call-to-action'],
    ['Click here to read the full report.', 'call-to-action'],
    ['Read more: U.N. inspectors heading to Syria to probe chemical weapons reports .', 'call-to-action'],
    ['Lesen Sie auch: Was die neue Regel für Mieter bedeutet.', 'call-to-action'],
    ['Mehr dazu im Video oben.', 'call-to-action'],
    ['Die Aufnahmen wurden veröffentlicht (siehe Bildstrecke oben).', 'call-to-action'],
  ])('given "%s", then it is %s', (text, kind) => {
    expect(furnitureKind(text)).toBe(kind);
  });

  it.each([
    'By Christmas, Apple had sold more than ten million of the new phones.',
    'It lost 464,000 subscribers in the fourth quarter.',
    'Posted on Facebook, the video drew more than a million views within a day.',
    'The company will also see more jobs created in India and China.',
    'Der Umsatz stieg im dritten Quartal um 5 Prozent auf 236 Milliarden Yuan.',
    'Von den 300 Beschäftigten sollen 40 ihre Stelle verlieren.',
    'Grund: Bei starken Gewittern können Höhenwinde von 120 km/h auftreten.',
    'The Keystone XL pipeline was rejected by the president on Friday.',
    'Getty Images reported higher profits for the year.',
  ])('given the article sentence "%s", then it is not furniture', (text) => {
    expect(furnitureKind(text)).toBeNull();
  });
});

const DAILY_MAIL = 'By . Associated Press . PUBLISHED: . 14:11 EST, 25 October 2013 . | . UPDATED: . 15:36 EST, 25 October 2013 . '
  + 'Scroll down for video . The bishop of the Fargo Catholic Diocese in North Dakota has exposed potentially hundreds of church members '
  + 'in Fargo, Grand Forks and Jamestown to the hepatitis A virus in late September and early October. '
  + 'The state Health Department has issued an advisory of exposure for anyone who attended five churches and took communion. '
  + 'Bishop John Folda (pictured) of the Fargo Catholic Diocese in North Dakota has exposed potentially hundreds of church members to the hepatitis A . '
  + 'The diocese announced on Monday that Bishop John Folda is taking time off after being diagnosed with hepatitis A. '
  + 'The diocese says he contracted the infection through contaminated food while attending a conference for newly ordained bishops in Italy last month. '
  + 'Symptoms of hepatitis A include fever, tiredness, loss of appetite, nausea and abdominal discomfort. '
  + 'Fargo Catholic Diocese in North Dakota (pictured) is where the bishop is located .';

const SWISS = [
  'Aldi verkauft Corona-Selbsttests',
  'Foto: Keystone/Gaetan Bally',
  'Ab Donnerstag verkauft der Discounter Aldi in seinen Schweizer Filialen Corona-Selbsttests, wie es in einer Medienmitteilung heisst. '
  + 'Eine Packung mit fünf Tests kostet 19.99 Franken, pro Stück bezahlt man damit noch rund vier Franken. '
  + 'Lesen Sie auch: Was die Tests in der Apotheke kosten. '
  + 'Bisher konnten Ungeimpfte monatlich fünf Tests gratis in der Apotheke abholen, Geimpfte zahlen dort bis zu 60 Franken. '
  + 'Die Tests sind laut Aldi vom BAG kontrolliert und zugelassen (Bild: Aldi Suisse). '
  + 'Mehr dazu im Video. '
  + 'Damit ist Aldi der erste Detailhändler in der Schweiz, der die Corona-Tests verkauft.',
].join('\n\n');

const FURNITURE_IN_SUMMARY = /published|updated|\bby \.|\(pictured\)|scroll down|EST, \d|foto:|bild:|lesen sie|mehr dazu/iu;

describe('summaries of texts with furniture', () => {
  it('given a DailyMail text with byline, stamps, "Scroll down for video" and "(pictured)" captions, then none of it reaches the summary', () => {
    const { digest } = digestArticle({ text: DAILY_MAIL });
    expect(digest.summary.length).toBeGreaterThanOrEqual(2);
    for (const s of [...digest.summary, ...(digest.entrySummary ?? [])]) expect(s).not.toMatch(FURNITURE_IN_SUMMARY);
    expect(digest.summary.join(' ')).toContain('hepatitis A');
  });

  it('given a Swiss-German text with photo credits, "Lesen Sie auch" and "Mehr dazu", then none of it reaches the summary', () => {
    const { digest } = digestArticle({ text: SWISS });
    expect(digest.summary.length).toBeGreaterThanOrEqual(2);
    for (const s of [...digest.summary, ...(digest.entrySummary ?? [])]) expect(s).not.toMatch(FURNITURE_IN_SUMMARY);
    expect(digest.summary.join(' ')).toContain('Aldi');
  });
});

describe('plain-text furniture lines', () => {
  it('given stamp, byline, credit and call-to-action lines of their own, then extraction drops them', () => {
    const text = [
      'Council votes to replace the old bridge',
      'By Jane Doe',
      'PUBLISHED: 14:11 EST, 25 October 2013 | UPDATED: 15:36 EST, 25 October 2013',
      'The city council voted on Tuesday to demolish the old river bridge and build a new one by 2029.',
      '25 October 2013, 15:36',
      'Scroll down for video',
      'The new bridge will cost about 180 million pounds, according to the council.',
      'Photos: Getty Images',
      'Last updated at 3:31 PM on 19th July 2011',
      'Work on the river banks is to start next spring.',
    ].join('\n\n');
    const article = extractFromText(text);
    expect(article.paragraphs).toEqual([
      'The city council voted on Tuesday to demolish the old river bridge and build a new one by 2029.',
      'The new bridge will cost about 180 million pounds, according to the council.',
      'Work on the river banks is to start next spring.',
    ]);
  });

  it('given a whole article on one line that opens with a stamp, then the line is kept (only short lines are dropped as stamps)', () => {
    const text = 'Last updated at 3:31 PM on 19th July 2011 . The city council voted on Tuesday to demolish the old river bridge. '
      + 'The new bridge will cost about 180 million pounds, according to the council. Work is to start next spring.';
    expect(extractFromText(text).paragraphs.join(' ')).toContain('The new bridge will cost about 180 million pounds');
  });
});
