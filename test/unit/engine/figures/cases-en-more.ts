/**
 * English figure cases for the failure classes of issue 12 (see
 * cases-de-more.ts), plus the wrong labels seen by readers: each sentence
 * holds exactly one figure, or two in the pair table.
 */
import type { FigureCase } from './figure-case.ts';

const NBSP = '\u00a0';

export const ENGLISH_MORE_CASES: readonly FigureCase[] = [
  // number words
  ['Revenue fell minus five percent.', 'percent', 5, null, null, { direction: 'down' }],
  ['The fee is twenty-five dollars.', 'money', 25, 'USD', null],
  ['The company will pay five hundred million euros.', 'money', 500e6, 'EUR', null],
  ['Sales grew by sixty percent.', 'percent', 60, null, null, { direction: 'up' }],
  ['The bank set aside one hundred and twenty million pounds.', 'money', 120e6, 'GBP', null],
  ['The tax rises to thirteen percent.', 'percent', 13, null, null, { direction: 'up' }],
  ['It paid seventy-five million dollars for the site.', 'money', 75e6, 'USD', null],
  // word ranges
  ['Growth will be between five and six percent.', 'percent', 5, null, null, { valueMax: 6 }],
  ['The deal is worth between two and three billion dollars.', 'money', 2e9, 'USD', null, { valueMax: 3e9 }],
  // signs
  ['The index closed at minus 2.3 percent.', 'percent', 2.3, null, null, { direction: 'down' }],
  ['Operating margin was -4.1%.', 'percent', 4.1, null, null, { direction: 'down' }],
  ['Returns were plus 7 percent.', 'percent', 7, null, null, { direction: 'up' }],
  // currencies by name and by symbol
  ['The firm paid 125 million australian dollars.', 'money', 125e6, 'AUD', null],
  ['The miner earned 2 billion Canadian dollars.', 'money', 2e9, 'CAD', null],
  ['The bank lost 300 million Swiss francs.', 'money', 300e6, 'CHF', null],
  ['Prices rose to 150 yen.', 'money', 150, 'JPY', null, { direction: 'up' }],
  ['The fine was 50 million roubles.', 'money', 50e6, 'RUB', null],
  ['The order is worth 400 million zlotys.', 'money', 400e6, 'PLN', null],
  ['The bond raised 3 billion Swedish kronor.', 'money', 3e9, 'SEK', null],
  ['The fund manages 900 billion Norwegian kroner.', 'money', 900e9, 'NOK', null],
  ['Inflation cost 40 billion Turkish lira.', 'money', 40e9, 'TRY', null],
  ['The unit raised C$40 million.', 'money', 40e6, 'CAD', null],
  ['The unit raised A$5m.', 'money', 5e6, 'AUD', null],
  ['The listing raised HK$3bn.', 'money', 3e9, 'HKD', null],
  ['The dairy earned NZ$2m.', 'money', 2e6, 'NZD', null],
  ['The stake sold for MXN$100 million.', 'money', 100e6, 'MXN', null],
  ['The stake sold for US$2.5 billion.', 'money', 2.5e9, 'USD', null],
  ['The bonds raised CAD 500 million.', 'money', 500e6, 'CAD', null],
  ['The loan is SEK 2bn.', 'money', 2e9, 'SEK', null],
  ['The grant was BGN 800 million.', 'money', 800e6, 'BGN', null],
  // thousands separated by spaces
  ['Sales: 300 000 GBP.', 'money', 300000, 'GBP', null],
  [`The car costs 45${NBSP}000 USD.`, 'money', 45000, 'USD', null],
  // sub-units and scale after the currency
  ['The shares cost 197 pence.', 'money', 1.97, 'GBP', null],
  ['A ticket costs 15 dollars and 15 cents.', 'money', 15.15, 'USD', null],
  ['The dividend is 45 cents per share.', 'money', 0.45, 'USD', null, { label: 'dividend per share' }],
  ['Revenue was 75 USD million.', 'money', 75e6, 'USD', null],
  ['EBITDA reached 30 MUSD.', 'money', 30e6, 'USD', null],
  ['Order intake was 2 MEUR.', 'money', 2e6, 'EUR', null],
  // labels with their basis
  ['Analysts polled by LSEG had expected revenue of $3.0 billion.', 'money', 3e9, 'USD', null, { label: 'revenue estimate' }],
  ['For fiscal 2021, the company expects adjusted EPS of $3.00 to $3.25.', 'money', 3, 'USD', null, { valueMax: 3.25, label: 'adjusted EPS guidance' }],
  ['Boeing cut its delivery guidance to 375 aircraft.', 'count', 375, null, null, { direction: 'down', label: 'guidance (cut)' }],
  ['The company lowered its outlook to $4.5 billion.', 'money', 4.5e9, 'USD', null, { direction: 'down', label: 'outlook (cut)' }],
  ['The company raised its revenue outlook to $6 billion.', 'money', 6e9, 'USD', null, { label: 'revenue outlook (raised)' }],
  ['The net loss in the first half was $304.7 million.', 'money', 304.7e6, 'USD', null, { direction: 'down', label: 'net loss', period: 'H1' }],
  ['The net loss widened to $12 million.', 'money', 12e6, 'USD', null, { direction: 'down', label: 'net loss' }],
  ['The bank raised its price target to $250.', 'money', 250, 'USD', null, { label: 'price target' }],
  ['Adjusted EPS was $2.79 per share.', 'money', 2.79, 'USD', null, { label: 'Adjusted EPS' }],
  ['The company earned $1.10 per diluted share.', 'money', 1.1, 'USD', null, { label: 'EPS' }],
  ['The buyer paid $48 a share in cash.', 'money', 48, 'USD', null, { label: 'price per share' }],
];

