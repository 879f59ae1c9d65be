/**
 * htmlparser2 with a bound on open elements. htmlparser2 keeps its open elements in an array that it
 * unshifts on every start tag and searches on every end tag, so each tag costs time proportional to the
 * nesting depth: 100,000 nested `<div>`s (1 MB) took seconds, a 5 MB page of them minutes, all of it
 * blocking the event loop. {@link parseHtml} stops the parser once more than {@link MAX_OPEN_ELEMENTS}
 * elements are open and continues with a fresh parser on the rest of the markup.
 *
 * The elements the stopped parser left open are kept (names only, with a count per name). The fresh parser
 * does not know them, so their end tags reach it as stray end tags; such an end tag closes, as htmlparser2
 * would, everything open inside the matching kept element and the element itself. Without this, a broken
 * but real page (a long list of `<li><a>` items without `</a>`, where each item nests one level deeper)
 * read everything after the list as link text of the deepest item. Every kept element is closed once, and
 * each end tag costs one map lookup, so work stays linear in the size of the markup.
 */
import { Parser, type Handler, type ParserOptions } from 'htmlparser2';

/** Open elements beyond which parsing continues with a fresh parser (real pages stay far below it). */
export const MAX_OPEN_ELEMENTS = 1000;

/** Elements whose content the tokenizer reads as raw text: a restart right after one would parse that text as markup. */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'noscript']);

/** A stack of element names (innermost last) with O(1) membership by name. */
class OpenNames {
  readonly names: string[] = [];
  private readonly counts = new Map<string, number>();

  get size(): number {
    return this.names.length;
  }

  has(name: string): boolean {
    return this.counts.has(name);
  }

  push(name: string): void {
    this.names.push(name);
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  pop(): string | undefined {
    const name = this.names.pop();
    if (name === undefined) return undefined;
    const count = this.counts.get(name) ?? 1;
    if (count <= 1) this.counts.delete(name);
    else this.counts.set(name, count - 1);
    return name;
  }

  /** Pops every name, innermost first, reporting each as an implied close. */
  closeAll(handler: Partial<Handler>): void {
    for (let name = this.pop(); name !== undefined; name = this.pop()) handler.onclosetag?.(name, true);
  }
}

/** The state of one parse: the current run's markup and open elements, and the elements kept from earlier runs. */
class ParseState {
  /** Where the rest of the markup starts when the current run stopped early; -1 while it has not. */
  cutAt = -1;
  /** The markup of the current run, given to the parser in one chunk (tokenizer offsets index into it). */
  source = '';
  /** Elements open in the current run, as the handler saw them. */
  own = new OpenNames();
  /** Elements left open by stopped runs, outermost first. */
  readonly kept = new OpenNames();
  parser: Parser | null = null;

  constructor(
    readonly handler: Partial<Handler>,
    private readonly maxOpen: number,
  ) {}

  /** The handler's callbacks plus the bookkeeping of open elements. */
  callbacks(): Partial<Handler> {
    const { handler } = this;
    return {
      ...handler,
      onopentag: (name, attrs, implied) => {
        handler.onopentag?.(name, attrs, implied);
        this.own.push(name);
        if (this.own.size > this.maxOpen && this.cutAt < 0 && !RAW_TEXT.has(name)) this.stop((this.parser?.endIndex ?? 0) + 1);
      },
      onclosetag: (name, implied) => {
        this.own.pop();
        handler.onclosetag?.(name, implied);
      },
      onend: () => {
        this.kept.closeAll(handler);
        handler.onend?.();
      },
      onreset: () => {
        // A restart is not a reset of the document.
      },
    };
  }

  stop(cutAt: number): void {
    this.cutAt = cutAt;
    this.parser?.pause();
  }
}

/**
 * htmlparser2 that stops when too many elements are open, and when an end tag of a kept element arrives while
 * elements of its own are open (htmlparser2's stack cannot be popped from outside). {@link parseHtml} then
 * resets it (cheaper than a new parser) and feeds it the rest of the markup.
 */
class BoundedParser extends Parser {
  private readonly lowerCase: boolean;

  constructor(
    private readonly state: ParseState,
    options: ParserOptions,
  ) {
    super(state.callbacks(), options);
    state.parser = this;
    this.lowerCase = options.lowerCaseTags ?? options.xmlMode !== true;
  }

  /** Tokenizer callback for an end tag: ends kept elements that htmlparser2 would drop as stray. */
  override onclosetag(start: number, endIndex: number): void {
    const { state } = this;
    const raw = state.source.slice(start, endIndex);
    const name = this.lowerCase ? raw.toLowerCase() : raw;
    if (state.own.has(name) || !state.kept.has(name)) {
      super.onclosetag(start, endIndex);
      return;
    }
    this.endIndex = endIndex;
    if (state.own.size > 0) {
      // htmlparser2 would report these closed again at its end: continue after a reset instead.
      state.own.closeAll(state.handler);
      state.stop(endIndex + 1);
    }
    for (let open = state.kept.pop(); open !== undefined; open = state.kept.pop()) {
      state.handler.onclosetag?.(open, open !== name);
      if (open === name) break;
    }
    this.startIndex = endIndex + 1;
  }
}

/**
 * Parses `html` with htmlparser2, calling `handler` as {@link Parser} would, with at most `maxOpen` open
 * elements per parser run (see the module comment).
 * @param maxOpen - open elements before a restart. @defaultValue MAX_OPEN_ELEMENTS
 */
export function parseHtml(html: string, handler: Partial<Handler>, options: ParserOptions, maxOpen = MAX_OPEN_ELEMENTS): void {
  const state = new ParseState(handler, maxOpen);
  const parser = new BoundedParser(state, options);
  let rest = html;
  for (;;) {
    state.source = rest;
    parser.end(rest);
    if (state.cutAt < 0) return;
    for (const name of state.own.names) state.kept.push(name);
    rest = rest.slice(state.cutAt);
    state.cutAt = -1;
    state.own = new OpenNames();
    parser.reset();
  }
}
