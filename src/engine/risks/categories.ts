/**
 * Keyword tables that decide a risk's category, and the words that make a
 * sentence finance-relevant. German and English share one table: the words
 * rarely collide, and mixed-language articles ("Cloud", "Cashflow") are common.
 */
import type { RiskCategory } from '../schema.ts';
import { compound, LETTER, prefix, w, wordScanner, type CategoryKeyword } from './patterns.ts';

export const CATEGORY_KEYWORDS: readonly CategoryKeyword[] = [
  // geopolitical-regulatory
  { pattern: compound('(?:sanktion|verteidigungsliste|regulier|regulator|zöll|zoll|exportkontroll|handelskrieg|handelsstreit|geopolit)'), category: 'geopolitical-regulatory', weight: 2 },
  { pattern: w(`(?:pentagon|peking|beijing|washington|weißes haus|white house|regierung|government|ministry|ministerium|behörde|behörden|aufsicht|politik|politische?n?|tech-krieg|kalten? krieg${LETTER}*)`), category: 'geopolitical-regulatory', weight: 1 },
  { pattern: w(`(?:sanctions?|tariffs?|duties|regulators?|regulation|regulatory|export controls?|entity list|geopolitic${LETTER}*|trade war|trade tensions?|blacklist${LETTER}*|ban(?:s|ned)?|political|politics)`), category: 'geopolitical-regulatory', weight: 2 },
  { pattern: compound('china-risiko'), category: 'geopolitical-regulatory', weight: 2 },
  { pattern: w(`(?:wars|(?<=(?:the|a|of|civil|trade|price|tech|cold|nuclear)\\s)war|conflicts?|terror${LETTER}*|attacks?|security|krieg|kriege|konflikt${LETTER}*|anschl(?:ag|äge)|terror${LETTER}*)`), category: 'geopolitical-regulatory', weight: 1 },
  // competition
  { pattern: compound('(?:konkurrenz|konkurrent|wettbewerb|preiskampf|marktanteil)'), category: 'competition', weight: 2 },
  { pattern: w('(?:competition|competitors?|competitive|rivals?|rivalry|market share|price war|low-cost)'), category: 'competition', weight: 2 },
  // legal
  { pattern: compound('(?:(?<!rüc)klage|kartell|gericht|bußgeld|bussgeld|staatsanwalt|ermittlung|rechtsstreit)'), category: 'legal', weight: 2 },
  { pattern: w('(?:lawsuits?|sued|court|litigation|antitrust|probe|investigation|fined?|penalt(?:y|ies)|settlement|sec|prosecutors?)'), category: 'legal', weight: 2 },
  // execution-adoption
  { pattern: compound('(?:akzeptanz|adoption|verzöger|skalierung|umsetzung|einführung|markteinführung|nachfrage)'), category: 'execution-adoption', weight: 2 },
  { pattern: w('(?:adoption|delays?|delayed|rollout|roll-out|launch|execution|integration|demand|uptake|scaling)'), category: 'execution-adoption', weight: 2 },
  { pattern: w('(?:vertrauen|trust|confidence)'), category: 'execution-adoption', weight: 1 },
  { pattern: compound('(?:ausbau|stromtrasse|schleppend|bauarbeiten|genehmigung)'), category: 'execution-adoption', weight: 1 },
  { pattern: w('(?:bau|projekt|projekte|construction|build-out|project|projects|permits?|approval)'), category: 'execution-adoption', weight: 1 },
  // market-volatility
  { pattern: compound('(?:volatil|abschlag|kursrutsch|kurssturz|panikverk|achterbahn|schwankung)'), category: 'market-volatility', weight: 2 },
  { pattern: w('(?:kurs|kurse|kursziel|aktienkurs|aktie|aktien|börse|handel|trader|keller)'), category: 'market-volatility', weight: 1 },
  { pattern: w(`(?:volatil${LETTER}*|share price|shares|stock(?! (?:exchange|market index))|sell-?off|swings?|valuation)`), category: 'market-volatility', weight: 1 },
  // financial
  { pattern: compound('(?:kosten|gewinn|cashflow|verlust|marge|rentabilität|ergebnis|ausgaben|schulden|verschuldung|abschreibung|investitionsfalle|umsatz|absatz|auftragslage|auftragseingang|bilanz|prognose|ausblick|jahresziel|quartal|bonität|rating)'), category: 'financial', weight: 1 },
  { pattern: w('(?:costs?|profits?|earnings|cash ?flow|loss(?:es)?|margins?|profitability|spending|debt|revenues?|sales|turnover|income|orders|impairments?|write-?downs?|dividends?|forecast|guidance|outlook|capital|funding|liquidity|refinancing|credit rating|rating)'), category: 'financial', weight: 1 },
  { pattern: w('(?:ins negative|free cash flow|freien cashflow|roten zahlen|verlustzone)'), category: 'financial', weight: 2 },
  // operational
  { pattern: compound('(?:lieferkette|lieferengp|produktion|ausfall|störung|streik|cyber|hacker|rückruf)'), category: 'operational', weight: 2 },
  { pattern: w(`(?:supply chain|production|outages?|strikes?|cyber${LETTER}*|recalls?|shortages?|disruptions?|layoffs|job cuts)`), category: 'operational', weight: 2 },
  { pattern: w('(?:jobs|staff|workers|plants?|factory|factories|stellen|arbeitsplätze|werk|werke|mitarbeiter)'), category: 'operational', weight: 1 },
  // macro
  { pattern: compound('(?:weltwirtschaft|konjunktur|rezession|inflation|zinsen|zinserhöhung|arbeitslosigkeit)'), category: 'macro', weight: 2 },
  { pattern: w('(?:economy|economic|macroeconomic|recession|inflation|interest rates?|slowdown|gdp|unemployment|oil prices?|(?:fuel|energy|gas) (?:costs?|prices?))'), category: 'macro', weight: 2 },
  { pattern: w('(?:exports|domestic (?:growth|demand)|mortgages?|lending|consumer (?:spending|confidence)|retail spending|budget|deficits?|fiscal|ppi|cpi|the fed|central bank|house prices|housing market)'), category: 'macro', weight: 1.5 },
  { pattern: compound('(?:energiepreis|energiekosten|strompreis|gaspreis|rohstoffpreis|wirtschaftliche lage|staatshaushalt|haushaltsdefizit|kaufkraft|lebenshaltungskosten|notenbank|zentralbank|leitzins|immobilienmarkt|exporte)'), category: 'macro', weight: 1.5 },
];

/** Tie-break order when two categories score the same (more specific first). */
export const CATEGORY_PRIORITY: readonly RiskCategory[] = [
  'legal', 'geopolitical-regulatory', 'competition', 'execution-adoption', 'operational', 'market-volatility', 'macro', 'financial', 'other',
];

/** Words that make a risk matter to an investor. */
export const FINANCE_TERMS = wordScanner(
  [
    compound('(?:aktie|anleger|investor|investition|gewinn|umsatz|absatz|auftr[aä]g|bestellung|nachfrage|marge|cashflow|bilanz|dividende|bewertung|quartal|prognose|ergebnis|kurs|rendite|rentabilität|kosten|ausgaben)'),
    w('(?:shares?|stocks?|investors?|profits?|revenues?|sales|turnover|margins?|earnings|cash ?flow|guidance|forecast|valuation|dividends?|quarter(?:ly)?|outlook|costs?)'),
    prefix('analyst'),
  ].join('|'),
);
