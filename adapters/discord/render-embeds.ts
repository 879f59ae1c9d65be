/**
 * Renders the neutral Message as Discord embeds within Discord's limits.
 * Title → first embed's title; subtitle and sections without heading →
 * description text; sections with a heading → fields (heading as field name);
 * links → markdown `[label](url)` lines; footer → the last embed's footer.
 * A section with a `url` (a digest entry) is an embed of its own: heading as
 * the title linking to the article, lines as its description, so the link
 * always sits with its article.
 * Content is packed in order into embeds, and embeds into messages; nothing is
 * dropped. Only a single line longer than the limit of its place is cut with "…".
 */
import { escapeMarkdown, type APIEmbed } from 'discord.js';
import type { Message, MessageLink, MessageSection } from '../../src/index.ts';
import { fitText, packLines } from '../shared/text-fit.ts';

/** Discord's embed and message limits (characters, as UTF-16 code units like discord.js counts). */
export const DISCORD_LIMITS = {
  title: 256,
  description: 4096,
  fieldName: 256,
  fieldValue: 1024,
  fieldsPerEmbed: 25,
  footer: 2048,
  embedsPerMessage: 10,
  /** Sum over all embeds of a message: title, description, field names and values, footer text, author name. */
  charsPerMessage: 6000,
} as const;

/** The body of one Discord message (interaction reply, follow-up or channel post). */
export interface DiscordPayload {
  embeds: APIEmbed[];
}

const ACCENT = 0x5865f2;
const CONTINUED = ' (cont.)';
const EMPTY_FIELD = '\u200b';
const ESCAPE_ALL = { heading: true, bulletedList: true, numberedList: true, maskedLink: true } as const;

/** Plain text as Discord markdown that shows exactly that text. */
const escape = (text: string): string => escapeMarkdown(text, ESCAPE_ALL);

/** Cuts one line to at most `max` characters, ending in "…" when it was longer; never splits a surrogate pair. */
export function cutLine(text: string, max: number): string {
  return fitText(text, max);
}

function linkLine(link: MessageLink): string {
  const label = escapeMarkdown(link.label).replace(/[[\]]/gu, (ch) => `\\${ch}`);
  const url = link.url.replace(/[()\s]/gu, (ch) => encodeURIComponent(ch).replace('(', '%28').replace(')', '%29'));
  return `[${label}](${url})`;
}

/** A section's text lines: bulleted when there is more than one, then its links. */
function sectionLines(section: MessageSection, max: number): string[] {
  const bullet = section.lines.length > 1 ? '• ' : '';
  return [
    ...section.lines.map((line) => cutLine(`${bullet}${escape(line)}`, max)),
    ...(section.links ?? []).map((link) => cutLine(linkLine(link), max)),
  ];
}

/** Fills embeds in order and starts a new message when a limit would be crossed. */
class EmbedPacker {
  readonly payloads: DiscordPayload[] = [];
  private embed: APIEmbed | null = null;
  /** Characters counted against the 6000 limit in the last payload. */
  private used = 0;

  title(text: string): void {
    if (text === '') return;
    this.open(text.length).title = text;
    this.used += text.length;
  }

  /** Appends a line to the description, after a blank line when `gap`. */
  text(line: string, gap: boolean): void {
    const e = this.embed;
    if (e !== null && e.fields === undefined && e.footer === undefined && e.url === undefined) {
      const before = e.description ?? '';
      const joined = before === '' ? line : `${before}${gap ? '\n\n' : '\n'}${line}`;
      const added = joined.length - before.length;
      if (joined.length <= DISCORD_LIMITS.description && this.used + added <= DISCORD_LIMITS.charsPerMessage) {
        e.description = joined;
        this.used += added;
        return;
      }
    }
    this.open(line.length).description = line;
    this.used += line.length;
  }

  field(name: string, value: string): void {
    const size = name.length + value.length;
    let e = this.embed;
    const fits = e !== null && e.footer === undefined && (e.fields?.length ?? 0) < DISCORD_LIMITS.fieldsPerEmbed
      && this.used + size <= DISCORD_LIMITS.charsPerMessage;
    if (!fits || e === null) e = this.open(size);
    (e.fields ??= []).push({ name, value });
    this.used += size;
  }

