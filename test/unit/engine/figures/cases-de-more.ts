/**
 * German figure cases for the failure classes of issue 12: shared units,
 * number words, word ranges, signs, currencies by name and symbol, space
 * thousands, sub-units, scale after the currency, adjectival percents.
 * One sentence, exactly one figure (the others hold two and say so).
 */
import type { FigureCase } from './figure-case.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

export const GERMAN_MORE_CASES: readonly FigureCase[] = [
  // number words
  ['Er zahlte siebenhundert Euro Strafe.', 'money', 700, 'EUR', null],
  ['Die Quote liegt bei einhundert Prozent.', 'percent', 100, null, null],
  ['Es geht um einer halben Milliarde Euro.', 'money', 0.5e9, 'EUR', null],
  ['Das kostet mehr als eine halbe Million Euro.', 'money', 0.5e6, 'EUR', 'more-than'],
  ['Die Stadt bekommt dreihundertfünfzig Euro pro Kopf.', 'money', 350, 'EUR', null],
  ['Der Kurs fiel um fünfundzwanzig Prozent.', 'percent', 25, null, null, { direction: 'down' }],
  ['Die Firma zahlt zweitausend Euro Prämie.', 'money', 2000, 'EUR', null],
  ['Der Preis stieg um zwölf Prozent.', 'percent', 12, null, null, { direction: 'up' }],
  ['Das Paket kostet dreieinhalb Milliarden Euro.', 'money', 3.5e9, 'EUR', null],
  ['Der Staat zahlt achtzehn Millionen Euro.', 'money', 18e6, 'EUR', null],
  ['Die Löhne steigen um sechzig Euro im Monat.', 'money', 60, 'EUR', null, { direction: 'up' }],
  // word ranges
  ['Das Wachstum liegt zwischen fünf und sechs Prozent.', 'percent', 5, null, null, { valueMax: 6 }],
  ['Die Kosten liegen zwischen zwei und drei Milliarden Euro.', 'money', 2e9, 'EUR', null, { valueMax: 3e9 }],
  ['Die Marge soll zwischen zehn und zwölf Prozent betragen.', 'percent', 10, null, null, { valueMax: 12 }],
  // signs
  ['Die Aktie schloss bei minus 2,34 Prozent.', 'percent', 2.34, null, null, { direction: 'down' }],
  ['Der Kurs: -15,7 Prozent.', 'percent', 15.7, null, null, { direction: 'down' }],
  ['Das Ergebnis lag bei minus 3 Mio. Euro.', 'money', 3e6, 'EUR', null, { direction: 'down' }],
  ['Die Rendite lag bei plus 4 Prozent.', 'percent', 4, null, null, { direction: 'up' }],
  ['Der Index notierte −1,2 Prozent tiefer.', 'percent', 1.2, null, null, { direction: 'down' }],
  // currencies by name, with adjectives, by code
  ['Das Land erhält 800 Millionen Lewa.', 'money', 800e6, 'BGN', null],
  ['Die Firma zahlte 16,4 Millionen kanadischen Dollar.', 'money', 16.4e6, 'CAD', null],
  ['Der Fonds hält 2 Mrd. australische Dollar.', 'money', 2e9, 'AUD', null],
  ['Die Bank verdiente 900 Mio. Franken.', 'money', 900e6, 'CHF', null],
  ['Der Verlust betrug 30 Mio. britische Pfund.', 'money', 30e6, 'GBP', null],
  ['Der Umsatz lag bei 5 Mrd. Yen.', 'money', 5e9, 'JPY', null],
  ['Die Strafe beträgt 12 Mio. Rubel.', 'money', 12e6, 'RUB', null],
  ['Der Auftrag ist 400 Mio. Złoty wert.', 'money', 400e6, 'PLN', null],
  ['Der Auftrag ist 400 Mio. Zloty wert.', 'money', 400e6, 'PLN', null],
  ['Volvo Cars verdiente 3 Mrd. schwedische Kronen.', 'money', 3e9, 'SEK', null],
  ['Equinor zahlt 2 Mrd. norwegische Kronen.', 'money', 2e9, 'NOK', null],
  ['In Schweden kostet das Ticket 300 Kronen.', 'money', 300, 'SEK', null],
  ['Die Inflation frisst 40 Mrd. türkische Lira.', 'money', 40e9, 'TRY', null],
  ['Die Zentralbank verkaufte Devisen für 5 Mrd. Lira.', 'money', 5e9, 'TRY', null],
  ['Der Deal ist 2,1 Mrd. Hongkong-Dollar schwer.', 'money', 2.1e9, 'HKD', null],
  ['Die Mine kostet 500 Mio. südafrikanische Rand.', 'money', 500e6, 'ZAR', null],
  ['Die Summe beträgt 75 Mio. CAD.', 'money', 75e6, 'CAD', null],
  ['Die Anleihe bringt 300 Mio. SEK.', 'money', 300e6, 'SEK', null],
  ['Der Preis liegt bei 94.000 $.', 'money', 94000, 'USD', null],
  ['Der Preis liegt bei NZ$ 40 Mio.', 'money', 40e6, 'NZD', null],
  ['Die Tochter setzte C$ 1,2 Mrd. um.', 'money', 1.2e9, 'CAD', null],
  // thousands separated by spaces
  ['Der Preis liegt bei 12 500 EUR.', 'money', 12500, 'EUR', null],
  [`Der Preis liegt bei 12${NBSP}500 EUR.`, 'money', 12500, 'EUR', null],
  [`Der Preis liegt bei 12${NNBSP}500 EUR.`, 'money', 12500, 'EUR', null],
  ['Die Summe beträgt 300 000 GBP.', 'money', 300000, 'GBP', null],
  ['Das Auto kostet 1 250 000 Euro.', 'money', 1.25e6, 'EUR', null],
  ['Der Betrag wuchs auf 12 500,50 Euro.', 'money', 12500.5, 'EUR', null, { direction: 'up' }],
  // sub-units
  ['Der Preis lag bei 15 Dollar und 15 Cent.', 'money', 15.15, 'USD', null],
  ['Das Brot kostet 3 Euro und 20 Cent.', 'money', 3.2, 'EUR', null],
  ['Die Aktie kostet 80 Rappen.', 'money', 0.8, 'CHF', null],
  ['Das Papier notiert bei 197 Pence.', 'money', 1.97, 'GBP', null],
  // scale after the currency, finance shorthand
  ['Der Gewinn lag bei 30 MUSD.', 'money', 30e6, 'USD', null],
  ['Der Umsatz erreichte 2 MEUR.', 'money', 2e6, 'EUR', null],
  ['Das Budget beträgt 500 TEUR.', 'money', 500e3, 'EUR', null],
  ['Der Umsatz lag bei 75 USD Millionen.', 'money', 75e6, 'USD', null],
  // adjectival percents
  ['Die Zinsen der 0,45-prozentigen Anleihe sinken.', 'percent', 0.45, null, null, { label: 'Anleihe' }],
  ['Eine 5-prozentige Erhöhung ist geplant.', 'percent', 5, null, null, { label: 'Erhöhung' }],
  ['Der Staat gibt 3-prozentige Anleihen aus.', 'percent', 3, null, null],
  // false money: the currency names the noun's kind
  ['Am Treffen nahmen 18 Euro-Finanzminister teil.', 'count', 18, null, null, { unit: 'Euro-Finanzminister' }],
  // losses, cuts and labels with their basis
  ['Der Konzern meldete einen Verlust von 190 Mio. Euro.', 'money', 190e6, 'EUR', null, { direction: 'down', label: 'Verlust' }],
  ['Der Konzern senkte seine Umsatzprognose auf 4 Mrd. Euro.', 'money', 4e9, 'EUR', null, { direction: 'down' }],
  ['Der Konzern rechnet für 2026 mit einem Umsatz von 12 Mrd. Euro.', 'money', 12e9, 'EUR', null, { label: 'Umsatz-Prognose' }],
  ['Die Firma zahlt 3 € je Aktie.', 'money', 3, 'EUR', null],
  ['Die Dividende je Aktie steigt auf 1,50 Euro.', 'money', 1.5, 'EUR', null, { direction: 'up' }],
  ['Die Bank hob das Kursziel auf 48 Euro an.', 'money', 48, 'EUR', null, { label: 'Kursziel' }],
];

