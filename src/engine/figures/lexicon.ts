/**
 * The word tables of the figure grammar, German and English: scales,
 * currencies, percent and point units, number words, qualifiers. Keys are
 * lower-case; the grammar (scan.ts) compiles them into regular expressions.
 */
import type { Qualifier } from '../schema.ts';
import type { RuleLanguage } from '../types.ts';

/** Scale words after a number ("3,5 Mrd.", "$3.5bn"). German "Billion" is 10^12. */
export const SCALES: Readonly<Record<RuleLanguage, Readonly<Record<string, number>>>> = {
  de: {
    'tsd.': 1e3, tsd: 1e3, tausend: 1e3,
    'mio.': 1e6, mio: 1e6, million: 1e6, millionen: 1e6,
    'mrd.': 1e9, mrd: 1e9, milliarde: 1e9, milliarden: 1e9,
    'bio.': 1e12, bio: 1e12, billion: 1e12, billionen: 1e12,
  },
  en: {
    thousand: 1e3, k: 1e3,
    m: 1e6, mn: 1e6, mln: 1e6, million: 1e6, millions: 1e6,
    b: 1e9, bn: 1e9, billion: 1e9, billions: 1e9,
    tn: 1e12, trn: 1e12, trillion: 1e12, trillions: 1e12,
  },
};

/** Scale words that count only when glued to the number ("600m", "3.5bn"), never after a space. */
export const GLUED_ONLY_SCALES: ReadonlySet<string> = new Set(['k', 'm', 'b']);

/** German currency names with an adjective ("kanadische Dollar"), inflected: -e, -en, -er. */
const ADJECTIVE_CURRENCIES_DE: readonly (readonly [string, string, string])[] = [
  ['kanadisch', 'dollar', 'CAD'], ['australisch', 'dollar', 'AUD'], ['neuseeländisch', 'dollar', 'NZD'],
  ['singapurisch', 'dollar', 'SGD'], ['amerikanisch', 'dollar', 'USD'], ['mexikanisch', 'peso', 'MXN'],
  ['schwedisch', 'kronen', 'SEK'], ['norwegisch', 'kronen', 'NOK'], ['dänisch', 'kronen', 'DKK'], ['tschechisch', 'kronen', 'CZK'],
  ['britisch', 'pfund', 'GBP'], ['russisch', 'rubel', 'RUB'], ['polnisch', 'zloty', 'PLN'], ['polnisch', 'złoty', 'PLN'],
  ['türkisch', 'lira', 'TRY'], ['bulgarisch', 'lewa', 'BGN'], ['indisch', 'rupien', 'INR'], ['japanisch', 'yen', 'JPY'],
  ['chinesisch', 'yuan', 'CNY'], ['brasilianisch', 'real', 'BRL'], ['südafrikanisch', 'rand', 'ZAR'], ['ungarisch', 'forint', 'HUF'],
];

/** Currency words and symbols written after the number (both languages). */
export const CURRENCY_AFTER: Readonly<Record<string, string>> = {
  euro: 'EUR', euros: 'EUR', eur: 'EUR', '€': 'EUR',
  'us-dollar': 'USD', dollar: 'USD', dollars: 'USD', usd: 'USD', 'us$': 'USD', '$': 'USD', 'u.s. dollars': 'USD',
  'us dollars': 'USD', 'american dollars': 'USD',
  yuan: 'CNY', cny: 'CNY', rmb: 'CNY', renminbi: 'CNY',
  pfund: 'GBP', 'pfund sterling': 'GBP', pounds: 'GBP', pound: 'GBP', 'pounds sterling': 'GBP', sterling: 'GBP', gbp: 'GBP', '£': 'GBP',
  franken: 'CHF', 'schweizer franken': 'CHF', chf: 'CHF', francs: 'CHF', 'swiss francs': 'CHF', 'swiss franc': 'CHF',
  yen: 'JPY', jpy: 'JPY', '¥': 'JPY',
  won: 'KRW', krw: 'KRW', rupien: 'INR', rupees: 'INR', inr: 'INR', '₹': 'INR',
  kronor: 'SEK', 'swedish crowns': 'SEK', 'swedish kronor': 'SEK', 'norwegian crowns': 'NOK', 'norwegian kroner': 'NOK',
  'danish crowns': 'DKK', 'danish kroner': 'DKK', 'czech crowns': 'CZK', 'czech korunas': 'CZK', koruna: 'CZK', korun: 'CZK',
  rubel: 'RUB', roubles: 'RUB', rubles: 'RUB', rouble: 'RUB', ruble: 'RUB', '₽': 'RUB',
  'kanadische dollar': 'CAD', 'canadian dollars': 'CAD', 'canadian dollar': 'CAD', 'australian dollars': 'AUD',
  'australian dollar': 'AUD', 'new zealand dollars': 'NZD', 'singapore dollars': 'SGD', 'mexican pesos': 'MXN', pesos: 'MXN',
  'hongkong-dollar': 'HKD', 'hong kong dollars': 'HKD', 'hong-kong-dollar': 'HKD', 'taiwan-dollar': 'TWD',
  zloty: 'PLN', złoty: 'PLN', zlotys: 'PLN', zł: 'PLN', lira: 'TRY', 'turkish lira': 'TRY', liras: 'TRY', '₺': 'TRY',
  lewa: 'BGN', lew: 'BGN', leva: 'BGN', lev: 'BGN', forint: 'HUF', rand: 'ZAR', reais: 'BRL', 'brazilian reais': 'BRL',
  ...Object.fromEntries(ADJECTIVE_CURRENCIES_DE.flatMap(([adjective, name, code]) =>
    ['e', 'en', 'er'].map((ending) => [`${adjective}${ending} ${name}`, code] as const))),
};

