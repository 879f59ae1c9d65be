import { describe, expect, it } from 'vitest';
import { groundClaims, groundText } from '../../../../src/engine/ground/ground-text.ts';

const DE = `Siemens hebt Prognose an

Der Münchner Technologiekonzern Siemens hat im dritten Quartal einen Umsatz von 1,49 Milliarden Euro erzielt. Der Gewinn stieg um 43 Prozent. Die Marge lag bei 2,6 Prozent. Vorstandschef Roland Busch sprach am Donnerstag von einem starken Jahr 2026. Die Prognose wurde nicht gesenkt. Deutschlands größter Industriekonzern beschäftigt 320.000 Mitarbeiter.`;

const EN = `Apple sales climb

Apple said on Tuesday that revenue rose 8% to $94.9 billion in the quarter. Chief executive Tim Cook said demand in China did not weaken. The company employs about 161,000 people.`;

const problems = (source: string, summary: string): string[] =>
  (groundText(source, summary)[0]?.problems ?? []).map((p) => `${p.kind}: ${p.text}`);

describe('groundText (whole article, no ids)', () => {
  it.each([
    ['a verbatim German figure', DE, 'Der Gewinn stieg um 43 Prozent.'],
    ['"rund 1,5 Mrd." for 1,49 Milliarden', DE, 'Siemens setzte rund 1,5 Mrd. Euro um.'],
    ['an English translation with scale word', DE, 'Siemens reported revenue of about 1.5 billion euros.'],
    ['a genitive of a name', DE, 'Roland Buschs Konzern sprach von einem starken Jahr 2026.'],
    ['a translated country name', DE, 'Germany\'s largest industrial group employs 320,000 people.'],
    ['a translated city adjective', DE, 'Munich-based Siemens said profit rose 43 percent.'],
    ['a ticker-free English sentence with a currency symbol', EN, 'Apple revenue rose 8% to $94.9 billion, Tim Cook said.'],
    ['"about 161,000" for "about 161,000"', EN, 'Apple employs about 161,000 people.'],
    ['a demonym for the country ("Chinese" for "China")', EN, 'Tim Cook said Chinese demand did not weaken.'],
    ['a city for its inhabitant word ("München" for "Münchner")', DE, 'Siemens aus München hat 320.000 Mitarbeiter.'],
    ['a German common noun after an article ("das Jahr")', DE, 'Busch sprach von einem starken Jahr 2026.'],
  ])('given %s, then the sentence is supported', (_name, source, summary) => {
    expect(problems(source, summary)).toEqual([]);
  });

  it.each([
    ['34 % for 43 %', DE, 'Der Gewinn stieg um 34 Prozent.', 'number: 34 Prozent'],
    ['"2 %" for 2,6 % (no rounding without a signal)', DE, 'Die Marge lag bei 2 Prozent.', 'number: 2 Prozent'],
    ['Mio. for Mrd.', DE, 'Siemens setzte 1,49 Mio. Euro um.', 'number: 1,49 Mio. Euro'],
    ['dollars for euros', DE, 'Siemens reported revenue of 1.49 billion dollars.', 'number: 1.49 billion dollars'],
    ['an invented company', EN, 'Rival Samsung Electronics also grew, Tim Cook said.', 'entity: Samsung Electronics'],
    ['an invented person', EN, 'Chief financial officer Luca Maestri said revenue rose 8%.', 'entity: Luca Maestri'],
    ['a changed weekday', EN, 'Apple said on Monday that revenue rose 8%.', 'date: Monday'],
    ['a changed year', DE, 'Busch sprach von einem starken Jahr 2025.', 'date: 2025'],
    ['a dropped negation', DE, 'Die Prognose wurde gesenkt.', 'negation: without "nicht"'],
    ['an added negation', EN, 'Apple said revenue did not rise 8% to $94.9 billion in the quarter.', 'negation: not'],
    ['a surname in a German noun slot ("der erste Nakamura")', DE, 'Die Marge lag beim ersten Nakamura bei 2,6 Prozent.', 'entity: Nakamura'],
    ['a nationality of another country ("Japanese" for "China")', EN, 'Tim Cook said Japanese demand did not weaken.', 'entity: Japanese'],
    ['a bare number not in the article', EN, 'Apple has 12 new stores and revenue rose 8%.', 'number: 12'],
  ])('given %s, then the sentence is flagged', (_name, source, summary, problem) => {
    expect(problems(source, summary)).toContain(problem);
  });

  it('given a four-digit amount without its pence, then it is supported; a changed last digit is not', () => {
    const source = 'Glancy stole a total of £10,787.50 between March and June.';
    expect(problems(source, 'She stole £10,787 in total.')).toEqual([]);
    expect(problems(source, 'She stole £10,797 in total.')).toEqual(['number: £10,797']);
  });

  it('given a count whose source has words between number and noun, then the number suffices', () => {
    expect(problems('Beim Anschlag starben 69 vor allem junge Menschen.', 'Er tötete 69 Menschen.')).toEqual([]);
    expect(problems('Beim Anschlag starben 69 vor allem junge Menschen.', 'Er tötete 96 Menschen.')).toEqual(['number: 96 Menschen']);
  });

  it('given "50m" before a sport event or against a source in metres, then it is a distance; as an amount it is still checked', () => {
    const source = 'She won the 50 metres freestyle in 24.1 seconds. The club paid £16m for the striker.';
    expect(problems(source, 'She won the 50m freestyle.')).toEqual([]);
    expect(problems('She won the 50m freestyle in 24.1 seconds.', 'She won the 50m freestyle final.')).toEqual([]);
    expect(problems(source, 'She won the 60m freestyle.')).toEqual(['number: 60m']);
    expect(problems(source, 'The club paid 50 million for the striker.')).toEqual(['number: 50 million']);
  });

  it('given "around" before a rounded amount, then it may differ by half a unit of its last digit, not a whole one', () => {
    const source = 'The club paid £15.6m for the striker.';
    expect(problems(source, 'The club paid around £16m.')).toEqual([]);
    expect(problems(source, 'The club paid around £15m.')).toEqual(['number: around £15m']);
  });

  it.each([
    ['en', 'North America looks at least as big, if not larger, than Africa on the map.', 'North America looks at least as big as Africa on the map.'],
    ['en', 'The bank was not only fined by regulators but also censured by regulators.', 'The bank was fined by regulators and censured by regulators.'],
    ['de', 'Die Bank wurde nicht nur von der Aufsicht bestraft, sondern auch von der Aufsicht gerügt.', 'Die Bank wurde von der Aufsicht bestraft und von der Aufsicht gerügt.'],
  ])('given a negation word that denies nothing (%s: "not only", "if not", "nicht nur"), then leaving it out is no flip', (_lang, source, summary) => {
    expect(problems(source, summary)).toEqual([]);
    expect(problems(source, summary.replace(/ (was|wurde|looks) /u, ' $1 not ').replace('wurde not', 'wurde nicht'))).toHaveLength(1);
  });

  it('given a multi-sentence summary, then each sentence is checked on its own', () => {
    const out = groundText(EN, 'Revenue rose 8%. Revenue rose 9%.');
    expect(out.map((s) => s.supported)).toEqual([true, false]);
  });
});

