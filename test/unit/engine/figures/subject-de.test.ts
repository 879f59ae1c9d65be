/**
 * Where the subject of a German figure sits: the noun governing it through "von", the head of the noun phrase a
 * clause opens with (with its genitive or prepositional attribute), a purpose phrase of a payment, a change that
 * refers to the amount before it, and times that are never a subject.
 */
import { describe, expect, it } from 'vitest';
import { figuresOf } from './figure-case.ts';

const CASES: readonly (readonly [string, string])[] = [
  ['Für Mitarbeiter gibt es eine Prämie von 3000 Euro.', 'Prämie'],
  ['Der Konzern erhielt einen Auftrag in Höhe von 2 Mrd. Euro.', 'Auftrag'],
  ['Bei den Erlösen verzeichnete die Firma ein Plus von 5 Prozent.', 'Erlösen'],
  ['Die Rendite zehnjähriger Bundesanleihen stieg auf 2,5 Prozent.', 'Rendite zehnjähriger Bundesanleihen'],
  ['Der Anteil der Exporte am Umsatz liegt bei 40 Prozent.', 'Anteil der Exporte'],
  ['Die Preise für Lebensmittel legten um 4 Prozent zu.', 'Preise für Lebensmittel'],
  ['Die Verschuldung des Landes beträgt 2,5 Billionen Euro.', 'Verschuldung des Landes'],
  ['Der Umsatz stieg im dritten Quartal auf 3 Mrd. Euro.', 'Umsatz'],
  ['Die Inflationsrate lag im März bei 2,2 Prozent.', 'Inflationsrate'],
  ['Siemens Energy, der Windkraftbauer, verlor 5 Prozent.', 'Siemens Energy'],
  ['Die Mehrheit der Aktionäre, rund 80 Prozent, stimmte zu.', 'Mehrheit der Aktionäre'],
];

describe('German figure subjects', () => {
  for (const [sentence, label] of CASES) {
    it(`given "${sentence}", then the label is "${label}"`, () => {
      expect(figuresOf(sentence, 'de').map((f) => f.label)).toEqual([label]);
    });
  }

  it('given a change in apposition to an amount, then it is the change of that amount', () => {
    const figures = figuresOf('Der Autobauer verkaufte 2 Mio. Fahrzeuge, ein Plus von 5 Prozent.', 'de');
    expect(figures.find((f) => f.kind === 'percent')?.label).toBe('Fahrzeuge');
  });

  it('given a payment with its purpose, then the label names the purpose', () => {
    const figures = figuresOf('Die Firma zahlte zur Abgeltung von 14 Urlaubstagen 3.201,38 Euro.', 'de');
    expect(figures.find((f) => f.kind === 'money')?.label).toBe('Zahlung zur Abgeltung');
  });

  it('given a change with no subject after an amount, then it is the change of that amount', () => {
    const figures = figuresOf('Die Reederei transportierte 458.000 Tonnen, 9 % mehr als 2020.', 'de');
    expect(figures.find((f) => f.kind === 'percent')?.label).toBe('Tonnen');
  });
});
