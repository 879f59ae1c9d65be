/**
 * The compact digest layout as posted: builds the six-article digest from the bundled realistic articles
 * (and, when ../shared is present, the eight-article one), publishes each through the real Discord and Slack
 * publishers against the local fakes, prints the character counts and writes the captured payloads to
 * /tmp/layout-payloads/ (or the directory given as the first argument).
 *
 *   npx tsx bench/layout-payloads.ts [dir]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledSources, discordChars, publishToFakes, servedDigest, sharedSource, slackChars, type ServedSource } from '../test/helpers/served-digest.ts';

const out = process.argv[2] ?? '/tmp/layout-payloads';
mkdirSync(out, { recursive: true });

async function run(name: string, sources: readonly ServedSource[]): Promise<void> {
  const digest = await servedDigest(sources);
  try {
    const posts = await publishToFakes(digest.built.message);
    writeFileSync(join(out, `${name}-message.json`), `${JSON.stringify(digest.built.message, null, 2)}\n`);
    writeFileSync(join(out, `${name}-discord.json`), `${JSON.stringify(posts.discord, null, 2)}\n`);
    writeFileSync(join(out, `${name}-slack.json`), `${JSON.stringify(posts.slack, null, 2)}\n`);
    const embeds = posts.discord.map((b) => ((b['embeds'] ?? []) as unknown[]).length);
    process.stdout.write(`${name}: ${String(digest.built.entries)} entries\n`
      + `  Discord: ${String(posts.discord.length)} message(s), embeds ${embeds.join('+')}, characters ${posts.discord.map(discordChars).join('+')} (limit 6000 per message)\n`
      + `  Slack:   ${String(posts.slack.length)} post(s), blocks ${posts.slack.map((p) => p.blocks.length).join('+')}, characters ${posts.slack.map(slackChars).join('+')}\n`);
  } finally {
    await digest.close();
  }
}

const six = bundledSources();
await run('six', six);
const shared = sharedSource();
if (shared === null) process.stdout.write('eight: skipped (../shared is absent)\n');
else await run('eight', [...six, shared]);
process.stdout.write(`payloads written to ${out}\n`);
