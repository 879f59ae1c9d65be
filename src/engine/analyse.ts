import { detectLanguage, type LanguageGuess } from './language.ts';
import { splitSentences } from './sentences.ts';
import type { AnalysedArticle, ExtractedArticle, RuleLanguage, Sentence } from './types.ts';

/** Below this detection confidence the page's declared language is trusted instead. */
const LOW_CONFIDENCE = 0.2;

/**
 * The article's language: the detected one, or the page's declared one when the text is too short or mixed to
 * tell. A text mostly in another script (Chinese, Russian …) is never taken for German or English, whatever the
 * page declares.
 */
function languageOf(guess: LanguageGuess, declared: string | null | undefined): string {
  const unsure = guess.language === 'und' || guess.confidence < LOW_CONFIDENCE;
  if (!unsure || !declared) return guess.language;
  if (guess.script !== undefined && (declared === 'de' || declared === 'en')) return guess.language;
  return declared;
}

/** The digest's warning for a language the engine has no rules for. */
function unsupportedWarning(language: string, script: string | undefined): string {
  const what = language === 'und'
    ? (script === undefined ? 'the language could not be determined' : `the text is in ${script} script, in a language digestbot does not support`)
    : `"${language}" is not supported`;
  return `language: ${what} (only German and English are): summary, figures and risks may be incomplete`;
}

/** Language detection and sentence segmentation over the extracted text. */
export function analyseArticle(extracted: ExtractedArticle): { article: AnalysedArticle; warnings: string[] } {
  const warnings: string[] = [];
  const sample = [extracted.title ?? '', ...extracted.paragraphs].join('\n').slice(0, 20_000);
  const guess = detectLanguage(sample);
  const language = languageOf(guess, extracted.declaredLanguage);
  const rules: RuleLanguage = language === 'de' ? 'de' : 'en';
  if (language !== 'de' && language !== 'en') warnings.push(unsupportedWarning(language, guess.script));
  const headingSet = new Set(extracted.headings);
  const sentences: Sentence[] = [];
  extracted.paragraphs.forEach((paragraph, p) => {
    for (const text of splitSentences(paragraph, rules)) {
      sentences.push({ text, paragraph: p, index: sentences.length, heading: headingSet.has(p) });
    }
  });
  return { article: { title: extracted.title, language, rules, paragraphs: extracted.paragraphs, sentences }, warnings };
}
