/** English risk lexicon: cue words and constructions, negators, non-risk uses. */
import { gap, LETTER, w, type RiskCue, type RiskLexicon } from './patterns.ts';

/** What a fall is measured against: "down from", "lower than", "down 10 points". */
const AFTER_FALL = `(?=\\s+(?:from|by|than|on the year|year-on-year|year over year|compared|versus|vs\\.?|\\d|[$£€]\\d)|\\s*[,.;])`;

/** "hit its targets", "hit a record": reaching a goal, not being hit. */
const HIT_GOAL = '(?!\\s+(?:(?:its|their|our|the|a|an|all)\\s+)?(?:\\S+\\s+)?(?:targets?|goals?|records?|highs?|milestones?|mark|estimates))';

export const EN_CUES: readonly RiskCue[] = [
  // Explicit risk words.
  { pattern: w('risks?|risky|riskier|riskiest'), weight: 1.5, kind: 'hazard' },
  { pattern: w('at risk|in jeopardy|jeopardi[sz]e[sd]?'), weight: 1.4, kind: 'hazard' },
  { pattern: w('threat(?:s|en|ens|ened|ening)?'), weight: 1.3, kind: 'hazard' },
  { pattern: w('danger(?:s|ous)?|endanger(?:s|ed)?|peril(?:s|ous)?'), weight: 1.2, kind: 'hazard' },
  { pattern: w('uncertaint(?:y|ies)|uncertain'), weight: 1.2, category: 'macro', kind: 'hazard' },
  { pattern: w('(?:concerns?|worries|worried|worry|fears?|feared|anxiety|panic)'), weight: 0.8, kind: 'feeling' },
  { pattern: w('(?:profit|earnings) warnings?'), weight: 1.5, category: 'financial' },
  { pattern: w('headwinds?'), weight: 1.1 },
  // Losses and declines.
  { pattern: w('loss(?:es)?|loss-making'), weight: 1.1, category: 'financial', kind: 'hazard' },
  { pattern: w('lost'), weight: 0.8, kind: 'decline' },
  { pattern: w('(?:in|into) the red'), weight: 1.0, category: 'financial' },
  { pattern: w('declin(?:e|es|ed|ing)|slump(?:s|ed|ing)?|plung(?:e|es|ed|ing)|tumbl(?:e|es|ed|ing)|slid|slide|sank|sink(?:s|ing)?'), weight: 0.9, kind: 'decline' },
  { pattern: w('(?:fell|fall(?:s|ing)?|drop(?:s|ped|ping)?|shrank|shrink(?:s|ing)?|contract(?:ed|ing|ion)|halved|decreas(?:e|es|ed|ing))'), weight: 0.8, kind: 'decline' },
  { pattern: `${w('(?:down|lower)')}${AFTER_FALL}`, weight: 0.8, kind: 'decline' },
  { pattern: w('weak(?:er|ening|ness|ens|ened|en)?|poor(?:er)?|struggl(?:e|es|ed|ing)'), weight: 0.8, kind: 'decline' },
  { pattern: w('(?:less|lower|weaker|slower) than (?:previously |had been |we |analysts )?(?:forecast|expected|hoped|anticipated|planned|estimated)'), weight: 1.1, category: 'financial' },
  { pattern: w('(?:below|short of|miss(?:ed|es)?) (?:analysts\' |market |our |its |their )?(?:expectations|forecasts?|estimates|targets?|guidance)'), weight: 1.1, category: 'financial' },
  { pattern: w('not') + gap(5) + w('as (?:much|strongly|quickly|fast|well) as (?:hoped|expected|planned|anticipated)'), weight: 1.1, category: 'financial' },
  { pattern: w('downturn|slowdown'), weight: 1.0, kind: 'backdrop' },
  { pattern: w('downgrade[sd]?|downgrading|shortfall|deficits?'), weight: 1.0 },
  { pattern: w('sputter(?:s|ed|ing)?|stall(?:s|ed|ing)?|stagnat(?:e|es|ed|ing|ion)'), weight: 0.9, category: 'macro' },
  { pattern: w('problems?|troubles?|difficult(?:y|ies)|challeng(?:es|ing)'), weight: 0.6, kind: 'hazard' },
  { pattern: w('impairments?|write-?downs?|writ(?:e|ten|ing) down|writeoffs?|write-offs?'), weight: 1.2, category: 'financial' },
  { pattern: w('default(?:s|ed)?|bankrupt(?:cy)?|insolven(?:t|cy)|(?:into|in|entered|enter) administration|brink of collapse|collapse[sd]?'), weight: 1.2, category: 'financial', kind: 'backdrop' },
  { pattern: w('(?:rising|higher|soaring|surging|mounting|increased|spiralling) (?:raw material |input |fuel |energy |labou?r |interest )?(?:costs?|expenses|debt|unemployment|inflation|interest rates|oil prices)|cost increases'), weight: 1.0, category: 'financial' },
  // Verbs and constructions.
  { pattern: w('(?:at stake|in doubt|in question)'), weight: 1.0 },
  { pattern: w('worsen(?:s|ed|ing)?|deteriorat(?:e|es|ed|ing|ion)'), weight: 0.9 },
  { pattern: w('weigh(?:s|ed|ing)? (?:heavily )?(?:on|down)'), weight: 1.1 },
  { pattern: w('(?:could|may|might|would|will)') + gap(3) + w(`(?:hurt|hit${HIT_GOAL}|damage|derail|harm|slow|undermine|erode|squeeze|weaken|jeopardi[sz]e)`), weight: 1.1 },
  { pattern: w('hurt(?:s|ing)?|hit hard|hard hit|harm(?:s|ed)?|damag(?:e|es|ed|ing)|undermin(?:e|es|ed)|erod(?:e|es|ed|ing)|squeez(?:e|es|ed|ing)'), weight: 0.8 },
  { pattern: w('fail(?:s|ed|ing)? to|failure'), weight: 1.0, category: 'execution-adoption' },
  { pattern: w('(?:cut|cuts|lowered|lowers|slashed|reduced|trimmed|withdrew|withdrawn|suspended|pulled)') + gap(3) + w('(?:forecasts?|outlook|guidance|targets?|expectations)'), weight: 1.3, category: 'financial' },
  { pattern: w('warn(?:s|ed|ing|ings)?'), weight: 0.9 },
  { pattern: w('(?:out of control|spiral(?:led|ing)?)'), weight: 1.0 },
  { pattern: w('under pressure|pressure(?:s|d)?'), weight: 0.6 },
  { pattern: w('(?:pricing|price|margin|competitive) pressure'), weight: 1.2, category: 'competition' },
  // "delayed draw" is a kind of loan facility, not a delay.
  { pattern: `${w('delay(?:s|ed)?|setbacks?')}(?!\\s+draw)`, weight: 0.9, category: 'execution-adoption' },
  { pattern: w('unprofitab(?:le|ility)'), weight: 1.1, category: 'financial' },
  { pattern: w('harmful'), weight: 1.0, kind: 'hazard' },
  { pattern: w('(?:pushed back|postponed|put on hold|scrapped|cancell?ed)'), weight: 0.9, category: 'execution-adoption' },
  { pattern: w('(?:hold|holds|holding|held) back') + gap(2) + w('(?:orders|spending|purchases|investments?|hiring)'), weight: 0.9, category: 'execution-adoption' },
  { pattern: w('recall(?:s|ed|ing)?') + '(?=\\s+(?:about |some |nearly |almost |more than |over )?(?:[\\d,.]+|vehicles|cars|trucks|products|units|models|batches|devices|phones))', weight: 1.0, category: 'operational' },
  { pattern: w('slow(?:s|ed|ing)'), weight: 0.8, kind: 'decline' },
  { pattern: w('(?:ris(?:e|es|ing)|rose|risen|increas(?:e|es|ed|ing)|climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|surg(?:e|es|ed|ing)|soar(?:s|ed|ing)?|grow(?:s|ing)?|grew|higher|mount(?:s|ed|ing))'), weight: 0.8, kind: 'rise' },
  { pattern: w('fac(?:e|es|ed|ing) (?:closure|collapse|bankruptcy|insolvency|ruin)'), weight: 1.1, category: 'financial' },
  { pattern: w('over budget|behind schedule|cost overruns?'), weight: 1.1, category: 'execution-adoption' },
  { pattern: w('los(?:e|es|ing|t) (?:market )?share'), weight: 1.0, category: 'competition' },
  { pattern: w('destocking|pause in'), weight: 0.9, category: 'execution-adoption' },
  { pattern: w('(?:shortages?|outages?|disruptions?|strikes|cyber[- ]?attacks?|breach(?:es)?|hack(?:ed|ers?)|recalls?|layoffs|job (?:cuts|losses)|power cuts)'), weight: 1.0, category: 'operational' },
  { pattern: w('(?:cut|cuts|cutting|shed|shedding|slash(?:es|ed)?)') + gap(4) + w('(?:jobs|workforce|staff|positions)'), weight: 1.0, category: 'operational' },
  // Sanctions, regulation, legal.
  { pattern: w('sanction(?:s|ed)?|embargo(?:es)?|export controls?|blacklist(?:ed)?|entity list'), weight: 1.2, category: 'geopolitical-regulatory' },
  { pattern: w('tariffs?|trade war|trade tensions?|duties'), weight: 1.1, category: 'geopolitical-regulatory' },
  { pattern: w('lawsuits?|sued|su(?:e|es|ing)|litigation|class action|probe[sd]?|investigations?|antitrust|fined|fines?(?= of)|penalt(?:y|ies)'), weight: 1.1, category: 'legal', kind: 'legal' },
  { pattern: w(`charged with|(?:criminal |fraud |civil )?charges|convicted|convictions?|alleg(?:es|ed|edly|ations?)|accus(?:ed|es|ations?)|indict(?:ed|ment)|subpoena(?:s|ed)?|fraud${LETTER}*|ruled against`), weight: 1.1, category: 'legal', kind: 'legal' },
  { pattern: w('(?:attorneys? general|regulators?|prosecutors?|authorities|sec|ftc|doj|fca|cma|asa|ofcom|ofgem|watchdog|commission|police)') + gap(3) + w(`(?:rul(?:ed|es|ing)|ban(?:s|ned)|order(?:s|ed)|investigat${LETTER}*|prob(?:e|es|ed|ing)|looking into|examin${LETTER}*|su(?:e|es|ed|ing)|charg(?:e|es|ed|ing)|fin(?:e|es|ed|ing)|raid(?:s|ed|ing)?|subpoena${LETTER}*)`), weight: 1.3, category: 'legal' },
  { pattern: w('(?:halt(?:s|ed|ing)?|suspend(?:s|ed|ing)?|idl(?:e|es|ed|ing)|shut(?:s|ting)?(?: down)?|clos(?:e|es|ed|ing))') + gap(3) + w('(?:production|output|plants?|factor(?:y|ies)|lines?|mines?|refiner(?:y|ies))'), weight: 1.0, category: 'operational' },
  // Competition and markets.
  { pattern: w('competition|competitors?|rivalry'), weight: 0.8, category: 'competition', kind: 'rival' },
  { pattern: w('rivals?'), weight: 0.5, category: 'competition', kind: 'rival' },
  { pattern: w('volatil(?:e|ity)|turbulen(?:t|ce)|sell-?off|swings?'), weight: 1.0, category: 'market-volatility' },
  { pattern: w('recession|crisis|crises|pandemic'), weight: 0.9, category: 'macro', kind: 'backdrop' },
  { pattern: w('inflation'), weight: 0.5, category: 'macro' },
];

export const EN_LEXICON: RiskLexicon = {
  cues: EN_CUES,
  negators: new RegExp(w("(?:no|not|never|without|isn't|wasn't|aren't|don't|doesn't|didn't|won't|nor|neither|zero)"), 'iu'),
  negationExceptions: new RegExp(w('(?:rule out|ruled out|be excluded)'), 'iu'),
  minimizers: new RegExp(`${w('(?:is|are|was|were|remains?|remained|seems?|looks?|as)') + gap(1) + w('(?:low|minimal|negligible|remote|small|smaller|narrower|contained|under control)')}|${w('(?:is|are|was|were)')}\\s+["'“‘]?${w('(?:speculation|speculative|unfounded|untrue|groundless|rumou?rs?)')}`, 'iu'),
  nonRiskWord: /^(?:risk-?free|riskless|lower-?risk|low-?risk)$/iu,
  nonRiskBefore: /(?:opportunities|benefits|rewards)\s+(?:and|&)\s+$/iu,
  nonRiskAfter: new RegExp(
    `^[ -](?:management|manager|managers|appetite|assets?|premiums?|free|adjusted|weighted|capital|assessments?|officer|committee|profile|tolerance|on|off|models?)(?!${LETTER})`,
    'iu',
  ),
};
