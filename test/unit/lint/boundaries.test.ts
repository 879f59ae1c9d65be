/**
 * The import boundaries in eslint.config.js fire: each fixture under test/fixtures/lint/ is linted with the
 * project's own configuration as if it were the file named on its `// lint-as:` line (so the rules see its
 * folder), and must give exactly the rule ids and messages listed here; the control fixture (an adapter
 * importing src/index.ts) gives none. The two cycle fixtures are linted where they are.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..', '..', '..');
const fixtures = join(root, 'test', 'fixtures', 'lint');
// The fixtures are linted under paths that do not exist, which the type-aware rules (they need the file in the
// TypeScript project) cannot read: those are switched off here; they have nothing to do with the boundaries.
const eslint = new ESLint({
  cwd: root,
  ignore: false,
  overrideConfig: [{
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: false } },
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-misused-promises': 'off', '@typescript-eslint/await-thenable': 'off' },
  }],
});

/** The boundary findings (rule id and message) for a fixture linted as the file on its `// lint-as:` line. */
async function findings(fixture: string): Promise<{ rule: string | null; message: string }[]> {
  const text = readFileSync(join(fixtures, fixture), 'utf8');
  const as = /^\/\/ lint-as: (\S+)/u.exec(text)?.[1];
  if (as === undefined) throw new Error(`${fixture} has no lint-as line`);
  const [result] = await eslint.lintText(text, { filePath: join(root, as) });
  return (result?.messages ?? []).map((m) => ({ rule: m.ruleId, message: m.message }));
}

const CASES: { fixture: string; rule: string; message: RegExp }[] = [
  { fixture: 'engine-deep-imports-store.ts', rule: 'import-x/no-restricted-paths', message: /engine imports nothing outside src\/engine/u },
  { fixture: 'engine-deep-imports-scheduler.ts', rule: 'import-x/no-restricted-paths', message: /engine imports nothing outside src\/engine/u },
  { fixture: 'engine-imports-discord-adapter.ts', rule: 'import-x/no-restricted-paths', message: /engine imports nothing outside src\/engine/u },
  { fixture: 'engine-imports-core-errors.ts', rule: 'import-x/no-restricted-paths', message: /engine imports nothing outside src\/engine/u },
  { fixture: 'risks-imports-summarize.ts', rule: 'import-x/no-restricted-paths', message: /share text helpers through src\/engine\/text\//u },
  { fixture: 'summarize-imports-risks.ts', rule: 'import-x/no-restricted-paths', message: /share text helpers through src\/engine\/text\//u },
  { fixture: 'text-imports-summarize.ts', rule: 'import-x/no-restricted-paths', message: /src\/engine\/text\/ is neutral/u },
  { fixture: 'engine-imports-fs.ts', rule: 'no-restricted-imports', message: /engine is pure: no I\/O/u },
  { fixture: 'src-imports-adapters.ts', rule: 'import-x/no-restricted-paths', message: /src\/ never imports adapters\//u },
  { fixture: 'src-imports-chat-sdk.ts', rule: 'no-restricted-imports', message: /platform-neutral/u },
  { fixture: 'adapter-imports-config.ts', rule: 'import-x/no-restricted-paths', message: /only through src\/index\.ts/u },
  { fixture: 'adapter-imports-errors.ts', rule: 'import-x/no-restricted-paths', message: /only through src\/index\.ts/u },
  { fixture: 'discord-imports-slack.ts', rule: 'import-x/no-restricted-paths', message: /Discord and Slack never import each other/u },
  { fixture: 'slack-imports-discord.ts', rule: 'import-x/no-restricted-paths', message: /Discord and Slack never import each other/u },
  { fixture: 'commands-import-bot.ts', rule: 'import-x/no-restricted-paths', message: /src\/commands imports only lower layers/u },
  { fixture: 'sources-import-digests.ts', rule: 'import-x/no-restricted-paths', message: /src\/sources imports only lower layers/u },
  { fixture: 'store-imports-sources.ts', rule: 'import-x/no-restricted-paths', message: /src\/store imports only lower layers/u },
];

// Linting resolves and parses the imported modules (no-cycle): seconds per fixture on a busy machine.
describe('eslint.config.js import boundaries', { timeout: 60_000 }, () => {
  for (const { fixture, rule, message } of CASES) {
    it(`given ${fixture}, then ${rule} fires with its message`, async () => {
      const got = await findings(fixture);
      expect(got.length).toBeGreaterThan(0);
      expect(got.some((f) => f.rule === rule && message.test(f.message)), JSON.stringify(got)).toBe(true);
      // Only boundary rules fire: a fixture proves one rule, not a typo.
      expect(got.every((f) => f.rule === 'import-x/no-restricted-paths' || f.rule === 'no-restricted-imports'), JSON.stringify(got)).toBe(true);
    });
  }

  it('given an adapter importing the core through src/index.ts, then no rule fires', async () => {
    expect(await findings('adapter-imports-index.ts')).toEqual([]);
  });

  it('given two modules importing each other, then import-x/no-cycle fires on both', async () => {
    const results = await eslint.lintFiles([join(fixtures, 'cycle', 'a.ts'), join(fixtures, 'cycle', 'b.ts')]);
    for (const result of results) expect(result.messages.map((m) => m.ruleId)).toEqual(['import-x/no-cycle']);
  });

  it('given the real source tree, then the boundary and cycle rules apply to src/ and adapters/ at every depth', async () => {
    for (const file of ['src/engine/extract/html/tree.ts', 'src/bot/create-bot.ts', 'adapters/slack/start-slack.ts']) {
      const config = await eslint.calculateConfigForFile(join(root, file)) as { rules: Record<string, unknown[]> };
      expect(config.rules['import-x/no-restricted-paths']?.[0], file).toBe(2);
      expect(config.rules['import-x/no-cycle']?.[0], file).toBe(2);
    }
  });
});
