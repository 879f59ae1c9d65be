/**
 * Labels for the bundled samples (definitions with `sample: true`): whatever shows a sample article says so,
 * so fiction is never taken for news.
 */
import type { Digest } from '../engine/schema.ts';
import type { Message } from '../messages/model.ts';
import type { DigestDefinition } from './definition.ts';

const NOTE = {
  de: { head: 'Beispielartikel, keine echten Nachrichten', foot: 'Eigene Quellen: /sources add <url> – danach verschwinden die Beispiele.', mark: 'Beispiel' },
  en: { head: 'sample articles, not real news', foot: 'Add your own sources with /sources add <url>; the samples then disappear.', mark: 'sample' },
} as const;

/** A sample definition's message, marked as samples in its subtitle and footer; other messages unchanged. */
export function labelSampleMessage(message: Message, def: Pick<DigestDefinition, 'sample' | 'language'>): Message {
  if (!def.sample) return message;
  const note = NOTE[def.language];
  return {
    ...message,
    subtitle: message.subtitle === undefined ? note.head : `${note.head} · ${message.subtitle}`,
    footer: message.footer === undefined ? note.foot : `${message.footer}\n${note.foot}`,
  };
}

/** A digest of a sample article, its title marked (how `/figures` and `/risks` show it). */
export function labelSampleDigest(digest: Digest, def: Pick<DigestDefinition, 'sample' | 'language'>): Digest {
  if (!def.sample) return digest;
  return { ...digest, title: `${digest.title ?? ''} (${NOTE[def.language].mark})`.trim() };
}
