import { describe, expect, it } from 'vitest';
import { spawnCli } from '../../helpers/cli-runs.ts';
import { GERMAN_ARTICLE } from './article.ts';

describe('digestbot ground --jsonl', () => {
  it('given summaries with and without ids, then each line gets its sentences with supported and problems, no model involved', async () => {
    const lines = [
      { id: 'ok', source: GERMAN_ARTICLE, summary: 'Siemens steigerte den Gewinn um 43 Prozent. Die Prognose wurde nicht gesenkt.' },
      { id: 'bad', source: GERMAN_ARTICLE, summary: 'Der Gewinn stieg um 34 Prozent auf 2,6 Mio. Euro.' },
      { id: 'ids', source: GERMAN_ARTICLE, summary: [{ text: 'Profit rose 43 percent.', sources: [0] }] },
      { id: 'broken', summary: 'x' },
    ].map((l) => JSON.stringify(l)).join('\n');
    const r = await spawnCli(['ground', '--jsonl'], { stdin: `${lines}\nnot json\n`, env: { LLM_BASE_URL: '' } });
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; error?: string; sentences?: { text: string; supported: boolean; problems: { kind: string; text: string }[] }[] });
    expect(out.map((o) => o.id)).toEqual(['ok', 'bad', 'ids', 'broken', '']);
    expect(out[0]?.sentences?.map((s) => s.supported)).toEqual([true, true]);
    expect(out[1]?.sentences?.[0]?.problems).toEqual([{ kind: 'number', text: '34 Prozent' }, { kind: 'number', text: '2,6 Mio. Euro' }]);
    expect(out[2]?.sentences?.[0]).toMatchObject({ supported: false, problems: [{ kind: 'number', text: '43 percent' }] });
    expect(out[3]?.error).toMatch(/source/u);
    expect(out[4]?.error).toMatch(/not valid JSON/u);
    expect(r.stderr).toContain('2 line(s) failed');
  });
});
