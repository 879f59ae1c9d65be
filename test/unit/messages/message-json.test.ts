import { describe, expect, it } from 'vitest';
import { messageFromJson, messageToJson } from '../../../src/messages/message-json.ts';
import type { Message } from '../../../src/messages/model.ts';

const CHARTED: Message = {
  title: 'Morgen', subtitle: '20. Nov · late: scheduled for 2026-11-20T06:30:00.000Z', footer: '2 sources ok',
  sections: [{ heading: 'Zinsen', url: 'https://example.org/zinsen', lines: ['Leitzins bei 4,5 %.'], links: [{ label: 'Artikel', url: 'https://example.org/a' }] }, { lines: ['ohne Überschrift'] }],
  image: { filename: 'figures.png', png: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 255]), alt: 'Kennzahlen', width: 640, height: 200 },
};

describe('messageToJson / messageFromJson', () => {
  it('given a message with sections, links and a PNG, then it comes back equal, bytes included', () => {
    const back = messageFromJson(messageToJson(CHARTED));
    expect(back).toEqual(CHARTED);
    expect(back.image?.png).toBeInstanceOf(Uint8Array);
  });

  it('given a plain message, then no optional field appears that was not there', () => {
    const plain: Message = { title: 'T', sections: [] };
    expect(messageFromJson(messageToJson(plain))).toStrictEqual(plain);
  });

  it('given text that is not a stored message, then reading it throws', () => {
    expect(() => messageFromJson('{"title": 3, "sections": []}')).toThrow();
    expect(() => messageFromJson('not json')).toThrow();
  });
});
