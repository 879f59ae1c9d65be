import { describe, expect, it } from 'vitest';
import { digestMaterial } from '../../../src/digesting/article-digester.ts';
import { workerMessageSchema } from '../../../src/digesting/worker-protocol.ts';

const material = {
  bytes: new TextEncoder().encode('Der Gewinn stieg um 43 Prozent auf 2,6 Milliarden Euro. Die Prognose wurde nicht gesenkt. Der Konzern beschäftigt rund 320.000 Mitarbeiter.'),
  contentType: 'text/plain; charset=utf-8', url: undefined, name: 'note.txt',
};

describe('workerMessageSchema', () => {
  it('given a digest reply with the article\'s sentence split, then it is read with the split intact', () => {
    const parsed = workerMessageSchema.parse({ type: 'digest', id: 3, ...digestMaterial(material) });
    expect(parsed.type === 'digest' && parsed.text.rules).toBe('de');
    expect(parsed.type === 'digest' && parsed.text.sentences[0]).toBe('Der Gewinn stieg um 43 Prozent auf 2,6 Milliarden Euro.');
  });

  it('given a digest reply without the split or with unknown rules, then it is refused', () => {
    const { digest, text } = digestMaterial(material);
    expect(workerMessageSchema.safeParse({ type: 'digest', id: 3, digest }).success).toBe(false);
    expect(workerMessageSchema.safeParse({ type: 'digest', id: 3, digest, text: { ...text, rules: 'fr' } }).success).toBe(false);
  });
});