describe('groundClaims (cited ids)', () => {
  it('given a figure stated in another sentence than the cited one, then it is not supported', () => {
    const [s] = groundClaims(DE, [{ text: 'Profit rose 43 percent.', sources: [2] }]);
    expect(s?.problems.map((p) => p.kind)).toEqual(['number']);
  });

  it('given the cited sentence, then it is supported', () => {
    const [s] = groundClaims(DE, [{ text: 'Profit rose 43 percent.', sources: [1] }]);
    expect(s).toMatchObject({ supported: true, sources: [1] });
  });

  it('given a translated sentence that drops the cited negation, then the flip is caught', () => {
    const [s] = groundClaims(DE, [{ text: 'The forecast was lowered.', sources: [4] }]);
    expect(s?.problems.map((p) => p.kind)).toEqual(['negation']);
  });

  it('given only ids the article does not have, then the sentence fails as source', () => {
    const [s] = groundClaims(DE, [{ text: 'Profit rose 43 percent.', sources: [99] }]);
    expect(s).toMatchObject({ supported: false, sources: [], problems: [{ kind: 'source', text: '99' }] });
  });
});

describe('negation scope and German compounds', () => {
  const DE_CLINIC = `Fürstin in Zürich

Nachdem die Fürstin monatelang in Südafrika festsass, da sie aufgrund gesundheitlicher Probleme nicht fliegen durfte, lässt sie sich wegen physischer und psychischer Probleme in einer Zürcher Klinik behandeln. Der Palast äusserte sich nicht.`;
  const EN_NORM = `Medvedev on Obama

Medvedev said a competent politician knows how to make careful and wise decisions. He spoke in Moscow on Tuesday.`;

  it('given a negation in another clause of the source sentence, then a positive summary of the main clause is no flip', () => {
    expect(problems(DE_CLINIC, 'Die Fürstin lässt sich wegen physischer und psychischer Probleme in einer Zürcher Klinik behandeln.')).toEqual([]);
  });

  it('given a reproach "blasted X for not knowing how" of a norm the source states positively, then it is no flip', () => {
    expect(problems(EN_NORM, 'Medvedev blasted Obama for not knowing how to make careful and wise decisions.')).toEqual([]);
  });

  it('given a plain denial of what the source states, then the flip is caught', () => {
    expect(problems(EN_NORM, 'Medvedev said a competent politician does not know how to make careful and wise decisions.')).toEqual(['negation: not']);
  });

  it('given a German compound ending in a common noun after an article, then it is no name', () => {
    expect(problems(DE, 'Der Münchner Konzern meldete für den Industriebetrieb einen Gewinn.')).toEqual([]);
  });
});

