/**
 * Context rules that decide whether a cue states a risk, written per language
 * the way a reader parses the clause: what falls (a fall of sales is bad, a fall
 * of costs good, a fall of a share price plain market news), who a legal step
 * concerns, whether a verb mitigates the risk ("reduce the risk", "das Risiko
 * senken"), whether the cue only concedes ("despite headwinds") or only dates
 * the sentence ("after the crisis").
 */
import type { RuleLanguage } from '../types.ts';
import { LETTER, w, type RiskCue } from './patterns.ts';

interface ContextTable {
  /** Things whose fall is bad news: results, demand, the economy. */
  goodMetric: RegExp;
  /** Things whose fall is good news: costs, debt, losses. */
  badMetric: RegExp;
  /** Burdens whose rise is bad news: costs, debt, unemployment, interest rates, energy prices. */
  burden: RegExp;
  /** Words that speak well of the change in the same clause ("help", "boost"). */
  benefit: RegExp;
  /** Who a legal step can concern: companies, markets, authorities. */
  actor: RegExp;
  /** Economic offences: a legal step about them concerns markets whoever the actor. */
  economicOffence: RegExp;
  /** Verbs that reduce, avoid or merely handle a risk, placed before its noun. */
  mitigationBefore: RegExp;
  /** The same as the clause-final verb of a German clause ("das Risiko zu senken"). */
  mitigationFinal: RegExp;
  /**
   * Words in front of a loss that make it a routine entry ("provision for loan losses") or the baseline of a
   * comparison ("a profit of 400m, compared with a loss of 984m"; "nach einem Verlust im Vorjahr").
   */
  lineItemBefore: RegExp;
  /** Comparatives just before a risk noun that make it smaller ("less risk", "weniger Risiken"). */
  lessBefore: RegExp;
  /**
   * Concessive and crediting prepositions: the cue is conceded or named as the cause of good news, the clause
   * says something else ("despite headwinds", "dank höherer Strompreise kletterte das Ergebnis").
   */
  concessive: RegExp;
  /** Temporal prepositions that make a crisis word a time reference ("after the crisis"). */
  backdrop: RegExp;
  /** Words saying the competitors were beaten: a boast, not a competitive threat. */
  outdone: RegExp;
  /** Who in a market can fear: investors, customers, companies, economists, the economy itself. */
  market: RegExp;
}