/**
 * ISO 4217 codes written after the number ("12 500 EUR", "75 USD million"), upper case only ("TRY" is also a
 * word). A glued scale in front is the finance shorthand: "30 MUSD", "2 MEUR", "500 TEUR" (thousand), "kEUR".
 */
export const ISO_CODES: ReadonlySet<string> = new Set([
  'USD', 'EUR', 'GBP', 'JPY', 'CHF', 'CNY', 'CAD', 'AUD', 'HKD', 'NZD', 'SGD', 'SEK', 'NOK', 'DKK', 'CZK', 'PLN', 'HUF',
  'RUB', 'TRY', 'INR', 'BRL', 'MXN', 'ZAR', 'KRW', 'BGN', 'RON', 'TWD', 'ILS', 'SAR', 'AED',
]);
export const CODE_SCALES: Readonly<Record<string, number>> = { M: 1e6, Mio: 1e6, T: 1e3, k: 1e3, K: 1e3, Mrd: 1e9, Bn: 1e9 };

/**
 * Crowns named without their country ("Kronen", "kroner"): the country named in the sentence decides;
 * with none, the figure is money without a currency code.
 */
export const CROWN_WORDS: ReadonlySet<string> = new Set(['kronen', 'kroner', 'krone', 'crowns']);
export const CROWN_COUNTRIES: readonly (readonly [RegExp, string])[] = [
  [/schwed|sweden|swedish/iu, 'SEK'], [/norw|norway/iu, 'NOK'], [/dän|dänemark|denmark|danish/iu, 'DKK'],
  [/tschech|czech/iu, 'CZK'], [/island|iceland/iu, 'ISK'],
];

/** Currency symbols and codes written before the number ("$3.5bn", "€ 1,2 Mrd.", "CHF 40", "NZ$2m"). */
export const CURRENCY_BEFORE: Readonly<Record<string, string>> = {
  '$': 'USD', 'us$': 'USD', 'usd': 'USD', '€': 'EUR', eur: 'EUR', '£': 'GBP', gbp: 'GBP', '¥': 'JPY', jpy: 'JPY',
  chf: 'CHF', 'c$': 'CAD', 'ca$': 'CAD', 'a$': 'AUD', 'au$': 'AUD', 'hk$': 'HKD', 'nz$': 'NZD', 'mxn$': 'MXN', 'mx$': 'MXN',
  's$': 'SGD', 'r$': 'BRL', 'nt$': 'TWD', cny: 'CNY', rmb: 'CNY', 'rs.': 'INR', 'rs': 'INR', '₹': 'INR', '₽': 'RUB', '₺': 'TRY',
  cad: 'CAD', aud: 'AUD', hkd: 'HKD', nzd: 'NZD', sek: 'SEK', nok: 'NOK', dkk: 'DKK', pln: 'PLN', czk: 'CZK', bgn: 'BGN',
  rub: 'RUB', inr: 'INR', brl: 'BRL', mxn: 'MXN', zar: 'ZAR', sgd: 'SGD', krw: 'KRW', huf: 'HUF', zł: 'PLN',
};

/**
 * Sub-units: the value is divided by 100. Pence, Rappen and Kopeken name their currency; a cent takes the
 * currency of the sentence's other money, else the language's (EUR in German, USD in English).
 */
export const CENTS: Readonly<Record<string, string | null>> = {
  cent: null, cents: null, ct: null, 'ct.': null, rappen: 'CHF', pence: 'GBP', penny: 'GBP', p: 'GBP', kopeken: 'RUB', kopecks: 'RUB',
};

export const PERCENT_UNITS: ReadonlySet<string> = new Set(['%', 'prozent', 'percent', 'per cent', 'pct', 'pct.', 'vh']);

