/**
 * `digestbot digest <path|url|-> --lang de|en|article`: the digest with a
 * model-written summary (LLM_BASE_URL must be set). With --json the output
 * carries the summary and each model sentence's grounding result; as text the
 * summary is marked model-written. Cache and token budget live in the store
 * (workspace `console:local`), the one DATABASE_URL names, as the bot's.
 */
import {
  createConfiguredLlm, openStore, silentLogger, summarizeInput, summaryHeading, systemClock,
  type DigestInput, type LlmConfig, type StoreConfig,
} from '../../src/index.ts';
import { writeLine, type CliIo } from './io.ts';
import { renderDigestText } from './render-text.ts';

export interface LlmDigestOptions {
  llm: LlmConfig;
  /** The bot's store (DATABASE_URL: SQLite under DATA_DIR, or PostgreSQL): the LLM cache and token budget live there. */
  store: StoreConfig;
  language: 'de' | 'en' | 'article';
  json: boolean;
}

export async function runLlmDigest(io: CliIo, input: DigestInput, options: LlmDigestOptions): Promise<number> {
  const store = await openStore(options.store);
  try {
    const llm = createConfiguredLlm(options.llm, store, systemClock, silentLogger);
    if (llm === null) throw new Error('the store keeps no LLM ledger');
    const { digest, summary } = await summarizeInput(llm, input, 'console:local', options.language);
    if (options.json) {
      const out = { ...digest, summary: summary.sentences, summaryKind: summary.kind, summaryLanguage: summary.language, summaryGrounding: summary.grounding, ...(summary.reason === undefined ? {} : { summaryFallback: summary.reason }) };
      await writeLine(io.stdout, JSON.stringify(out, null, 2));
    } else {
      const text = renderDigestText({ ...digest, summary: summary.sentences }, summary.language === 'de' ? 'de' : 'en');
      await writeLine(io.stdout, `${summaryHeading(summary, summary.language === 'de')}${summary.reason === undefined ? '' : ` (${summary.reason})`}\n${text}`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
