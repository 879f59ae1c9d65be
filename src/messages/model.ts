/**
 * The neutral message model every command and digest produces. Adapters
 * render it (Discord embeds, Slack blocks, console text); nothing here knows
 * a platform's shapes or limits.
 */

export interface MessageLink {
  label: string;
  url: string;
}

export interface MessageSection {
  heading?: string;
  /**
   * Where the heading links to (a digest entry's article). Renderers show the heading as that link and keep the
   * section's lines and links together with it (never split from it). @defaultValue none
   */
  url?: string;
  /** Plain lines (bullets are the renderer's choice). */
  lines: string[];
  links?: MessageLink[];
}

/** A picture that goes with a message (the key-figures chart). */
export interface MessageImage {
  /** File name to attach it as, e.g. `figures.png`. */
  filename: string;
  /** The PNG file's bytes. */
  png: Uint8Array;
  /** What the picture shows, as text (alt text, screen readers, platforms without images). */
  alt: string;
  width: number;
  height: number;
}

export interface Message {
  title: string;
  /** A short line under the title (date, sources, "late" notice). */
  subtitle?: string;
  sections: MessageSection[];
  /** A closing line, e.g. the source health summary. */
  footer?: string;
  /** Whether only the asking user should see it (chat replies). */
  ephemeral?: boolean;
  /** A picture to attach (only digests whose definition asks for a chart). @defaultValue none */
  image?: MessageImage;
}

/** Where messages go: one implementation per chat platform (adapters/). */
export interface MessagePublisher {
  /**
   * Posts a message to a channel (`platform:id`). `idempotencyKey` is the same
   * for every attempt of one scheduled run, so a platform that supports it
   * (Discord nonces) drops a repeat after a crash between post and ledger.
   * @returns a reference to the posted message, when the platform gives one, and optionally `onRecorded`:
   * the delivery calls it once the ledger has recorded the post, to start follow-up work that must neither
   * delay the post nor be repeated with it (Slack's chart upload). It returns at once and never throws.
   */
  publish(channel: string, message: Message, idempotencyKey: string): Promise<{ ref: string | null; onRecorded?: () => void }>;
  /**
   * The workspace a channel belongs to (`discord:<guild>`), or null when the platform does not know the
   * channel. Platforms where every channel the bot can post to is in the one workspace leave it out.
   */
  workspaceOf?(channel: string): Promise<string | null>;
}