const TABLES: Readonly<Record<RuleLanguage, ContextTable>> = {
  en: {
    goodMetric: new RegExp(w(`(?:business(?:es)?|revenues?|sales|turnover|profits?|earnings|income|eps|orders?|bookings|backlog|demand|growth|margins?|lending|loans|approvals|volumes?|output|production|exports|economy|economic|gdp|spending|occupancy|renewal rate|deliveries|shipments|traffic|quarter|number|results|forecast|outlook|guidance|expectations|hoped|confidence|dividends?|cash ?flow|market share|jobs|employment|prices? paid to|subscribers|users|customers|bookings)`), 'iu'),
    badMetric: new RegExp(w(`(?:costs?|expenses?|expenditures?|capex|spending on interest|debt|debts|borrowings|leverage|loss(?:es)?|deficit|unemployment|inflation|risks?|charges|provisions?|tax|taxes|write-?downs?|impairments?|churn|defaults?|delinquenc${LETTER}*)`), 'iu'),
    burden: new RegExp(w(`(?:costs?|expenses|debt|debts|borrowing costs|unemployment|jobless${LETTER}*|inflation|interest rates|rates|(?:energy|fuel|oil|gas|electricity) prices|loss(?:es)?|deficits?|defaults?|insolvencies|bankruptcies|layoffs|churn|arrears|delinquenc${LETTER}*)`), 'iu'),
    benefit: new RegExp(w('(?:help(?:s|ed)?|boost(?:s|ed)?|benefit(?:s|ed)?|improv(?:e|es|ed|ing|ement)|better|good news)'), 'iu'),
    actor: new RegExp(w(`(?:compan(?:y|ies)|firms?|groups?|banks?|insurers?|reinsurers?|airlines?|carriers?|retailers?|makers?|manufacturers?|giant|executives?|directors?|board|bosses|shareholders?|investors?|regulators?|watchdog|sec|ftc|fca|doj|attorneys? general|prosecutors?|commission|panel|inquiry|universit(?:y|ies)|club|league|merger|deal|industry|lenders?|brokers?|funds?|Inc|Corp|plc|Ltd|LLC|AG|GmbH|SE|ASA)`), 'u'),
    economicOffence: new RegExp(w(`(?:fraud${LETTER}*|antitrust|price-?rigging|price-?fixing|insider trading|accounting|bribery|corruption|embezzlement|money laundering|tax evasion|securities|cartels?|racketeering|market abuse|mis-?selling)`), 'iu'),
    mitigationBefore: new RegExp(`${w('(?:eas(?:e|es|ed|ing)|allay(?:s|ed)?|reduc(?:e|es|ed|ing)|lower(?:s|ed|ing)?|cut(?:s|ting)?|minimi[sz](?:e|es|ed|ing)|mitigat(?:e|es|ed|ing)|limit(?:s|ed|ing)?|avoid(?:s|ed|ing)?|prevent(?:s|ed|ing)?|protect(?:s|ed|ing)?|hedg(?:e|es|ed|ing)|spread(?:s|ing)?|assess(?:es|ed|ing)?|manag(?:e|es|ed|ing)|offset(?:s|ting)?|insure[sd]?|cover(?:s|ed)?)')}(?:\\s+${LETTER}+){0,3}\\s*$`, 'iu'),
    mitigationFinal: new RegExp(`${w('(?:on hold|at bay|in check|off the table)')}\\s*[.!?"'“”]*\\s*$`, 'iu'),
    lineItemBefore: new RegExp(`${w('(?:loan|credit|loan-loss|provisions? for(?:\\s+(?:loan|credit|expected))?|(?:compared|against) (?:with|to)(?: an?| the)?|swung from(?: an?)?|recovered from(?: an?)?)')}\\s*$`, 'iu'),
    lessBefore: new RegExp(`${w('(?:less|lower|smaller|fewer|reduced|minimal)')}\\s*$`, 'iu'),
    concessive: new RegExp(w('(?:despite|in spite of|notwithstanding|thanks to)'), 'iu'),
    backdrop: new RegExp(`${w('(?:during|through|throughout|after|since|before|post|from|out of|in times of)')}(?:\\s+${LETTER}+){0,2}\\s*$`, 'iu'),
    market: new RegExp(w(`(?:investors?|shareholders?|markets?|traders?|analysts?|economists?|customers?|consumers?|buyers?|clients?|lenders?|creditors?|banks?|compan(?:y|ies)|firms?|businesses|industry|sector|economy|economic|employees|workers|staff|unions?|exporters?|importers?|suppliers?|retailers?|manufacturers?|the fed|central bank|government|officials|regulators?|prices?|rates?|inflation|demand|sales|profits?|earnings|shares|stocks?|bonds?)`), 'iu'),
    outdone: new RegExp(w(`(?:beat(?:s|ing)?|outpac${LETTER}*|outperform${LETTER}*|outgrow${LETTER}*|outsell${LETTER}*|ahead of|far behind|left (?:\\S+ )?behind|(?:win|won|gain(?:ed)?|take|took|taking) (?:market )?share from)`), 'iu'),
  },
  de: {
    goodMetric: new RegExp(`(?:betriebszeit|fördermittel|fördergeld|budget|etat|zuschüss|verkauf|vertrieb|lieferung|auslieferung|bilanz|umsatz|umsätze|erlös|gewinn|ergebnis|absatz|auftr[aä]g|bestellung|nachfrage|wachstum|marge|kredit|produktion|export|ausfuhr|wirtschaft|konjunktur|bruttoinlandsprodukt|bip|quartal|zahlen|prognose|ausblick|erwartung|dividende|cashflow|marktanteil|beschäftigung|arbeitsplätze|kunden|nutzer|rendite|einnahmen|ertrag|erträge)`, 'iu'),
    badMetric: new RegExp(`(?:kosten|ausgaben|schulden|verschuldung|verlust|defizit|arbeitslos|inflation|risik|abschreibung|steuer|fälle|unfälle|straftaten|einbrüche|emission|verbrauch)`, 'iu'),
    burden: /(?:kosten|ausgaben|schulden|verschuldung|arbeitslos|inflation|zinsen|zins\b|leitzins|energiepreis|strompreis|gaspreis|ölpreis|spritpreis|mieten|verlust|defizit|insolvenz|pleiten|kurzarbeit|ausfälle)/iu,
    benefit: new RegExp(w('(?:hilft|helfen|half|stützt|stützen|beflügelt|beflügeln|verbessert|verbessern|besser|profitiert|profitieren)'), 'iu'),
    actor: new RegExp(w(`(?:Konzern${LETTER}*|Unternehmen${LETTER}*|Firm(?:a|en)|Bank(?:en)?|Versicher${LETTER}*|Hersteller${LETTER}*|Vorst(?:and|ände|ands)${LETTER}*|Manager${LETTER}*|Aktionär${LETTER}*|Anleger${LETTER}*|Investor${LETTER}*|Behörde${LETTER}*|(?:Bundes)?[Aa]mt|Bundesamt${LETTER}*|Kartellamt${LETTER}*|BaFin|Kommission|Staatsanwaltschaft|Branche|Industrie|AG|GmbH|SE|Chef${LETTER}*|Gesellschaft)`), 'u'),
    economicOffence: /(?:betrug|kartell|bilanzfälsch|untreue|bestechung|korruption|geldwäsche|steuerhinterzieh|insider|marktmanipulation|abgas|preisabsprach)/iu,
    mitigationBefore: new RegExp(`${w('(?:(?:zur |die )?(?:abfederung|eindämmung|bekämpfung|begrenzung|vermeidung|verringerung|absicherung) (?:der|des|von|gegen)|senk(?:t|en|te|ten)|verringer(?:t|n|te|ten)|reduzier(?:t|en|te|ten)|minimier(?:t|en|te|ten)|begrenz(?:t|en|te|ten)|vermeid(?:et|en)|verhinder(?:t|n|te|ten)|schütz(?:t|en|te|ten)|streu(?:t|en)|mindern?|mindert)')}(?:\\s+${LETTER}+){0,3}\\s*$`, 'iu'),
    mitigationFinal: new RegExp(`${w('(?:zu\\s+)?(?:senken|verringern|reduzieren|minimieren|begrenzen|vermeiden|verhindern|gesenkt|verringert|reduziert|minimiert|begrenzt|vermieden|verhindert|abgesichert|entgehen|entkommen|entkommt|entging|schützen|einschätzen|einzuschätzen|abwägen|abzuwägen|bewerten|streuen|absichern|abzusichern|in kauf nehmen|in kauf|mindern|trägt|tragen)')}\\s*[.!?"'“”»«]*\\s*$`, 'iu'),
    lineItemBefore: new RegExp(`${w(`(?:gegenüber|im vergleich zu|nach)(?: einem| dem)?(?: vorjahres${LETTER}*)?`)}\\s*$`, 'iu'),
    lessBefore: new RegExp(`${w('(?:weniger|geringere[snm]?|kleinere[snm]?|niedrigere[snm]?|minimale[snm]?)')}\\s*$`, 'iu'),
    concessive: new RegExp(w('(?:trotz|ungeachtet|dank)'), 'iu'),
    backdrop: new RegExp(`${w('(?:nach|seit|vor|während|aus|in zeiten (?:von|der|des)|im zuge|angesichts)')}(?:\\s+${LETTER}+){0,2}\\s*$`, 'iu'),
    market: /(?:anleger|investor|aktionär|märkte|markt|händler|analyst|ökonom|volkswirt|kunde|verbraucher|käufer|gläubiger|bank|konzern|unternehm|firma|firmen|branche|industrie|wirtschaft|konjunktur|beschäftigt|mitarbeit|belegschaft|arbeitnehmer|arbeitsplätz|gewerkschaft|export|zuliefer|händler|hersteller|notenbank|regierung|preis|zins|inflation|nachfrage|umsatz|gewinn|aktie|anleihe|börse|vermieter|mieter|sparer)/iu,
    outdone: new RegExp(w('(?:abgehängt|abhängen|hinter sich gelassen|lässt|ließ|überholt|überholen|davongezogen|ausgestochen|voraus|geschlagen|schlägt|Marktanteile? (?:abgenommen|gewonnen))'), 'iu'),
  },
};

