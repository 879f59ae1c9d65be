/**
 * The main job on the embedded default: every digest definition in digests/
 * whose sources are local folders is built and printed to the terminal.
 */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { digestArticle, loadDigestDefinitions, prepareInput, toDigestError, type DigestDefinition } from '../../src/index.ts';
import { writeLine } from './io.ts';
import { renderDigestText } from './render-text.ts';

const ARTICLE_EXTENSIONS = new Set(['.html', '.htm', '.txt']);

async function digestFolder(folder: string, def: DigestDefinition, out: NodeJS.WritableStream, errors: NodeJS.WritableStream): Promise<number> {
  const files = (await readdir(folder)).filter((f) => ARTICLE_EXTENSIONS.has(extname(f).toLowerCase())).sort();
  let posted = 0;
  for (const file of files.slice(0, def.maxArticles)) {
    try {
      const input = prepareInput(new Uint8Array(await readFile(join(folder, file))), file);
      await writeLine(out, renderDigestText(digestArticle(input).digest));
      await writeLine(out, '');
      posted++;
    } catch (err) {
      await writeLine(errors, `skipped ${file}: ${toDigestError(err).message}`);
    }
  }
  return posted;
}

/** Runs every definition in `digestsDir`; resolves with the number of failed definitions. */
export async function runSamples(digestsDir: string, out: NodeJS.WritableStream, errors: NodeJS.WritableStream): Promise<number> {
  let failed = 0;
  for (const loaded of await loadDigestDefinitions(digestsDir)) {
    if (!loaded.ok) {
      failed++;
      await writeLine(errors, `error: ${loaded.error.message}`);
      continue;
    }
    const { definition: def, file } = loaded.value;
    const when = def.schedule ? `${def.schedule.cron} ${def.schedule.timezone}` : 'on demand';
    await writeLine(out, `═══ ${def.title} · ${def.name} · ${when} · ${def.channels.join(', ')}`);
    for (const source of def.sources) {
      if (source.type !== 'folder') {
        await writeLine(out, `(source ${source.type === 'url' ? source.name : 'workspace'}: ${source.type} sources are fetched by the bot, not by the sample run)`);
        continue;
      }
      const folder = resolve(dirname(file), source.path);
      const posted = await digestFolder(folder, def, out, errors);
      await writeLine(out, `─── ${source.name}: ${posted} article(s)`);
    }
  }
  return failed;
}
