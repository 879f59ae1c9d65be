/** Result of language detection. */
export interface LanguageGuess {
  /** ISO 639-1 code, or 'und' when undetermined. */
  language: string;
  /** 0..1 */
  confidence: number;
}

/** Placeholder: replaced by the stop-word detector. */
export function detectLanguage(text: string): LanguageGuess {
  const de = (text.match(/\b(der|die|und|das|nicht|ist|mit)\b/giu) ?? []).length;
  const en = (text.match(/\b(the|and|of|is|with|not|that)\b/giu) ?? []).length;
  return { language: de > en ? 'de' : 'en', confidence: 0.5 };
}
