/**
 * Word tables for a figure's context: direction words, period phrases,
 * metric nouns that make good labels, and units of counts and quantities.
 * Direction and period tables are regular-expression sources (lower-case,
 * matched case-insensitively on word boundaries).
 */
import type { Direction } from '../schema.ts';
import type { RuleLanguage } from '../types.ts';

export const DIRECTION_WORDS: Readonly<Record<RuleLanguage, Readonly<Record<Direction, string>>>> = {
  de: {
    up: 'stieg|steigt|steigen|stiegen|gestiegen|steigerte|steigerten|gesteigert|wuchs|wächst|wuchsen|gewachsen|legte|legten|'
      + 'zugelegt|kletterte|kletterten|geklettert|klettert|schoss|schossen|in die höhe|erhöhte|erhöhten|erhöht|erhöhung|plus|'
      + 'zuwachs|anstieg|wachstum|verbesserte|verbessert|sprang|springt|zulegen|höher|aufwärts|hob|angehoben|anheben|erholte|'
      + 'übertraf|mehr als verdoppelt',
    down: 'sank|sinkt|sanken|gesunken|fiel|fielen|gefallen|fällt|stürzte|stürzten|gestürzt|brach|brachen|eingebrochen|einbruch|'
      + 'verlor|verloren|verliert|rückgang|minus|zurückgegangen|schrumpfte|schrumpften|geschrumpft|schrumpft|'
      + 'niedriger|verringerte|verringert|senkte|senkten|gesenkt|senkt|kürzte|gekürzt|abbau|abbauen|absturz|einbußen|'
      + 'rutschte|rutschten|gerutscht|nachgab|nachgegeben|geringer|schwächer|sackte|büßte|eingebüßt|kappt|gekappt',
  },
  en: {
    up: 'rose|rise|rises|rising|risen|up|increased|increase|increases|increasing|grew|grow|grows|growing|grown|growth|'
      + 'jumped|jump|jumps|surged|surge|surges|soared|soar|climbed|climb|climbs|gained|gain|gains|higher|improved|improvement|'
      + 'expanded|expansion|boosted|raised|raise|raising|advanced|rebounded|beat|exceeded|added|topped',
    down: 'fell|fall|falls|falling|fallen|dropped|drop|drops|declined|decline|declines|declining|decrease|decreased|decreases|'
      + 'plunged|plunge|slumped|slump|down|lower|lowered|lost|loss|shrank|shrink|shrinking|tumbled|tumble|slid|slide|cut|cuts|'
      + 'contracted|contraction|reduced|reduction|slashed|sank|sink|dipped|dip|eroded|weaker|worse|missed|decreasing',
  },
};

/** Period phrases → the period label they stand for; `$1` is the captured year or quarter number. */
export const PERIOD_PATTERNS: Readonly<Record<RuleLanguage, readonly (readonly [string, string])[]>> = {
  de: [
    ['q([1-4])(?:\\s*(?:20\\d\\d|\\d\\d))?', 'Q$1'],
    ['([1-4])\\.\\s*quartal', 'Q$1'],
    ['ersten quartal|erste quartal|auftaktquartal', 'Q1'], ['zweiten quartal', 'Q2'], ['dritten quartal', 'Q3'],
    ['vierten quartal|schlussquartal', 'Q4'],
    ['ersten halbjahr|erste halbjahr|h1', 'H1'], ['zweiten halbjahr|h2', 'H2'],
    ['ersten neun monaten|neunmonatszeitraum', '9M'],
    ['geschäftsjahr\\s+(20\\d\\d(?:/\\d{2,4})?)', 'GJ $1'],
    ['vorjahr\\w*|jahresvergleich|vergleich zum vorjahr|gegenüber dem vorjahr', 'y/y'],
    ['(?:im|für das|für|bis|seit|in)\\s+(?:jahr\\s+)?((?:19|20)\\d\\d)', '$1'],
  ],
  en: [
    ['q([1-4])(?:\\s*(?:20\\d\\d|\\d\\d|fy\\d\\d))?', 'Q$1'],
    ['first quarter|first-quarter', 'Q1'], ['second quarter|second-quarter', 'Q2'], ['third quarter|third-quarter', 'Q3'],
    ['fourth quarter|fourth-quarter', 'Q4'],
    ['first half|first-half|h1', 'H1'], ['second half|second-half|h2', 'H2'],
    ['first nine months|nine months', '9M'],
    ['fiscal\\s+(?:year\\s+)?((?:20)?\\d\\d)|fy\\s?((?:20)?\\d\\d)', 'FY$1'],
    ['full[- ]year|for the year|annual', 'FY'],
    ['year[- ]over[- ]year|year[- ]on[- ]year|y/y|yoy|a year (?:ago|earlier)|year-earlier|from last year|versus last year|'
      + 'compared (?:to|with) last year|prior year|prior-year', 'y/y'],
    ['(?:in|for|by|since|through)\\s+((?:19|20)\\d\\d)', '$1'],
  ],
};

