/**
 * A risk category as the reader of a digest sees it: a word in the digest's
 * language ("Recht", "Legal"), never the engine's slug ("legal").
 */
import type { RiskCategory } from '../engine/schema.ts';
import type { LabelLanguage } from './figure.ts';

const NAMES: Readonly<Record<LabelLanguage, Readonly<Record<RiskCategory, string>>>> = {
  de: {
    financial: 'Finanzen',
    'geopolitical-regulatory': 'Politik & Regulierung',
    competition: 'Wettbewerb',
    'market-volatility': 'Kursschwankungen',
    'execution-adoption': 'Umsetzung & Nachfrage',
    legal: 'Recht',
    operational: 'Betrieb',
    macro: 'Konjunktur',
    other: 'Sonstiges',
  },
  en: {
    financial: 'Financial',
    'geopolitical-regulatory': 'Politics & regulation',
    competition: 'Competition',
    'market-volatility': 'Market volatility',
    'execution-adoption': 'Execution & demand',
    legal: 'Legal',
    operational: 'Operations',
    macro: 'Economy',
    other: 'Other',
  },
};

/** The category's name in `language`. */
export function riskCategoryName(category: RiskCategory, language: LabelLanguage): string {
  return NAMES[language][category];
}

/** The language a digest's labels are shown in: German for German articles, English otherwise. */
export function labelLanguageOf(language: string): LabelLanguage {
  return language === 'de' ? 'de' : 'en';
}
