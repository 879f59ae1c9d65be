/** `/summarize <url>`: fetch one article with the guarded client and digest it. */
import { z } from 'zod';
import type { Digest } from '../engine/schema.ts';
import { formatFigure } from '../format/figure.ts';
import type { Message } from '../messages/model.ts';
import { digestBytes } from '../digesting/digest-articles.ts';
import { fetchDocument } from '../sources/http/from-config.ts';
import type { CommandServices } from './services.ts';
import type { Command } from './types.ts';

/** The message for one article's digest: summary, key figures with their sentences, risks, warnings. */
export function articleMessage(digest: Digest, url: string): Message {
  const de = digest.language === 'de';
  const sections: Message['sections'] = [{ heading: de ? 'Zusammenfassung' : 'Summary', lines: digest.summary }];
  if (digest.figures.length > 0) {
    sections.push({ heading: de ? 'Kennzahlen' : 'Key figures', lines: digest.figures.slice(0, 8).map((f) => `${formatFigure(f, de ? 'de' : 'en')} — „${f.sentence}“`) });
  }
  if (digest.risks.length > 0) {
    sections.push({ heading: de ? 'Risiken' : 'Risks', lines: digest.risks.slice(0, 5).map((r) => `(${r.category}) ${r.text}`) });
  }
  if (digest.warnings.length > 0) sections.push({ heading: de ? 'Hinweise' : 'Warnings', lines: digest.warnings.map((w) => `⚠ ${w}`) });
  sections.push({ lines: [], links: [{ label: de ? 'Artikel' : 'Article', url }] });
  return { title: digest.title ?? url, ...(digest.published === null ? {} : { subtitle: digest.published }), sections };
}

export const summarizeCommand = {
  name: 'summarize',
  description: 'summary, key figures and risks of one article: /summarize <url>',
  adminOnly: false,
  args: z.tuple([z.url({ protocol: /^https?$/u, error: 'an http(s) URL' })]),
  async run(services, _ctx, [url]) {
    const page = await fetchDocument(services.http, url);
    const { digest } = await digestBytes(services, { bytes: page.bytes, contentType: page.contentType, url: page.url, name: page.url });
    return articleMessage(digest, page.url);
  },
} satisfies Command<CommandServices, z.ZodTuple<[z.ZodURL]>>;