/** English sentences with two figures: both, in order, with value, currency (or kind) and basis. */
export const ENGLISH_PAIRS: readonly (readonly [string, readonly (readonly [number, string, string | null])[]])[] = [
  ['Adjusted EPS of $2.60 topped the $2.52 analysts had expected.', [[2.6, 'USD', null], [2.52, 'USD', 'estimate']]],
  ['The net loss was $304.7 million, compared with a loss of $120 million a year earlier.', [[304.7e6, 'USD', null], [120e6, 'USD', 'prior']]],
  ['Gross margin rose to 31% from 29% a year ago.', [[31, 'percent', null], [29, 'percent', 'prior']]],
  ['Revenue rose from $5 million to $7 million.', [[5e6, 'USD', 'prior'], [7e6, 'USD', null]]],
  ['The company lowered its revenue outlook to $4.5 billion from $5 billion.', [[4.5e9, 'USD', 'guidance'], [5e9, 'USD', 'prior']]],
  ['Margins were 4.5 and 3.5 percent.', [[4.5, 'percent', null], [3.5, 'percent', null]]],
  ['Revenue fell from 440.5 million to 175.3 million euros.', [[440.5e6, 'EUR', 'prior'], [175.3e6, 'EUR', null]]],
  ['Underwriting profit was $45 million compared to an underwriting profit of $21 million in the prior year.', [[45e6, 'USD', null], [21e6, 'USD', 'prior']]],
];

/** Numbers that name models or rank things, and currencies that name a noun's kind: no figures. */
export const MORE_NO_FIGURE_CASES: readonly (readonly [string, 'de' | 'en'])[] = [
  ['The 777x jets are delayed again.', 'en'],
  ['Boeing delayed the 777X by a year.', 'en'],
  ['A third undisclosed buyer joined the auction.', 'en'],
  ['A fifth bidder dropped out.', 'en'],
  ['The A350-1000 is late.', 'en'],
  ['Apple showed the iPhone 15 and the Watch 9.', 'en'],
  ['Die 18 Euro-Finanzminister trafen sich in Brüssel.', 'de'],
  ['Der Airbus A320neo ist gefragt.', 'de'],
  ['Der ID.3 und der Golf 8 laufen vom Band.', 'de'],
  ['Im Jahr 2023 und 2024 blieb alles gleich.', 'de'],
];
