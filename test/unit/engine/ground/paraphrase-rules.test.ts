import { describe, expect, it } from 'vitest';
import { groundText } from '../../../../src/engine/ground/ground-text.ts';

const problems = (source: string, summary: string): string[] =>
  (groundText(source, summary)[0]?.problems ?? []).map((p) => `${p.kind}: ${p.text}`);

describe('"up to N" must state one of the article\'s figures', () => {
  const SHOP = `Tests im Laden

Im Laden kosten fünf Tests bis zu 60 Franken. Ein einzelner Test kostet 12 Franken. Im Online-Shop zahlt man zwischen 40 und 55 Franken.`;

  it('given the ceiling the article states, or a range\'s top, then it is supported', () => {
    expect(problems(SHOP, 'Fünf Tests kosten bis zu 60 Franken.')).toEqual([]);
    expect(problems(SHOP, 'Online zahlt man bis zu 55 Franken.')).toEqual([]);
  });

  it('given a higher ceiling than any the article states, then it is flagged though lower amounts exist', () => {
    expect(problems(SHOP, 'Fünf Tests kosten bis zu 67 Franken.')).toEqual(['number: bis zu 67 Franken']);
    expect(problems('Tickets cost $10, and up to $40 for the best seats.', 'Seats cost up to $45.')).toEqual(['number: up to $45']);
  });
});

describe('"more than N" rounds a figure down to N\'s own last digit', () => {
  const SURVEY = 'The survey asked 67 people in Leeds. It took the team 10 years and cost 25,000 pounds.';

  it('given a figure from N up to one unit of N\'s last digit, then it is supported', () => {
    expect(problems(SURVEY, 'The survey asked more than 60 people in Leeds.')).toEqual([]);
    expect(problems(SURVEY, 'It cost more than 20,000 pounds.')).toEqual([]);
  });

  it('given an N that a larger figure elsewhere exceeds but no figure rounds down to, then it is flagged', () => {
    expect(problems(SURVEY, 'It took the team over 17 years.')).toEqual(['number: over 17 years']);
    expect(problems(SURVEY, 'The survey asked more than 50 people in Leeds.')).toEqual(['number: more than 50 people']);
  });
});

describe('negation-implying verbs in the source (verzichten, absagen, fail, miss, overrun)', () => {
  /** German sources need a few sentences for the article's language to be read as German. */
  const de = (sentence: string): string => `${sentence} Das Konzert war seit Wochen ausverkauft. Die Veranstalter bedauern den Entscheid und prüfen einen neuen Termin.`;

  it.each([
    ['de', de('Die Sängerin Mara Keller verzichtet auf ihren Auftritt in Basel.'), 'Die Sängerin Mara Keller wird nicht in Basel auftreten.'],
    ['de', de('Der Verein sagte das Derby in Bern wegen Schnee ab.'), 'Das Derby in Bern findet wegen Schnee nicht statt.'],
    ['en', 'Repairs on the bridge in Leeds overran by two days.', 'Repairs on the bridge in Leeds were not finished in time.'],
    ['en', 'The striker Omar Vidal missed the final in Lisbon through injury.', 'Omar Vidal did not play the final in Lisbon through injury.'],
  ])('given a %s source sentence with one, then a summary\'s "not" paraphrasing it is no flip', (_lang, source, summary) => {
    expect(problems(source, summary)).toEqual([]);
  });

  it.each([
    [de('Die Sängerin Mara Keller tritt in Basel auf.'), 'Die Sängerin Mara Keller tritt nicht in Basel auf.', 'negation: nicht'],
    ['Repairs on the bridge in Leeds were finished in time.', 'Repairs on the bridge in Leeds were not finished in time.', 'negation: not'],
  ])('given a source sentence without one, then the added negation is still caught', (source, summary, problem) => {
    expect(problems(source, summary)).toEqual([problem]);
  });
});

describe('negation scope ends at a verb of saying or thinking', () => {
  const SOURCE = 'Coach Ann Ortiz believes her players aren\'t fit enough for the final.';

  it('given a summary sharing only the subject and the verb of thinking, then it is no flip', () => {
    expect(problems(SOURCE, 'Coach Ann Ortiz believes there is room to grow.')).toEqual([]);
  });

  it('given a summary that drops the negation of the complement clause, then the flip is caught', () => {
    expect(problems(SOURCE, 'Coach Ann Ortiz believes her players are fit enough for the final.')).toEqual(['negation: without "aren\'t"']);
  });
});

describe('nationality words: "-man" nouns and "Brits"', () => {
  it.each([
    ['"Dutch" for the article\'s "Dutchman"', 'The Dutchman guided the club to third place.', 'The Dutch coach guided the club to third place.'],
    ['"Dutchman" for the article\'s "Netherlands"', 'The coach from the Netherlands guided the club to third place.', 'The Dutchman guided the club to third place.'],
    ['"Irish" for the article\'s "Irishwomen"', 'Two Irishwomen won the race in Leeds.', 'Two Irish runners won the race in Leeds.'],
    ['"Brits" for the article\'s "Britain"', 'Two tourists from Britain were held at the airport in Lima.', 'Two Brits were held at the airport in Lima.'],
  ])('given %s, then the name is supported', (_name, source, summary) => {
    expect(problems(source, summary)).toEqual([]);
  });

  it('given another nation\'s word or a "-man" word of no nation, then it is flagged', () => {
    expect(problems('The Dutchman guided the club to third place.', 'The Danish coach guided the club to third place.')).toEqual(['entity: Danish']);
    expect(problems('The Dutchman guided the club to third place.', 'Coach Hartman guided the club to third place.')).toEqual(['entity: Hartman']);
  });
});

describe('calls to action in capitals and German common nouns', () => {
  const CLUB = 'The club signed striker Tom Hale on Friday.';

  it('given "CLICK HERE" furniture, then it is no name; an acronym beside it still is', () => {
    expect(problems(CLUB, 'CLICK HERE for the latest club news')).toEqual([]);
    expect(problems(CLUB, 'CLICK HERE for the latest NBA news')).toEqual(['entity: NBA']);
  });

  it('given a compound noun on a frequent head ("Aussicht" on "Sicht") after an adjective, then it is no name', () => {
    const flat = 'Die Wohnung hat einen Balkon mit Blick auf den See.';
    expect(problems(flat, 'Die Wohnung bietet eine schöne Aussicht auf den See.')).toEqual([]);
    expect(problems(flat, 'Die Wohnung bietet eine schöne Lindqvist auf den See.')).toEqual(['entity: Lindqvist']);
  });
});
