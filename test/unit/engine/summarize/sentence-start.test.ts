import { describe, expect, it } from 'vitest';
import { summarize } from '../../../../src/engine/summarize.ts';
import { withoutDateline } from '../../../../src/engine/summarize/dateline.ts';
import { withoutGluedHeading } from '../../../../src/engine/summarize/glued-heading.ts';
import { articleOf } from './helpers.ts';

describe('withoutDateline', () => {
  it.each([
    ['Hamburg (dpa) - Die Reederei meldet für das Frühjahr deutlich weniger Fracht.', 'Die Reederei meldet für das Frühjahr deutlich weniger Fracht.'],
    ['Bern (sda/awp) – Der Bundesrat senkt den Zins für Bürgschaften.', 'Der Bundesrat senkt den Zins für Bürgschaften.'],
    ['Frankfurt/Main (dpa-AFX) - Der Leitindex schloss kaum verändert.', 'Der Leitindex schloss kaum verändert.'],
    ['OSLO, Norway (CNN) -- A ferry ran aground near the coast on Sunday.', 'A ferry ran aground near the coast on Sunday.'],
    ['(CNN) -- Rescue teams reached the village late at night.', 'Rescue teams reached the village late at night.'],
  ])('given the dateline in %j, then the sentence after the dash is left', (text, rest) => {
    expect(withoutDateline(text)).toBe(rest);
  });

  it.each([
    'Die Sozialdemokraten (SPD) - so hiess es - wollen den Antrag stützen.',
    'The agency (AP) said the ferry ran aground.',
    'Im Bericht der Agentur (dpa) steht nichts davon.',
  ])('given %j without a dateline at its start, then it is unchanged', (text) => {
    expect(withoutDateline(text)).toBe(text);
  });
});

describe('withoutGluedHeading', () => {
  it.each([
    ['Lieferung wird teurer Der Versand kostet ab Mai drei Franken mehr.', 'Der Versand kostet ab Mai drei Franken mehr.'],
    ['Kritik aus der Branche Nachdem die Preise gestiegen waren, klagten die Händler.', 'Nachdem die Preise gestiegen waren, klagten die Händler.'],
    ['«Wir bleiben hier» Die Mieter wehren sich gegen die Kündigung der Wohnungen.', 'Die Mieter wehren sich gegen die Kündigung der Wohnungen.'],
    ['Neue Regeln ab Juni Dabei geht es vor allem um die Öffnungszeiten am Sonntag.', 'Dabei geht es vor allem um die Öffnungszeiten am Sonntag.'],
  ])('given the heading glued to %j, then the sentence without it is left', (text, rest) => {
    expect(withoutGluedHeading(text, 'de')).toBe(rest);
  });

  it.each([
    ['a sentence with an ordinary start', 'Der Gemeinderat hat am Montag das Budget für das kommende Jahr genehmigt.'],
    ['a party name after its noun', 'Im Parlament stimmte die Partei Die Linke geschlossen gegen den Antrag.'],
    ['a polite "Sie" mid-sentence', 'Bitte melden Sie sich bis Freitag bei der Gemeinde an.'],
    ['a comma before the capital', 'Laut Polizei, Die Einsatzkräfte waren rasch vor Ort und sperrten die Strasse.'],
    ['too little left after the capital', 'Die Wahl gewann am Ende Die Mitte klar.'],
    ['an English name with "Man" in it', 'Der Music Man StingRay gehört ins Pantheon der klassischen E-Bässe.'],
  ])('given %s, then the sentence is unchanged', (_, text) => {
    expect(withoutGluedHeading(text, 'de')).toBe(text);
  });

  it('given English text, then capitals mid-sentence are left alone ("told The Times")', () => {
    const text = 'The minister told The Times that the plan would go ahead next year.';
    expect(withoutGluedHeading(text, 'en')).toBe(text);
  });
});

describe('summarize and the start of a sentence', () => {
  it('given a German lead with an agency dateline, then the lead is summarized without the dateline instead of dropped as a caption', () => {
    const article = articleOf([
      ['Hamburg (dpa) - Die Reederei Hapag-Lloyd hat im ersten Quartal 20 Prozent weniger Container transportiert als ein Jahr zuvor.',
        'Grund seien die Angriffe auf Schiffe im Roten Meer, teilte das Unternehmen am Donnerstag mit.',
        'Die Frachtraten stiegen dagegen deutlich.'],
      ['Analysten rechnen damit, dass die Reederei ihre Prognose für das Gesamtjahr im Sommer anpassen muss.'],
    ], 'de');
    const summary = summarize(article);
    expect(summary[0]).toBe('Die Reederei Hapag-Lloyd hat im ersten Quartal 20 Prozent weniger Container transportiert als ein Jahr zuvor.');
    expect(summary.join(' ')).not.toContain('(dpa)');
  });

  it('given a sub-heading glued to a German sentence, then the summary quotes the sentence without the heading', () => {
    const article = articleOf([
      ['Die Stadt Winterthur baut bis 2027 ein neues Hallenbad mit sechs Bahnen.',
        'Der Neubau kostet rund 48 Millionen Franken und ersetzt das alte Bad aus den Siebzigerjahren.'],
      ['Lange Bauzeit geplant Das Hallenbad bleibt während der Bauzeit von drei Jahren geschlossen, die Schulen weichen nach Wülflingen aus.'],
    ], 'de');
    const summary = summarize(article, { maxSentences: 4, maxWords: 75 });
    expect(summary.some((s) => s.startsWith('Lange Bauzeit'))).toBe(false);
    expect(summary).toContain('Das Hallenbad bleibt während der Bauzeit von drei Jahren geschlossen, die Schulen weichen nach Wülflingen aus.');
  });
});
