/**
 * The compact digest layout end to end: realistic articles served as feeds on 127.0.0.1, polled and digested
 * by the real poller, built into a digest, and published through the real Discord and Slack publishers against
 * the local fakes. Six and eight articles each fit one Discord message and one Slack post within the limits,
 * every article's link sits in its own entry, and no line repeats. Also: a busy feed cannot crowd out the
 * others (fair share, "and N more" with the feed's link), template titles stay apart and the same story from
 * two sources is one entry with both links.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { embedLimitViolations, unescapeMarkdown } from '../../fakes/discord/embed-limits.ts';
import { limitViolations } from '../../fakes/slack/block-kit-checks.ts';
import { bundledSources, page, publishToFakes, servedDigest, sharedSource, type ServedDigest, type ServedSource } from '../../helpers/served-digest.ts';

let digest: ServedDigest | null = null;
afterEach(async () => {
  await digest?.close();
  digest = null;
});

interface Embed { title?: string; url?: string; description?: string }

function embedsOf(body: Record<string, unknown>): Embed[] {
  return (body['embeds'] ?? []) as Embed[];
}

async function checkOnePost(served: ServedDigest, articles: number): Promise<void> {
  const { built, urls } = served;
  expect(built.entries).toBe(articles);
  const posts = await publishToFakes(built.message);
  // Discord: one message within every limit; each article an embed whose title links to it.
  expect(posts.discord).toHaveLength(1);
  const body = posts.discord[0] ?? {};
  expect(embedLimitViolations(body)).toEqual([]);
  const linked = embedsOf(body).filter((e) => e.url !== undefined);
  expect(linked.map((e) => e.url).sort()).toEqual([...urls.values()].sort());
  for (const e of linked) {
    const section = built.message.sections.find((s) => s.url === e.url);
    expect(e.title).toBe(section?.heading);
    const lines = (e.description ?? '').split('\n').map(unescapeMarkdown);
    expect(new Set(lines).size).toBe(lines.length);
  }
  // Slack: one post within the limits; each article's linked title and its lines in one section block.
  expect(posts.slack).toHaveLength(1);
  const post = posts.slack[0] ?? { text: '', blocks: [] };
  expect(limitViolations(post)).toEqual([]);
  const texts = (post.blocks as { type: string; text?: { text: string } }[]).filter((b) => b.type === 'section').map((b) => b.text?.text ?? '');
  for (const url of urls.values()) {
    const holding = texts.filter((t) => t.includes(`<${url}|`));
    expect(holding, url).toHaveLength(1);
    const lines = (holding[0] ?? '').split('\n');
    expect(lines[0]).toMatch(new RegExp(`^\\*<${url.replace(/[.?*+^$[\]\\(){}|-]/gu, '\\$&')}\\|`, 'u'));
    expect(new Set(lines).size).toBe(lines.length);
  }
}

describe('compact digest layout, as posted', () => {
  it('given six realistic articles from three feeds, then Discord gets one message and Slack one post, each article with its own link', async () => {
    digest = await servedDigest(bundledSources());
    await checkOnePost(digest, 6);
    for (const section of digest.built.message.sections) {
      expect(section.lines.filter((l) => l.startsWith('Figure: ')).length).toBeLessThanOrEqual(3);
      for (const l of section.lines.filter((x) => x.startsWith('Figure: '))) expect(l).toMatch(/ — “.+”$/u);
    }
  });

  it('given eight realistic articles from four feeds, then they still fit one Discord message and one Slack post', async (ctx) => {
    const shared = sharedSource();
    if (shared === null) {
      ctx.skip(true, '../shared (seeds, eval/summaries/cnndm-sample.jsonl) is absent');
      return;
    }
    digest = await servedDigest([...bundledSources(), shared]);
    await checkOnePost(digest, 8);
  });
});

const PARAGRAPHS = (company: string, n: number): string[] => [
  `${company} reported third-quarter revenue of ${String(100 + n)} million dollars on Tuesday, up ${String(n + 2)} percent from a year earlier.`,
  `Chief executive officer ${company === 'Acme' ? 'Jane Roe' : `Officer ${String(n)}`} said demand from industrial customers stayed firm throughout the quarter.`,
  `The company kept its outlook for the full year and expects operating margins of about ${String(10 + (n % 5))} percent.`,
  'Analysts had expected slightly weaker numbers after a soft summer for the sector.',
];

function templated(name: string, n: number, hour: number, titleOf: (i: number) => string): ServedSource {
  return {
    name,
    articles: Array.from({ length: n }, (_, i) => ({
      slug: `${name.toLowerCase()}-${String(i)}`,
      bytes: page(titleOf(i), PARAGRAPHS(`Company${String(i + 1)}`, i)),
      contentType: 'text/html; charset=utf-8',
      title: titleOf(i),
      published: new Date(Date.UTC(2026, 10, 20, hour) - i * 60_000).toISOString(),
    })),
  };
}

describe('fair share and story merge in a built digest', () => {
  it('given twenty "Company N reports quarterly results" items, then they are twenty entries, not one', async () => {
    digest = await servedDigest([templated('Wire', 20, 5, (i) => `Company ${String(i + 1)} reports quarterly results`)], { maxArticles: 50 });
    expect(digest.built.entries).toBe(20);
    for (const s of digest.built.message.sections) expect(s.links).toBeUndefined();
  });

  it('given 30 items in a press review and three finance articles, then the finance articles are all in and the cut is named with the feed\'s link', async () => {
    const press = templated('Presseschau', 30, 5, (i) => `Presseschau ${String(i + 1)}: Kommentar aus Zeitung${String(i + 1)}`);
    const finance = templated('Finanzen', 3, 3, (i) => `Firma${String(i + 1)} erhöht die Dividende`);
    digest = await servedDigest([press, finance], { maxArticles: 10, maxPerSource: 6 });
    const headings = digest.built.message.sections.map((s) => s.heading ?? '');
    expect(headings.filter((h) => h.includes('Dividende'))).toHaveLength(3);
    expect(headings.filter((h) => h.startsWith('Presseschau'))).toHaveLength(6);
    const more = digest.built.message.sections.at(-1);
    expect(more?.links).toEqual([{ label: 'and 24 more from Presseschau', url: digest.feeds.get('Presseschau') }]);
  });

  it('given the same story in two feeds, then it is one entry with both links', async () => {
    const title = 'Nordwind Energie hebt Prognose nach Rekordquartal an';
    const told = (name: string, hour: number, paragraphs: string[]): ServedSource => ({ name, articles: [{
      slug: `${name.toLowerCase()}-0`, bytes: page(title, paragraphs), contentType: 'text/html; charset=utf-8', title,
      published: new Date(Date.UTC(2026, 10, 20, hour)).toISOString(),
    }] });
    // Two outlets' own wording of one story (a copy of the same page would be one article already).
    digest = await servedDigest([told('Alpha', 5, PARAGRAPHS('Nordwind', 1)), told('Beta', 4, PARAGRAPHS('Nordwind', 2).reverse())]);
    expect(digest.built.entries).toBe(1);
    const [entry] = digest.built.message.sections;
    expect(entry?.url).toBe(digest.urls.get('alpha-0'));
    expect(entry?.links).toEqual([{ label: 'Beta', url: digest.urls.get('beta-0') }]);
    expect(entry?.lines.at(-1)).toBe('Sources: Alpha, Beta');
  });
});
