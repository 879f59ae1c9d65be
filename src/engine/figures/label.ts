/**
 * The label a reader sees: the metric and its basis. "EPS estimate",
 * "revenue guidance (cut)", "prior-year net income", "Vorjahresgewinn",
 * "Umsatz (Prognose gesenkt)". Money stated per share names what is per
 * share: earnings ("EPS", "Ergebnis je Aktie"), a dividend, or a price.
 */
import type { Basis } from '../schema.ts';
import type { RuleLanguage } from '../types.ts';

/** Money per share stated right after the figure: "$0.50 per diluted share", "1,20 Euro je Aktie". */
export const PER_SHARE_AFTER = /^[\s\u00a0]*(?:per|a|je|pro)[\s\u00a0]+(?:(?:diluted|basic|common|verwässerter?)[\s\u00a0]+)*(?:share|aktie)/iu;

const DIVIDEND = /dividend|dividende|ausschüttung|payout/iu;
const PRICE = /(?<![\p{L}])(?:price|prices|offer|bid|paid|pays|pay|kaufpreis|preis|angebot|bietet|zahlt|zahlte|kurs|closed|schloss)(?![\p{L}])/iu;
const EARNINGS = /earnings|income|profit|eps|loss|gewinn|ergebnis|verlust|überschuss/iu;

/** The label of money stated per share, from the metric found in its clause (if any) and the clause. */
export function perShareLabel(metric: string | null, clause: string, language: RuleLanguage): string {
  const de = language === 'de';
  if (metric !== null && DIVIDEND.test(metric)) return de ? 'Dividende je Aktie' : 'dividend per share';
  if (metric !== null && /(?<![\p{L}])eps(?![\p{L}])|per share|je aktie|pro aktie/iu.test(metric)) return metric;
  if (metric !== null && EARNINGS.test(metric)) {
    const adjusted = /adjusted|bereinigt|non-gaap|core/iu.test(metric) ? (de ? 'bereinigtes ' : 'adjusted ') : '';
    const loss = /loss|verlust/iu.test(metric);
    if (de) return loss ? `${adjusted}Verlust je Aktie` : `${adjusted}Ergebnis je Aktie`;
    return loss ? `${adjusted}loss per share` : `${adjusted}EPS`;
  }
  if (DIVIDEND.test(clause)) return de ? 'Dividende je Aktie' : 'dividend per share';
  if (PRICE.test(clause)) return de ? 'Preis je Aktie' : 'price per share';
  if (metric === null || EARNINGS.test(clause)) return de ? 'Ergebnis je Aktie' : 'EPS';
  return de ? `${metric} je Aktie` : `${metric} per share`;
}

const LOSS = /(?<![\p{L}])(?:net[\s\u00a0]+)?(?:loss|losses)(?![\p{L}])|verlust|fehlbetrag|minus(?![\p{L}])/iu;

/** Whether the label names a loss: the figure's direction is down whatever the verb says ("the loss widened"). */
export function isLoss(label: string): boolean {
  return LOSS.test(label);
}

const METRIC_IS_FORWARD = /guidance|outlook|forecast|prognose|ausblick|ziel|target/iu;

/** German "Vorjahres-" compound of a one-word metric ("Gewinn" → "Vorjahresgewinn"), else "… (Vorjahr)". */
function germanPrior(metric: string): string {
  if (/^vorjahr/iu.test(metric)) return metric;
  return /^\p{Lu}\p{Ll}+$/u.test(metric) ? `Vorjahres${metric.toLowerCase()}` : `${metric} (Vorjahr)`;
}

/** A forecast revised: "cut its outlook", "senkte die Prognose", "raised guidance", "hob den Ausblick an". */
export type Revision = 'cut' | 'raised';
const CUT = /(?<![\p{L}])(?:cut|cuts|lowered|lowers|lowering|reduced|reduces|slashed|trimmed|trims|senkt|senkte|senkten|gesenkt|kappt|kappte|gekappt|korrigiert[\s\u00a0]+nach[\s\u00a0]+unten|nach[\s\u00a0]+unten[\s\u00a0]+korrigiert)(?![\p{L}])/iu;
const RAISE = /(?<![\p{L}])(?:raised|raises|raising|lifted|lifts|boosted|hob|hebt|angehoben|erhöht|erhöhte|nach[\s\u00a0]+oben[\s\u00a0]+korrigiert)(?![\p{L}])/iu;

/** Whether the clause revises a forecast down or up. */
export function revisionIn(clause: string): Revision | null {
  if (CUT.test(clause)) return 'cut';
  if (RAISE.test(clause)) return 'raised';
  return null;
}

/** "Umsatz-Prognose", "revenue guidance"; a metric that is itself a forecast stays as it is. */
function forecastOf(metric: string, de: boolean): string {
  return METRIC_IS_FORWARD.test(metric) ? metric : de ? `${metric}-Prognose` : `${metric} guidance`;
}

/** The metric's label with its basis and, for guidance, whether it was cut or raised. */
export function labelWithBasis(metric: string, basis: Basis | undefined, revision: Revision | null, language: RuleLanguage, priorForecast = false): string {
  if (basis === undefined) return metric;
  const de = language === 'de';
  // "Gross margin" at the head of its sentence is "prior gross margin" inside a label; "EPS" stays.
  if (!de) metric = metric.replace(/^\p{Lu}(?=\p{Ll})/u, (c) => c.toLowerCase());
  switch (basis) {
    case 'prior':
      // The forecast a new one replaces: "Umsatz-Prognose (zuvor)", "prior revenue guidance".
      if (priorForecast) return de ? `${forecastOf(metric, de)} (zuvor)` : `prior ${forecastOf(metric, de)}`;
      return de ? germanPrior(metric) : `prior ${metric}`;
    case 'estimate':
      return de ? `${metric} (Schätzung)` : `${metric} estimate`;
    case 'target':
      return METRIC_IS_FORWARD.test(metric) ? metric : de ? `${metric} (Ziel)` : `${metric} target`;
    case 'guidance': {
      const change = revision === 'cut' ? (de ? 'gesenkt' : 'cut') : revision === 'raised' ? (de ? 'angehoben' : 'raised') : null;
      const base = forecastOf(metric, de);
      return change === null ? base : `${base} (${change})`;
    }
  }
}