/** Metric nouns that make a figure's label (German compounds end in them: "Cloud-Umsatz", "Nettogewinn"). */
export const METRICS: Readonly<Record<RuleLanguage, readonly string[]>> = {
  de: [
    'umsatz', 'umsätze', 'erlös', 'erlöse', 'gewinn', 'ergebnis', 'überschuss', 'verlust', 'ebit', 'ebitda', 'eps', 'marge',
    'rendite', 'cashflow', 'dividende', 'prognose', 'ausblick', 'auftragseingang', 'auftragsbestand', 'absatz', 'kosten',
    'investitionen', 'investition', 'schulden', 'verschuldung', 'kurs', 'aktie', 'kursziel', 'bewertung', 'börsenwert',
    'marktkapitalisierung', 'programm', 'plan', 'budget', 'wachstum', 'steigerung', 'leistung', 'preis', 'preise', 'inflation',
    'zinsen', 'zins', 'leitzins', 'quote', 'stellen', 'mitarbeiter', 'beschäftigte', 'kaufpreis', 'übernahme', 'volumen',
    'nachfrage', 'produktion', 'exporte', 'importe', 'defizit', 'einnahmen', 'ausgaben', 'vermögen', 'kapital', 'anteil',
    'wert', 'rabatt', 'strafe', 'buße', 'zölle', 'zoll', 'fonds', 'kredit', 'kredite', 'anleihe', 'rückkauf', 'paket', 'hilfen',
    'steuer', 'steuersatz', 'förderung', 'zuschuss', 'bußgeld', 'busse', 'geldbuße', 'arbeitslosigkeit', 'arbeitslosenquote',
    'nutzer', 'kunden', 'einkommen', 'lohn', 'löhne', 'gehalt', 'miete', 'mieten', 'beitrag', 'beiträge', 'gebühr', 'gebühren',
    'subvention', 'subventionen', 'entlastung', 'freibetrag', 'mittel', 'liquidität', 'aufträge', 'auftrag', 'rate',
  ],
  en: [
    'revenue', 'revenues', 'sales', 'profit', 'profits', 'income', 'earnings', 'eps', 'ebit', 'ebitda', 'margin', 'margins',
    'cash flow', 'dividend', 'guidance', 'outlook', 'forecast', 'orders', 'backlog', 'bookings', 'costs', 'cost', 'expenses',
    'capex', 'spending', 'investment', 'debt', 'share price', 'shares', 'stock', 'price target', 'valuation', 'market value',
    'deal', 'acquisition', 'buyback', 'repurchase', 'growth', 'volume', 'volumes', 'arr', 'loss', 'losses', 'price', 'prices',
    'inflation', 'rate', 'rates', 'jobs', 'payroll', 'stake', 'fine', 'tariffs', 'tariff', 'subscribers', 'customers',
    'users', 'production', 'output', 'exports', 'imports', 'deficit', 'demand', 'liquidity', 'cash', 'assets', 'capital',
    'program', 'programme', 'plan', 'fund', 'loan', 'bond', 'budget', 'return', 'yield', 'traffic', 'transactions',
    'occupancy', 'inflows', 'outflows', 'flows', 'deposits', 'loans', 'unemployment', 'employment', 'visits', 'visitation',
    'headcount', 'overhead', 'ebitdax', 'ebitdar', 'spreads', 'collections', 'aum', 'assets under management', 'premiums',
    'shipments', 'units', 'roe', 'roa', 'roic', 'ffo', 'noi', 'arpu', 'churn', 'incentive', 'bonus', 'grant', 'payment',
    'return on (?:average )?(?:assets|equity|common equity|tangible common equity|invested capital)', 'net interest margin',
    'book value', 'tax rate', 'interest expense', 'investments', 'gain', 'gains', 'charge', 'charges', 'impairment',
  ],
};

