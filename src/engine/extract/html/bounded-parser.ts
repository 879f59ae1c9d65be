/**
 * htmlparser2 with a bound on open elements. htmlparser2 keeps its open elements in an array that it
 * unshifts on every start tag and searches on every end tag, so each tag costs time proportional to the
 * nesting depth: 100,000 nested `<div>`s (1 MB) took seconds, a 5 MB page of them minutes, all of it
 * blocking the event loop. {@link parseHtml} stops the parser once more than {@link MAX_OPEN_ELEMENTS}
 * elements are open and continues with a fresh parser on the rest of the markup. The callbacks see the
 * deep elements stay open (their end tags reach the fresh parser as stray end tags, which it drops), so
 * markup below that depth is read as content of the deepest element; work per tag stays bounded.
 */
import { Parser, type Handler, type ParserOptions } from 'htmlparser2';

/** Open elements beyond which parsing continues with a fresh parser (real pages stay far below it). */
export const MAX_OPEN_ELEMENTS = 1000;

/** Elements whose content the tokenizer reads as raw text: a restart right after one would parse that text as markup. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'noscript']);

/**
 * Parses `html` with htmlparser2, calling `handler` as {@link Parser} would, with at most `maxOpen` open
 * elements per parser (see the module comment).
 * @param maxOpen - open elements before a restart. @defaultValue MAX_OPEN_ELEMENTS
 */
export function parseHtml(html: string, handler: Partial<Handler>, options: ParserOptions, maxOpen = MAX_OPEN_ELEMENTS): void {
  let rest = html;
  for (;;) {
    let open = 0;
    let cutAt = -1;
    const parser: Parser = new Parser({
      ...handler,
      onopentag(name, attrs, implied) {
        handler.onopentag?.(name, attrs, implied);
        open++;
        if (open > maxOpen && cutAt < 0 && !RAW_TEXT.has(name)) {
          cutAt = parser.endIndex + 1;
          parser.pause();
        }
      },
      onclosetag(name, implied) {
        open--;
        handler.onclosetag?.(name, implied);
      },
    }, options);
    parser.end(rest);
    if (cutAt < 0) return;
    rest = rest.slice(cutAt);
  }
}