/** Percentage points; basis points are converted (100 bp = 1 point). */
export const POINT_UNITS: Readonly<Record<string, number>> = {
  prozentpunkte: 1, prozentpunkten: 1, prozentpunkt: 1, 'pp.': 1, pp: 1, ppt: 1, ppts: 1, 'percentage points': 1,
  'percentage point': 1, 'pct points': 1, 'pct. points': 1,
  basispunkte: 0.01, basispunkten: 0.01, basispunkt: 0.01, 'basis points': 0.01, 'basis point': 0.01, bp: 0.01, bps: 0.01,
  'bp.': 0.01,
};

/** Number words read as numbers when a unit, scale or "Faktor" makes them a figure. */
export const NUMBER_WORDS: Readonly<Record<RuleLanguage, Readonly<Record<string, number>>>> = {
  de: {
    ein: 1, eine: 1, einer: 1, einen: 1, einem: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, sechs: 6, sieben: 7, acht: 8,
    neun: 9, zehn: 10, elf: 11, zwölf: 12, fünfzehn: 15, zwanzig: 20, dreißig: 30, vierzig: 40, fünfzig: 50,
    hundert: 100, tausend: 1000, anderthalb: 1.5, eineinhalb: 1.5, zweieinhalb: 2.5, halbe: 0.5, halben: 0.5, halb: 0.5,
    dreieinhalb: 3.5, viereinhalb: 4.5, fünfeinhalb: 5.5,
  },
  en: {
    a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
    eleven: 11, twelve: 12, fifteen: 15, twenty: 20, thirty: 30, forty: 40, fifty: 50, hundred: 100, half: 0.5,
  },
};

/** Fractions that state a share ("zwei Drittel", "three quarters"): value in percent. */
export const FRACTIONS: Readonly<Record<string, number>> = {
  drittel: 100 / 3, viertel: 25, fünftel: 20, zehntel: 10,
  third: 100 / 3, thirds: 100 / 3, quarters: 25, fifth: 20, fifths: 20,
};

/** Multipliers written as one word: "verdoppelt", "tripled", "achtfach", "eightfold". */
export const FACTOR_WORDS: Readonly<Record<string, number>> = {
  verdoppelt: 2, verdoppelte: 2, verdoppelten: 2, verdoppeln: 2, verdoppelung: 2, verdopplung: 2,
  verdreifacht: 3, verdreifachte: 3, verdreifachen: 3, verdreifachung: 3,
  vervierfacht: 4, vervierfachte: 4, verfünffacht: 5, verzehnfacht: 10,
  doubled: 2, doubling: 2, double: 2, tripled: 3, tripling: 3, triple: 3, quadrupled: 4, quadrupling: 4,
  zweifach: 2, dreifach: 3, vierfach: 4, fünffach: 5, achtfach: 8, zehnfach: 10, hundertfach: 100,
  twofold: 2, threefold: 3, fourfold: 4, fivefold: 5, eightfold: 8, tenfold: 10, hundredfold: 100,
};

/** Qualifier phrases standing right before a figure. Longest phrases first. */
export const QUALIFIERS: Readonly<Record<RuleLanguage, readonly (readonly [string, Qualifier])[]>> = {
  de: [
    ['mehr als', 'more-than'], ['weniger als', 'less-than'], ['bis zu', 'up-to'], ['gut', 'more-than'],
    ['rund', 'about'], ['etwa', 'about'], ['ca.', 'about'], ['circa', 'about'], ['zirka', 'about'], ['knapp', 'about'],
    ['fast', 'about'], ['nahezu', 'about'], ['annähernd', 'about'], ['ungefähr', 'about'], ['schätzungsweise', 'about'],
    ['über', 'more-than'], ['unter', 'less-than'], ['mindestens', 'at-least'], ['wenigstens', 'at-least'],
    ['höchstens', 'up-to'], ['maximal', 'up-to'],
  ],
  en: [
    ['more than', 'more-than'], ['less than', 'less-than'], ['fewer than', 'less-than'], ['in excess of', 'more-than'],
    ['upwards of', 'more-than'], ['at least', 'at-least'], ['a minimum of', 'at-least'], ['up to', 'up-to'],
    ['as much as', 'up-to'], ['as many as', 'up-to'], ['a maximum of', 'up-to'], ['close to', 'about'],
    ['an estimated', 'about'], ['about', 'about'], ['around', 'about'], ['approximately', 'about'], ['approx.', 'about'],
    ['roughly', 'about'], ['nearly', 'about'], ['almost', 'about'], ['some', 'about'], ['circa', 'about'],
    ['over', 'more-than'], ['above', 'more-than'], ['under', 'less-than'], ['below', 'less-than'],
  ],
};