/** The text of a cue's clause, split at the cue. */
export interface ClauseParts {
  before: string;
  after: string;
  /** The clause before this one (appositions: "turnover of £8.9bn, down from £9.3bn"). */
  previous: string;
  sentence: string;
  /** The sentence up to the cue, across clause breaks (lists: "in Zeiten von Pandemie, Krise und Krieg"). */
  lead?: string;
}

/** A list connector: a comma or a coordinating conjunction. */
const CONNECTOR_RE = /,|(?<![\p{L}])(?:und|oder|sowie|and|or)(?![\p{L}])/giu;
/** A short list member: at most three words. */
const MEMBER_RE = /^\s*(?:[\p{L}\p{M}-]+\s*){1,3}$/u;
const MAX_MEMBERS = 5;

/**
 * The texts in front of a trailing list of short coordinated members, nearest first ("in Zeiten von
 * Pandemie, Krise und " → "in Zeiten von Pandemie, Krise", "in Zeiten von Pandemie"), so a preposition
 * in front of the list reaches every member.
 */
function beforeList(lead: string): string[] {
  const cuts = [...lead.matchAll(CONNECTOR_RE)].map((m) => [m.index, m.index + m[0].length] as const).reverse();
  const out: string[] = [];
  let end = lead.length;
  for (const [from, to] of cuts.slice(0, MAX_MEMBERS)) {
    const member = lead.slice(to, end);
    if (end !== lead.length || member.trim().length > 0) {
      if (!MEMBER_RE.test(member)) break;
    }
    out.push(lead.slice(0, from));
    end = from;
  }
  return out;
}

