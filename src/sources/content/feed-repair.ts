/**
 * Repairs of feed text that real feeds need before feedsmith can read them. Each one is narrow and
 * only touches what it names:
 * - an RSS or Atom root element with a namespace prefix (`<r:rss xmlns:r="…">`): the prefix of that root's
 *   namespace is taken off every element, so the feed reads as plain RSS or Atom;
 * - Atom text constructs with `mode="base64"` (Atom 0.3, and feeds that kept the attribute in 1.0): the
 *   content is decoded from base64 (UTF-8) and written back escaped.
 */

/** Prolog items that may stand before the root element: XML declaration, processing instructions, comments, doctype. */
const PROLOG = String.raw`(?:\s*(?:<\?[^>]*\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>))*\s*`;
/** A root `rss` or `feed` element with a prefix (not `rdf:RDF`, whose prefix is how RDF feeds are written). */
const PREFIXED_ROOT = new RegExp(`^${PROLOG}<([A-Za-z_][\\w.-]*):(?:rss|feed)(?=[\\s/>])`, 'u');

/** Takes the namespace prefix of a prefixed RSS or Atom root off every element of the feed. */
export function unprefixRoot(xml: string): string {
  const prefix = PREFIXED_ROOT.exec(xml)?.[1];
  if (prefix === undefined || prefix === 'xml' || prefix === 'xmlns') return xml;
  const escaped = prefix.replace(/[.-]/gu, (c) => `\\${c}`);
  return xml.replace(new RegExp(`<(/?)${escaped}:`, 'gu'), '<$1');
}

/** An element whose attributes say `mode="base64"`, with text content only. */
const BASE64_ELEMENT = /<([A-Za-z_][\w.:-]*)(\s[^<>]*?)\s*>([^<]*)<\/\1\s*>/gu;
const BASE64_MODE = /\smode\s*=\s*(["'])base64\1/u;
const BASE64_TEXT = /^[A-Za-z0-9+/=\s]*$/u;
const XML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

function decodeBase64(text: string): string | null {
  const compact = text.replace(/\s+/gu, '');
  if (!BASE64_TEXT.test(compact) || compact === '') return null;
  try {
    const binary = atob(compact);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not base64 after all, or not UTF-8 text: the element is left as it is.
    return null;
  }
}

/** Decodes the content of every `mode="base64"` element and drops the attribute. */
export function decodeBase64Elements(xml: string): string {
  if (!xml.includes('base64')) return xml;
  return xml.replace(BASE64_ELEMENT, (whole, name: string, attrs: string, content: string) => {
    if (!BASE64_MODE.test(attrs)) return whole;
    const decoded = decodeBase64(content);
    if (decoded === null) return whole;
    const escaped = decoded.replace(/[&<>]/gu, (c) => XML_ESCAPES[c] ?? c);
    return `<${name}${attrs.replace(BASE64_MODE, '')}>${escaped}</${name}>`;
  });
}
