/**
 * fast-check arbitraries for hostile text: German and English news words, numbers in every format (and in
 * none: "1.2.3,4,5", "1e999999", huge digit strings), abbreviations and quotes the sentence splitter has
 * rules for, zero-width and right-to-left characters, lone surrogates and control characters.
 */
import fc from 'fast-check';

const WORDS = [
  'Der', 'Umsatz', 'stieg', 'im', 'dritten', 'Quartal', 'um', 'auf', 'Milliarden', 'Euro', 'Prozent', 'Gewinn', 'sank', 'Aktie',
  'Konzern', 'erwartet', 'Risiko', 'Klage', 'Zölle', 'Revenue', 'rose', 'to', 'billion', 'percent', 'the', 'company', 'said',
  'guidance', 'outlook', 'shares', 'fell', 'lawsuit', 'tariffs', 'margin', 'points', 'Mitarbeiter', 'je', 'Aktie', 'per', 'share',
  'verdreifacht', 'eightfold', 'zwei', 'Drittel', 'bis', 'and', 'und', 'mehr', 'als', 'about', 'rund', 'etwa', 'Prognose',
];
const ABBREVIATIONS = ['z.B.', 'Dr.', 'Nr.', 'U.S.', 'Mrd.', 'Mio.', 'bzw.', 'Inc.', 'e.g.', 'vs.', 'St.', 'Prof.', 'ca.', 'i.e.', '3.', 'Okt.'];
const PUNCTUATION = ['.', '!', '?', '…', '...', '.”', '“', '„', '”', '«', '»', '"', "'", '(', ')', '[', ']', ',', ';', ':', '-', '–', '—', '/'];
/** Characters that change nothing visible but everything for regexes and offsets. */
export const INVISIBLE = [
  '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u202e', '\u202b', '\u202a', '\u202c', '\u200f', '\u200e', '\u061c',
  '\u2066', '\u2069', '\u00a0', '\u202f', '\u2009', '\u3000', '\u0301', '\u0308',
];
const RTL_WORDS = ['שלום', 'مرحبا', 'العربية', '\u202eesrever\u202c', 'עברית 123 ₪', '٣٫٥٪', '١٢٣٬٤٥٦'];
const CONTROLS = ['\u0000', '\u0007', '\u001b[31m', '\r', '\u2028', '\u2029', '\u0085', '\t', '\v', '\f'];
const SURROGATES = ['\ud800', '\udfff', '\ud83d', '\ude00', '😀', '👍🏽', '🇩🇪'];

/** Numbers as the grammar must read them, and as no grammar should choke on. */
export const NUMBER_LITERALS = [
  '1.2.3,4,5', '1e999999', '1E-999999', '-0,0000000000000000000000000001', '−0,0', '+0', '1,234.56', '1.234,56', '3,5', '3.5', '0,5 %',
  '1.000.000', '1,000,000', "1'000'000", '1\u202f000\u202f000', '1\u00a0234,5', '€ 1,2 Mrd.', '$2.85 to $3.10', '+34 %', '−7,4 %',
  '12 Prozentpunkte', '50 bp', '3-Milliarden-Yuan-Anreizprogramm', 'zwei Drittel', '4,6 bis 4,8 Milliarden Euro', 'US$1.2bn', '¥500',
  'NaN', 'Infinity', '-Infinity', '0x1F', '0b101', '1_000', '٣٫٥', '１２３', '½', '²', 'Ⅻ', '9'.repeat(400), `0,${'0'.repeat(400)}1`,
  `1${',000'.repeat(120)}`, `1${'.000'.repeat(120)},5 Euro`, '99999999999999999999 Prozent', '1.7976931348623157e308 Dollar',
  '3 Mrd. Euro', '5x', '10-fach', '1.5 times', '2.000 Mitarbeiter', 'Q3 2026', '2026/27', '25.12.2026', '12:30 Uhr',
];

const CURRENCIES = ['', '$', '€', '£', 'US$', 'EUR ', 'USD ', '¥', 'CHF '];
const SUFFIXES = ['', ' %', '%', ' Prozent', ' percent', ' Euro', ' Dollar', ' Mrd.', ' Mio.', ' billion', ' million', ' bn', 'bn', ' Prozentpunkte',
  ' percentage points', ' bp', ' Mitarbeiter', ' employees', ' km/h', ' Tonnen', 'x', '-fach', ' mal', ' Milliarden Euro', ' je Aktie'];

/** A number in a random written form, with currency, sign and unit around it. */
export const numberArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...NUMBER_LITERALS), weight: 3 },
  {
    arbitrary: fc.tuple(
      fc.constantFrom('', '+', '-', '−', '~', 'rund ', 'mehr als ', 'up to '),
      fc.constantFrom(...CURRENCIES),
      fc.stringMatching(/^\d{1,24}(?:[.,'\u202f\u00a0]\d{1,4}){0,5}(?:[eE][+-]?\d{1,7})?$/u),
      fc.constantFrom(...SUFFIXES),
    ).map(([sign, cur, digits, suffix]) => `${sign}${cur}${digits}${suffix}`),
    weight: 5,
  },
  {
    // Huge digit strings, many around the edge of double range (7.7e299 × "billion" overflows).
    arbitrary: fc.tuple(fc.oneof(fc.integer({ min: 290, max: 320 }), fc.integer({ min: 1, max: 3000 })), fc.constantFrom(...SUFFIXES))
      .map(([n, suffix]) => `${'7'.repeat(n)}${suffix}`),
    weight: 1,
  },
  { arbitrary: fc.double({ noNaN: false }).map((d) => String(d)), weight: 1 },
);

/** One token of hostile prose. */
export const tokenArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...WORDS), weight: 10 },
  { arbitrary: numberArb, weight: 5 },
  { arbitrary: fc.constantFrom(...ABBREVIATIONS), weight: 2 },
  { arbitrary: fc.constantFrom(...PUNCTUATION), weight: 4 },
  { arbitrary: fc.constantFrom(...INVISIBLE), weight: 2 },
  { arbitrary: fc.constantFrom(...RTL_WORDS), weight: 1 },
  { arbitrary: fc.constantFrom(...CONTROLS), weight: 1 },
  { arbitrary: fc.constantFrom(...SURROGATES), weight: 1 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 8 }), weight: 1 },
  { arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 6 }), weight: 1 },
);

const SEPARATORS = [' ', ' ', ' ', '', '\n', '\u00a0', '  ', '\t', '\u200b'];

/** A paragraph of hostile prose (up to `maxTokens` tokens). */
export function proseArb(maxTokens = 60): fc.Arbitrary<string> {
  return fc.array(fc.tuple(tokenArb, fc.constantFrom(...SEPARATORS)), { maxLength: maxTokens })
    .map((parts) => parts.map(([t, sep]) => t + sep).join(''));
}

/** A long run of one hostile piece (tens of thousands of characters). */
export const floodArb: fc.Arbitrary<string> = fc.tuple(
  fc.constantFrom('. ', 'z.B. ', '„', '"', '1.', '9', 'a', '\u200b', ' ', '... ', 'Mrd. Euro ', '3,5 % ', '$1 ', '-', 'U.S. ', '!?'),
  fc.integer({ min: 1000, max: 40_000 }),
).map(([piece, n]) => piece.repeat(Math.ceil(n / piece.length)));

/** A language for the rules. */
export const langArb = fc.constantFrom<'de' | 'en'>('de', 'en');