/** Whether the cue is dated by a temporal preposition, also across a list of nouns. */
function isBackdrop(parts: ClauseParts, t: ContextTable): boolean {
  if (WARN_RE.test(parts.before)) return false;
  if (t.backdrop.test(parts.before) || DATED_RE.test(parts.after)) return true;
  return parts.lead !== undefined && beforeList(parts.lead).some((head) => t.backdrop.test(head));
}

const WARN_RE = /warn/iu;
/** A crisis named by its year ("die Finanzkrise 2008", "the crisis of 2008"): a past event, not a risk ahead. */
const DATED_RE = /^\s+(?:(?:von|aus|of|in)\s+)?(?:19|20)\d\d(?!\d)/u;
/**
 * A mitigation inside a necessary condition ("Nur wenn …, können wir eine Überlastung verhindern", "only if …
 * can we avoid"): the harm is what follows when the condition fails, so the risk stands.
 */
const ONLY_IF_RE = /(?<![\p{L}])(?:nur\s+(?:wenn|falls)|only\s+if|unless)(?![\p{L}])/iu;

/** Global copies of the tables' expressions, compiled once. */
const GLOBAL = new Map<RegExp, RegExp>();

/** The last match of `re` in `text` (its index), or -1. */
function lastIndexOf(re: RegExp, text: string): number {
  let g = GLOBAL.get(re);
  if (g === undefined) {
    g = new RegExp(re.source, `${re.flags}g`);
    GLOBAL.set(re, g);
  }
  g.lastIndex = 0;
  let at = -1;
  for (let m = g.exec(text); m !== null; m = g.exec(text)) {
    at = m.index;
    if (m[0].length === 0) g.lastIndex++;
  }
  return at;
}

/** The two words after a cue: the noun an attributive cue qualifies ("rising energy prices"). */
const HEAD_AFTER_RE = /^\s+\S+(?:\s+\S+)?/u;
/** English cue forms that qualify the noun after them ("rising costs", "higher rates", "falling sales"). */
const ATTRIBUTIVE_EN_RE = /(?:ing|^higher|^lower|^weaker)$/iu;

/**
 * What falls: the metric nearest to the decline cue. In English the subject comes first, so the nearest
 * metric before the cue decides and one after it only when none precedes ("down from"); German word order
 * is freer ("stürzte das Ergebnis ab"), so the nearest metric on either side decides.
 */
function nearestMetric(parts: ClauseParts, t: ContextTable, language: RuleLanguage, word = ''): 'good' | 'bad' | null {
  const head = HEAD_AFTER_RE.exec(parts.after)?.[0] ?? '';
  if (language === 'en' && (ATTRIBUTIVE_EN_RE.test(word) || /^\s+(?:in|of)\s/iu.test(parts.after))) {
    const ahead = /^\s+(?:in|of)\s/iu.test(parts.after) ? parts.after.slice(0, 40) : head;
    if (t.badMetric.test(ahead) && !t.goodMetric.test(ahead)) return 'bad';
    if (t.goodMetric.test(ahead)) return 'good';
  }
  const goodBefore = lastIndexOf(t.goodMetric, parts.before);
  const badBefore = lastIndexOf(t.badMetric, parts.before);
  const goodAfter = parts.after.search(t.goodMetric);
  const badAfter = parts.after.search(t.badMetric);
  const distBefore = (i: number): number => (i === -1 ? Infinity : parts.before.length - i);
  const distAfter = (i: number): number => (i === -1 ? Infinity : i);
  const before = Math.min(distBefore(goodBefore), distBefore(badBefore));
  const after = Math.min(distAfter(goodAfter), distAfter(badAfter));
  if (before === Infinity && after === Infinity) return null;
  if (language === 'en' ? before !== Infinity : before <= after) return distBefore(goodBefore) <= distBefore(badBefore) ? 'good' : 'bad';
  return distAfter(goodAfter) <= distAfter(badAfter) ? 'good' : 'bad';
}

