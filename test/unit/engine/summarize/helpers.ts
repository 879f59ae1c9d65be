/** Builds analysed articles for summarizer tests without running extraction. */
import type { AnalysedArticle, RuleLanguage } from '../../../../src/engine/types.ts';

/** Paragraphs of sentences; a paragraph given as `# text` is a sub-heading. */
export function articleOf(paragraphs: string[][], rules: RuleLanguage, title: string | null = null): AnalysedArticle {
  const sentences: AnalysedArticle['sentences'] = [];
  const texts: string[] = [];
  paragraphs.forEach((p, pi) => {
    const heading = p.length === 1 && (p[0] ?? '').startsWith('# ');
    const ss = heading ? [(p[0] ?? '').slice(2)] : p;
    texts.push(ss.join(' '));
    for (const text of ss) sentences.push({ text, paragraph: pi, index: sentences.length, heading });
  });
  return { title, language: rules, rules, paragraphs: texts, sentences };
}
