/** The short health line a digest ends with when sources are failing, instead of error spam. */
import type { SourceRecord } from '../store/port.ts';

export interface FailingSource {
  name: string;
  error: string;
  /** When its failures began, when known. */
  since: string | null;
}

export function failingFromRecords(sources: readonly SourceRecord[]): FailingSource[] {
  return sources
    .filter((s) => s.errorCount > 0 || s.pausedReason !== null)
    .map((s) => ({ name: s.name, error: s.pausedReason ?? s.lastError ?? 'failing', since: s.failingSince ?? s.lastErrorAt }));
}

/**
 * "2 sources failing since Tue 24 Nov: Heise (HTTP 503); Blog (paused after 8 failures …)", or null when all are healthy.
 * `since` is the earliest start among them, in the digest's time zone.
 */
export function healthLine(failing: readonly FailingSource[], language: 'de' | 'en', timeZone: string): string | null {
  if (failing.length === 0) return null;
  const starts = failing.flatMap((f) => (f.since === null ? [] : [Date.parse(f.since)])).filter(Number.isFinite);
  const since = starts.length === 0 ? '' : new Date(Math.min(...starts)).toLocaleDateString(language === 'de' ? 'de-DE' : 'en-GB', {
    timeZone, weekday: 'short', day: 'numeric', month: 'short',
  });
  const n = failing.length;
  const head = language === 'de'
    ? `${String(n)} ${n === 1 ? 'Quelle' : 'Quellen'} mit Fehlern${since === '' ? '' : ` seit ${since}`}`
    : `${String(n)} ${n === 1 ? 'source' : 'sources'} failing${since === '' ? '' : ` since ${since}`}`;
  const shorten = (s: string): string => (s.length > 120 ? `${s.slice(0, 119)}…` : s);
  return `${head}: ${failing.map((f) => `${f.name} (${shorten(f.error)})`).join('; ')}`;
}