/** German sentences with two figures: both, in order, with value, currency (or kind) and basis. */
export const GERMAN_PAIRS: readonly (readonly [string, readonly (readonly [number, string, string | null])[]])[] = [
  ['Der Umsatz sank von 440,5 Mio. auf 175,3 Mio. Euro.', [[440.5e6, 'EUR', 'prior'], [175.3e6, 'EUR', null]]],
  ['Die Preise stiegen um 4,5 und 3,5 Prozent.', [[4.5, 'percent', null], [3.5, 'percent', null]]],
  ['Der Gewinn lag bei 6,31 (2014: 4,86) Millionen Euro.', [[6.31e6, 'EUR', null], [4.86e6, 'EUR', 'prior']]],
  ['Die Firma verdiente 6,31 (Vorjahr: 4,86) Mio. Euro.', [[6.31e6, 'EUR', null], [4.86e6, 'EUR', 'prior']]],
  ['Der Umsatz stieg auf 5,1 Mrd. Euro nach 4,8 Mrd. Euro im Vorjahr.', [[5.1e9, 'EUR', null], [4.8e9, 'EUR', 'prior']]],
  ['Der Konzern meldete einen Verlust von 190 Mio. Euro, nach einem Gewinn von 21 Mio. Euro im Vorjahr.', [[190e6, 'EUR', null], [21e6, 'EUR', 'prior']]],
  ['Der Umsatz stieg von 3 auf 5 Mrd. Euro.', [[3e9, 'EUR', 'prior'], [5e9, 'EUR', null]]],
  ['Der Gewinn je Aktie lag bei 1,30 Euro, Analysten hatten 1,20 Euro erwartet.', [[1.3, 'EUR', null], [1.2, 'EUR', 'estimate']]],
  ['Die Marge lag bei 12 bzw. 14 Prozent.', [[12, 'percent', null], [14, 'percent', null]]],
];