/**
 * German cues that name a danger, war or loss in any domain: only with a company, market or the economy in
 * the sentence are they a business risk ("Der Verlust an lichten Waldstrukturen", "hält ihn für gefährlich").
 * Wars fought with trade, prices or technology ("Handelskrieg", "Tech-Krieg") are economic by themselves.
 */
const NEEDS_ANCHOR_DE = /^(?!.*(?:handels|tech|zoll|preis|wirtschafts|wettbewerbs|chip|subventions|währungs|rabatt)-?krieg)(?:.*(?:gefährlich|krieg|verlust)|drohende[nmrs]?$)/iu;

/**
 * English "loss" names a loss of anything ("loss of appetite", "loss of life"): a financial risk only with a
 * company, market or money in the sentence, not in a description of symptoms.
 */
const NEEDS_ANCHOR_EN = /^loss(?:es)?$/iu;

/** Whether the cue `word` is a business risk only in a sentence about a company, a market or the economy. */
function needsAnchor(word: string, parts: ClauseParts, language: RuleLanguage): boolean {
  if (language === 'en') return NEEDS_ANCHOR_EN.test(word);
  return NEEDS_ANCHOR_DE.test(word) || threatensWith(word, parts);
}

/** "mit Gewalt drohen", "droht mit Klage": someone threatens someone, a risk only in a business setting. */
function threatensWith(word: string, parts: ClauseParts): boolean {
  return /^droh/iu.test(word) && (/(?<![\p{L}])mit(?![\p{L}])/iu.test(parts.before) || /^\s+mit(?![\p{L}])/iu.test(parts.after));
}

/** Business words beyond the metric and actor tables: trade, competition, holdings. */
const BUSINESS_DE = /(?:geschäft|konkurren|wettbewerb|handel|holding|group|e-commerce)/iu;

/** An amount of money: "$45m", "£1.2bn", "3 Mio. Euro", "45 million dollars". */
const MONEY_RE = /[$£€¥]\s?\d|\d\s?(?:[mk]|bn|mn)(?![\p{L}])|(?<![\p{L}])(?:mio|mrd|million|millionen|billion|milliarden?)(?![\p{L}])|(?<![\p{L}])(?:euro|dollars?|pounds?|franken|yen)(?![\p{L}])/iu;

/** Whether the text (the sentence without the cue itself) speaks of a company, a market, money or the economy. */
function hasEconomicAnchor(sentence: string, t: ContextTable): boolean {
  return MONEY_RE.test(sentence) || t.market.test(sentence) || t.goodMetric.test(sentence) || t.burden.test(sentence) || t.actor.test(sentence)
    || t.economicOffence.test(sentence) || BUSINESS_DE.test(sentence);
}

/** Whether the context cancels the cue `word` (found as `cue`) in this clause. */
export function cancelledByContext(cue: RiskCue, word: string, parts: ClauseParts, language: RuleLanguage): boolean {
  const t = TABLES[language];
  if (t.concessive.test(parts.before)) return true;
  switch (cue.kind) {
    case 'decline': {
      const clause = `${parts.before} ${word} ${parts.after}`;
      if (t.benefit.test(clause)) return true;
      const subject = nearestMetric(parts, t, language, word);
      if (subject !== null) return subject === 'bad';
      return !(t.goodMetric.test(parts.previous) && !t.badMetric.test(clause));
    }
    case 'rise': {
      if (t.mitigationBefore.test(parts.before)) return true;
      const what = nearestMetric(parts, { ...t, badMetric: t.burden }, language, word);
      return what !== 'bad';
    }
    case 'hazard':
    case 'backdrop':
      if (needsAnchor(word, parts, language) && !hasEconomicAnchor(`${parts.lead ?? parts.before} ${parts.after}`, t)) return true;
      if (cue.kind === 'backdrop' && isBackdrop(parts, t)) return true;
      if (t.lessBefore.test(parts.before) || t.lineItemBefore.test(parts.before)) return true;
      return (t.mitigationBefore.test(parts.before) || t.mitigationFinal.test(parts.after)) && !ONLY_IF_RE.test(parts.sentence);
    case 'feeling':
      return !t.market.test(parts.sentence) || t.mitigationBefore.test(parts.before);
    case 'rival':
      return t.outdone.test(parts.sentence);
    case 'legal':
      return !t.actor.test(parts.sentence) && !t.economicOffence.test(parts.sentence);
    default:
      return false;
  }
}