  /** An embed of its own whose title links to `url`: a digest entry with its lines, never split from its link. */
  linked(title: string, url: string, description: string): void {
    const need = title.length + description.length;
    Object.assign(this.open(need), { title, url, description });
    this.used += need;
  }

  footer(text: string): void {
    const e = this.embed;
    const target = e !== null && this.used + text.length <= DISCORD_LIMITS.charsPerMessage ? e : this.open(text.length);
    target.footer = { text };
    this.used += text.length;
  }

  /** Opens a new embed, in a new message when the current one is full or lacks `need` characters. */
  private open(need: number): APIEmbed {
    let payload = this.payloads.at(-1);
    if (payload === undefined || payload.embeds.length >= DISCORD_LIMITS.embedsPerMessage || this.used + need > DISCORD_LIMITS.charsPerMessage) {
      payload = { embeds: [] };
      this.payloads.push(payload);
      this.used = 0;
    }
    const embed: APIEmbed = { color: ACCENT };
    payload.embeds.push(embed);
    this.embed = embed;
    return embed;
  }
}

const EMBED_URL = /^https?:\/\/\S+$/u;

function addSection(packer: EmbedPacker, given: MessageSection): void {
  let section = given;
  if (section.url !== undefined && EMBED_URL.test(section.url) && section.url.length <= 2048) {
    const title = cutLine(section.heading === undefined || section.heading === '' ? section.url : section.heading, DISCORD_LIMITS.title);
    const texts = packLines(sectionLines(section, DISCORD_LIMITS.description), DISCORD_LIMITS.description);
    if (texts.length <= 1) {
      packer.linked(title, section.url, texts[0] ?? EMPTY_FIELD);
      return;
    }
    // Longer than one description: the heading's field layout, its link first so it stays with the article.
    const { url, ...rest } = section;
    section = { ...rest, links: [{ label: title, url }, ...(section.links ?? [])] };
  }
  if (section.heading === undefined) {
    sectionLines(section, DISCORD_LIMITS.description).forEach((line, i) => packer.text(line, i === 0));
    return;
  }
  const values = packLines(sectionLines(section, DISCORD_LIMITS.fieldValue), DISCORD_LIMITS.fieldValue);
  const heading = section.heading === '' ? EMPTY_FIELD : section.heading;
  const continued = `${cutLine(heading, DISCORD_LIMITS.fieldName - CONTINUED.length)}${CONTINUED}`;
  (values.length === 0 ? [EMPTY_FIELD] : values).forEach((value, i) => {
    packer.field(i === 0 ? cutLine(heading, DISCORD_LIMITS.fieldName) : continued, value);
  });
}

export interface RenderEmbedsOptions {
  /**
   * Show the message's image (the key-figures chart) in the first embed as `attachment://<filename>`;
   * the sender must then attach the file to the first payload. @defaultValue false
   */
  withImage?: boolean;
}

/**
 * Renders a Message as one or more Discord message payloads, in order, each
 * within every embed and message limit.
 * @returns at least one payload with at least one embed.
 */
export function renderEmbeds(message: Message, options: RenderEmbedsOptions = {}): DiscordPayload[] {
  const packer = new EmbedPacker();
  packer.title(cutLine(message.title, DISCORD_LIMITS.title));
  if (message.subtitle !== undefined && message.subtitle !== '') {
    packer.text(cutLine(escape(message.subtitle), DISCORD_LIMITS.description), false);
  }
  for (const section of message.sections) addSection(packer, section);
  if (message.footer !== undefined && message.footer !== '') packer.footer(cutLine(message.footer, DISCORD_LIMITS.footer));
  if (packer.payloads.length === 0) packer.text(EMPTY_FIELD, false);
  const first = packer.payloads[0]?.embeds[0];
  if (options.withImage === true && message.image !== undefined && first !== undefined) first.image = { url: `attachment://${message.image.filename}` };
  return packer.payloads;
}