/**
 * How much a metric in the label lifts a figure's rank: the headline metrics
 * of results news and earnings calls (per-share earnings, revenue, profit,
 * guidance) first, then secondary ones (margins, EBITDA, cash flow, dividend).
 */
export const METRIC_TIERS: readonly (readonly [number, string])[] = [
  [4, 'per share|je aktie|pro aktie|eps'],
  [2.5, 'umsatz|umsätze|erlös|erlöse|revenue|revenues|sales|gewinn|nettogewinn|ergebnis|überschuss|earnings|net income|'
    + 'profit|guidance|prognose|ausblick|outlook|forecast'],
  [1, 'marge|margin|margins|ebitda|ebit|cashflow|cash flow|dividende|dividend|auftragseingang|orders|bookings|backlog|'
    + 'verlust|loss|anreizprogramm|programm|plan|kursziel|price target|wachstum|growth'],
];

/** Modifiers kept in front of a metric noun ("bereinigte Ergebnis", "adjusted EBITDA"). */
export const METRIC_MODIFIERS: ReadonlySet<string> = new Set([
  'bereinigte', 'bereinigtes', 'bereinigten', 'operative', 'operatives', 'operativen', 'freie', 'freien', 'freier',
  'gesamte', 'gesamten', 'organische', 'organischen', 'vergleichbare', 'vergleichbaren', 'adjusted', 'net', 'gross',
  'operating', 'quarterly', 'annual', 'total', 'organic', 'comparable', 'core', 'underlying', 'diluted', 'free',
  'same-store', 'full-year', 'recurring', 'consolidated', 'reported', 'non-gaap', 'gaap', 'pre-tax', 'pretax',
]);

/** Units of physical quantities written after a number. */
export const QUANTITY_UNITS: ReadonlySet<string> = new Set([
  'mw', 'gw', 'kw', 'gwh', 'mwh', 'twh', 'kwh', 'tonnen', 'tonnes', 'tons', 't', 'km', 'kilometer', 'kilometres', 'kilometers',
  'meter', 'metres', 'meters', 'barrel', 'barrels', 'bpd', 'liter', 'litres', 'liters', 'm²', 'm2', 'quadratmeter',
  'square feet', 'sq ft', 'hektar', 'hectares', 'acres', 'teu', 'km/h', 'mph', 'gigawatt', 'megawatt', 'terawattstunden',
  'gigawattstunden', 'megawattstunden', 'kilowattstunden', 'qubits', 'nanometer', 'nm', 'gb', 'tb', 'kg', 'kilogramm',
]);

/** Countable things a number often counts (German nouns are capitalized in text; matching is lower-case). */
export const COUNT_UNITS: ReadonlySet<string> = new Set([
  'mitarbeiter', 'mitarbeitende', 'beschäftigte', 'stellen', 'arbeitsplätze', 'jobs', 'kunden', 'nutzer', 'filialen',
  'geschäfte', 'standorte', 'werke', 'fahrzeuge', 'autos', 'einheiten', 'aktien', 'abonnenten', 'tage', 'tagen', 'wochen',
  'monate', 'monaten', 'jahre', 'jahren', 'länder', 'ländern', 'projekte', 'anlagen', 'flugzeuge', 'patienten', 'menschen',
  'haushalte', 'wohnungen', 'employees', 'staff', 'workers', 'customers', 'users', 'stores', 'branches', 'sites', 'plants',
  'vehicles', 'cars', 'units', 'shares', 'subscribers', 'members', 'accounts', 'days', 'weeks', 'months', 'years',
  'countries', 'projects', 'aircraft', 'patients', 'people', 'households', 'homes', 'locations', 'restaurants', 'clients',
  'orders', 'deliveries', 'auslieferungen', 'bestellungen', 'downloads', 'transactions', 'contracts', 'verträge', 'hotels',
  'visits', 'visitors', 'passengers', 'besucher', 'passagiere', 'nutzern', 'mitgliedern', 'personen',
]);
