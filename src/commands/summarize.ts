/**
 * `/summarize <url> [de|en|article]`: fetch one article with the guarded client and digest it. With an LLM configured
 * the summary is model-written in the asked language (default: the article's own), grounded sentence by sentence.
 */
import type { Digest } from '../engine/schema.ts';
import { summarizeMaterial, summaryHeading } from '../llm/summarize-material.ts';
import type { LlmSummary } from '../llm/summarize-llm.ts';
import { formatFigure } from '../format/figure.ts';
import { riskCategoryName } from '../format/risk-category.ts';
import type { Message } from '../messages/model.ts';
import { digestBytes } from '../digesting/digest-articles.ts';
import { feedNote, summarizeTarget } from '../sources/summarize-target.ts';
import type { CommandServices } from './services.ts';
import { defineCommand } from './types.ts';

/** The message for one article's digest: summary, key figures with their sentences, risks, warnings. */
export function articleMessage(digest: Digest, url: string, summary: LlmSummary | null = null): Message {
  const de = (summary?.kind === 'llm' ? summary.language : digest.language) === 'de';
  const sections: Message['sections'] = [{ heading: summaryHeading(summary, de), lines: summary?.sentences ?? digest.summary }];
  if (digest.figures.length > 0) {
    sections.push({ heading: de ? 'Kennzahlen' : 'Key figures', lines: digest.figures.map((f) => `${formatFigure(f, de ? 'de' : 'en')} — „${f.sentence}“`) });
  }
  if (digest.risks.length > 0) {
    sections.push({ heading: de ? 'Risiken' : 'Risks', lines: digest.risks.slice(0, 5).map((r) => `(${riskCategoryName(r.category, de ? 'de' : 'en')}) ${r.text}`) });
  }
  if (digest.warnings.length > 0) sections.push({ heading: de ? 'Hinweise' : 'Warnings', lines: digest.warnings.map((w) => `⚠ ${w}`) });
  sections.push({ lines: [], links: [{ label: de ? 'Artikel' : 'Article', url }] });
  return { title: digest.title ?? url, ...(digest.published === null ? {} : { subtitle: digest.published }), sections };
}

/** The message with a note line first, when there is one. */
const withNote = (message: Message, note: string | null): Message => (note === null ? message : { ...message, sections: [{ lines: [note] }, ...message.sections] });

export const summarizeCommand = defineCommand({
  name: 'summarize',
  description: 'Summary, key figures and risks of one article',
  adminOnly: false,
  options: [
    { name: 'url', description: 'article URL (http or https)', kind: 'url', required: true, missing: 'the address of an article', example: 'https://example.org/article' },
    { name: 'lang', description: 'summary language with an LLM configured (default: the article\'s)', kind: 'choice', required: false, choices: ['de', 'en', 'article'] },
  ],
  async run(services: CommandServices, ctx, [url, language]) {
    // A feed's address: its newest item, with a note on how to follow the feed.
    const target = await summarizeTarget(services.http, url);
    const { page } = target;
    const noted = (message: Message): Message => withNote(message, feedNote(target));
    if (services.llm !== undefined) {
      const material = { bytes: page.bytes, contentType: page.contentType, url: page.url };
      // Without a language word: the workspace's default, the language of its first definition with model summaries.
      const fallback = (await services.definitions.list(ctx.workspaceId)).find((d) => d.def.summary === 'llm')?.def.summaryLanguage ?? 'article';
      const { digest, summary } = await summarizeMaterial(services.llm, material, ctx.workspaceId, language ?? fallback);
      return noted(articleMessage(digest, page.url, summary));
    }
    const { digest } = await digestBytes(services, { bytes: page.bytes, contentType: page.contentType, url: page.url, name: page.url });
    return noted(articleMessage(digest, page.url));
  },
});
