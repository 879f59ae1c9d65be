/**
 * Whether two articles tell the same story, for grouping them into one digest entry. Titles must share most of
 * their words AND agree on their main entities: the names (capitalized words), tickers (all capitals) and
 * numbers in them; neither may name something the other lacks while lacking something the other names. Template titles that differ only in the company ("Acme reports quarterly results" and
 * "Globex reports quarterly results") share most words but no entity, so they stay apart.
 */

const WORD = /[\p{L}\p{N}][\p{L}\p{N}.,%$€£-]*/gu;
/** Title similarity (Jaccard of words) from which two articles may be the same story. */
const SAME_WORDS = 0.6;

/** Capitalized words that name nothing (articles, pronouns, question words opening a title). */
const FUNCTION_WORDS = new Set([
  'a', 'an', 'the', 'this', 'these', 'that', 'why', 'how', 'what', 'who', 'when', 'where', 'in', 'on', 'at', 'for', 'after', 'as',
  'der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'wie', 'was', 'wer', 'warum', 'im', 'am', 'nach',
]);

/** The words and main entities of a title, as compared by {@link sameStory}. */
export interface StoryKey {
  words: Set<string>;
  entities: Set<string>;
}

function isEntity(token: string): boolean {
  if (/\p{N}/u.test(token)) return true;
  const first = token.charAt(0);
  return first !== first.toLowerCase() && !FUNCTION_WORDS.has(token.toLowerCase());
}

/** The comparison key of a title: its words of three or more characters, and its entities (names, tickers, numbers). */
export function storyKey(title: string | null): StoryKey {
  const tokens = (title ?? '').match(WORD) ?? [];
  const trimmed = tokens.map((t) => t.replace(/[.,-]+$/u, '')).filter((t) => t !== '');
  return {
    words: new Set(trimmed.filter((t) => t.length >= 3 || /\p{N}/u.test(t)).map((t) => t.toLowerCase())),
    entities: new Set(trimmed.filter(isEntity).map((t) => t.toLowerCase())),
  };
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

function hasOwn(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const e of a) if (!b.has(e)) return true;
  return false;
}

/**
 * Whether two titles' keys are the same story: most words shared and the main entities agreeing. They disagree
 * when each title names something the other does not (Acme / Globex, 2.4 % / 3.1 %); a title that only adds a
 * name to the other's ("Nordlicht senkt Prognose", "Nordlicht Halbleiter senkt Prognose") agrees.
 */
export function sameStory(a: StoryKey, b: StoryKey): boolean {
  if (jaccard(a.words, b.words) < SAME_WORDS) return false;
  return !(hasOwn(a.entities, b.entities) && hasOwn(b.entities, a.entities));
}
