/**
 * A message as text, to store with a scheduled run's ledger claim: the run is built once and every posting
 * attempt (a retry, a restart's catch-up) sends the same stored message. The PNG travels as base64; reading
 * checks the shape with zod (the text comes back from the database).
 */
import { z } from 'zod';
import type { Message } from './model.ts';

const linkSchema = z.object({ label: z.string(), url: z.string() });
const sectionSchema = z.object({ heading: z.string().optional(), url: z.string().optional(), lines: z.array(z.string()), links: z.array(linkSchema).optional() });
const imageSchema = z.object({ filename: z.string(), pngBase64: z.string(), alt: z.string(), width: z.number(), height: z.number() });

export const storedMessageSchema = z.object({
  title: z.string(),
  subtitle: z.string().optional(),
  sections: z.array(sectionSchema),
  footer: z.string().optional(),
  ephemeral: z.boolean().optional(),
  image: imageSchema.optional(),
});

export function messageToJson(message: Message): string {
  const { image, ...rest } = message;
  if (image === undefined) return JSON.stringify(rest);
  const { png, ...meta } = image;
  return JSON.stringify({ ...rest, image: { ...meta, pngBase64: Buffer.from(png).toString('base64') } });
}

/** The message back from `messageToJson`'s text; throws a ZodError (or SyntaxError) on anything else. */
export function messageFromJson(text: string): Message {
  const parsed = storedMessageSchema.parse(JSON.parse(text));
  const { image, subtitle, footer, ephemeral, sections, title } = parsed;
  const message: Message = {
    title,
    sections: sections.map((s) => ({
      lines: s.lines,
      ...(s.heading === undefined ? {} : { heading: s.heading }),
      ...(s.url === undefined ? {} : { url: s.url }),
      ...(s.links === undefined ? {} : { links: s.links }),
    })),
    ...(subtitle === undefined ? {} : { subtitle }),
    ...(footer === undefined ? {} : { footer }),
    ...(ephemeral === undefined ? {} : { ephemeral }),
  };
  if (image === undefined) return message;
  const { pngBase64, ...meta } = image;
  return { ...message, image: { ...meta, png: new Uint8Array(Buffer.from(pngBase64, 'base64')) } };
}
