import { detectLanguage } from './language.ts';
import { splitSentences } from './sentences.ts';
import type { AnalysedArticle, ExtractedArticle, RuleLanguage, Sentence } from './types.ts';

/** Below this detection confidence the page's declared language is trusted instead. */
const LOW_CONFIDENCE = 0.2;

/** Language detection and sentence segmentation over the extracted text. */
export function analyseArticle(extracted: ExtractedArticle): { article: AnalysedArticle; warnings: string[] } {
  const warnings: string[] = [];
  const sample = [extracted.title ?? '', ...extracted.paragraphs].join('\n').slice(0, 20_000);
  const guess = detectLanguage(sample);
  let language = guess.language;
  // A page's declared language decides when the text itself is too short or mixed to tell.
  if ((language === 'und' || guess.confidence < LOW_CONFIDENCE) && extracted.declaredLanguage) {
    language = extracted.declaredLanguage;
  }
  const rules: RuleLanguage = language === 'de' ? 'de' : 'en';
  if (language !== 'de' && language !== 'en') {
    warnings.push(`language: "${language}" has no rules of its own; English rules were used`);
  }
  const headingSet = new Set(extracted.headings);
  const sentences: Sentence[] = [];
  extracted.paragraphs.forEach((paragraph, p) => {
    for (const text of splitSentences(paragraph, rules)) {
      sentences.push({ text, paragraph: p, index: sentences.length, heading: headingSet.has(p) });
    }
  });
  return { article: { title: extracted.title, language, rules, paragraphs: extracted.paragraphs, sentences }, warnings };
}
