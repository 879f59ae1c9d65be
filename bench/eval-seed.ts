/** `npm run eval` part: the seed article against its gold digest. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { digestArticle } from '../src/engine/digest.ts';
import { logOf, passOf, type EvalHooks } from './eval-progress.ts';
import { scoreSeed, type SeedGold } from './lib/seed-gold.ts';
import { SKIP_MESSAGE, sharedDir } from './lib/shared.ts';

export async function runSeedEval(hooks: EvalHooks = {}): Promise<void> {
  const log = logOf(hooks);
  const dir = sharedDir();
  log('\n## Seed article (seed-gold.json)');
  if (dir === null) {
    log(SKIP_MESSAGE);
    return;
  }
  const gold = JSON.parse(readFileSync(join(dir, 'eval', 'seed-gold.json'), 'utf8')) as SeedGold & { source: string };
  const text = readFileSync(join(dir, gold.source), 'utf8');
  const pass = passOf(hooks, 'seed article', 1);
  const { digest } = digestArticle({ text });
  pass.step(gold.source);
  const score = scoreSeed(digest, gold);
  const found = (xs: { rank: number | null }[]): number => xs.filter((x) => x.rank !== null).length;
  const ranks = (xs: { id: string; rank: number | null }[]): string => xs.map((x) => `${x.id}@${x.rank ?? '-'}`).join(', ');
  log(`figures: ${found(score.figures)}/${score.figures.length} (rank in digest: ${ranks(score.figures)})`);
  log(`risks:   ${found(score.risks)}/${score.risks.length} (rank in digest: ${ranks(score.risks)})`);
  log(`furniture quoted: ${score.furniture.length === 0 ? 'none' : score.furniture.join(', ')}`);
  log(`title ${score.title ? 'ok' : 'WRONG'}, language ${score.language ? 'ok' : 'WRONG'}, published ${score.published ? 'ok' : 'WRONG'}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runSeedEval();
