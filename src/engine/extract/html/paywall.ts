/**
 * Evidence that a page shows only a teaser of a paid article: paywall markup,
 * JSON-LD `isAccessibleForFree: false`, a subscribe prompt in the text.
 * Furniture removed from the article text is searched too: that is where
 * paywall notices live.
 */
import type { El } from './tree.ts';
import { PAYWALL } from '../text-furniture.ts';

const PAYWALL_CLASS = /(?:^|[\s_-])(?:paywall|paywalled|piano-?(?:offer|paywall)|paid-?content|premium-?(?:content|article|teaser)|subscriber-?only|subscription-?wall|metered|regwall|locked-?content|plus-?teaser)(?=$|[\s_-])/u;
/** Longest text checked for a subscribe prompt. */
const PROMPT_MAX_CHARS = 300;
const MAX_HINTS = 4;
/** Site chrome whose "subscribe" links are offers, not evidence that this article is locked. */
const CHROME_TAGS = new Set(['a', 'nav', 'header', 'footer', 'button', 'menu']);
const SPACE_RUN = /\s+/gu;

function scan(el: El, hints: string[], seen: Set<string>, inChrome: boolean): void {
  if (hints.length >= MAX_HINTS) return;
  if (el.cls !== '') {
    const m = PAYWALL_CLASS.exec(el.cls);
    if (m !== null) {
      const name = m[0].trim().replace(/^[-_]/u, '');
      const hint = `paywall markup: class "${name}"`;
      if (!seen.has(hint)) {
        seen.add(hint);
        hints.push(hint);
      }
    }
  }
  const chrome = inChrome || CHROME_TAGS.has(el.tag);
  for (const child of el.children) {
    if (typeof child !== 'string') {
      scan(child, hints, seen, chrome);
      continue;
    }
    if (chrome || child.length > PROMPT_MAX_CHARS || seen.has('prompt')) continue;
    if (PAYWALL.test(child)) {
      seen.add('prompt');
      const text = child.replace(SPACE_RUN, ' ').trim();
      hints.push(`subscribe prompt: "${text.length > 60 ? `${text.slice(0, 60)}…` : text}"`);
    }
  }
}

/** Paywall evidence found on the page, most specific first. */
export function findPaywallHints(body: El, accessibleForFree: boolean | null): string[] {
  const hints: string[] = [];
  if (accessibleForFree === false) hints.push('JSON-LD isAccessibleForFree=false');
  scan(body, hints, new Set(), false);
  return hints;
}