describe('acronyms of names the article writes out', () => {
  const EN_WAR = `Soldiers identified

Historians of the Commonwealth War Graves Commission examined remains of soldiers killed early in World War One near the French border. The New York Police Department helped with records.`;
  const DE_BANK = `Zinsen steigen

Die Europäische Zentralbank hebt den Leitzins an. Die Freie Demokratische Partei begrüsste den Schritt.`;

  it.each([
    ['the initials of a name ("NYPD")', EN_WAR, 'NYPD records helped the historians.'],
    ['a closing number word as a Roman numeral ("WWI" for "World War One")', EN_WAR, 'Historians examined remains of WWI soldiers.'],
    ['a closing digit read as a Roman numeral ("WW1")', EN_WAR, 'Historians examined remains of WW1 soldiers.'],
    ['a particle inside the name left out ("CWGC")', EN_WAR, 'The CWGC examined remains of soldiers.'],
    ['a German name ("FDP" for "Freie Demokratische Partei")', DE_BANK, 'Die FDP begrüsste den Schritt der Zentralbank.'],
  ])('given %s, then the acronym is supported', (_name, source, summary) => {
    expect(problems(source, summary)).toEqual([]);
  });

  it.each([
    ['an acronym of no name in the article', EN_WAR, 'The FBI examined remains of WWI soldiers.', 'entity: FBI'],
    ['the wrong numeral ("WWII" for "World War One")', EN_WAR, 'Historians examined remains of WWII soldiers.', 'entity: WWII'],
    ['initials across a full stop ("ONYPD")', EN_WAR, 'Records of the ONYPD helped.', 'entity: ONYPD'],
  ])('given %s, then it is flagged', (_name, source, summary, problem) => {
    expect(problems(source, summary)).toContain(problem);
  });
});

describe('German common nouns and counting adjectives', () => {
  const SHOW = `Fischer singt

Bei den Dreharbeiten zur ARD-Show «Sommernacht» sang Helene Fischer ihre neue Single. Beim Anschlag starben 69 Menschen. Der Mörder muss in Haft bleiben.`;

  it('given a genitive noun after "des" and a compound whose first part is no name ("TV-Show"), then neither is a name', () => {
    expect(problems(SHOW, 'Während des Drehs der TV-Show sang Helene Fischer ihre neue Single.')).toEqual([]);
    expect(problems(SHOW, 'Während des Drehs der TV-Show sang Helene Lindqvist ihre neue Single.')).toEqual(['entity: Lindqvist']);
  });

  it('given a sentence-initial capitalized article ("Der Mörder"), then it makes the next word a noun as inside a sentence', () => {
    expect(problems(DE, 'Der Mörder sprach am Donnerstag.')).toEqual([]);
    expect(problems(DE, 'Der Nakamura sprach am Donnerstag.')).toEqual(['entity: Nakamura']);
  });

  it('given "N-fache" before a person noun, then it counts deeds and needs the number N; before another noun it stays a factor', () => {
    expect(problems(SHOW, 'Der 69-fache Mörder muss in Haft bleiben.')).toEqual([]);
    expect(problems(SHOW, 'Der 70-fache Mörder muss in Haft bleiben.')).toEqual(['number: 70-fache']);
    expect(problems(SHOW, 'Die Zahl stieg um das 69-fache Niveau.')).toContain('number: 69-fache');
  });
});
