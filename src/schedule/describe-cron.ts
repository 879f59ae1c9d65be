/**
 * A five-field cron expression in words, for the common shapes: "every 30 minutes", "every hour at :15",
 * "every day at 07:30", "weekdays at 08:00", "Mondays and Thursdays at 07:00 and 12:00", "on day 1 of every
 * month at 06:00". Anything else (month lists, steps in hours with lists, …) gives null: the caller shows the
 * raw expression with its next runs.
 */

const DAY_NAMES = ['Sundays', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays'];
const DAY_WORDS: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

/** A number field's values (`7`, `7,12`, `1-5`), or null for anything else. */
function values(field: string, max: number): number[] | null {
  const out: number[] = [];
  for (const part of field.toLowerCase().split(',')) {
    const range = /^(\w+)(?:-(\w+))?$/u.exec(part);
    if (range === null) return null;
    const from = DAY_WORDS[range[1] ?? ''] ?? Number(range[1]);
    const to = range[2] === undefined ? from : DAY_WORDS[range[2]] ?? Number(range[2]);
    if (!Number.isInteger(from) || !Number.isInteger(to) || from > to || to > max) return null;
    for (let v = from; v <= to; v++) out.push(v);
  }
  return [...new Set(out)].sort((a, b) => a - b);
}

const pad = (n: number): string => String(n).padStart(2, '0');

function joinWords(words: readonly string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1) ?? ''}`;
}

/** The days part: "every day", "weekdays", "weekends", "Mondays and Thursdays", "on day 1 of every month". */
function daysWords(dom: string, dow: string): string | null {
  if (dom === '*' && dow === '*') return 'every day';
  if (dom === '*') {
    const days = values(dow, 7)?.map((d) => d % 7);
    if (days === undefined) return null;
    const set = [...new Set(days)].sort((a, b) => a - b).join(',');
    if (set === '1,2,3,4,5') return 'weekdays';
    if (set === '0,6') return 'weekends';
    if (set === '0,1,2,3,4,5,6') return 'every day';
    return joinWords([...new Set(days)].map((d) => DAY_NAMES[d] ?? ''));
  }
  const dates = dow === '*' ? values(dom, 31) : null;
  return dates === null ? null : `on day ${joinWords(dates.map(String))} of every month`;
}

/** The cron in words, or null when it has no common shape. */
export function describeCron(expr: string): string | null {
  const fields = expr.trim().split(/\s+/u);
  if (fields.length !== 5) return null;
  const [minute = '', hour = '', dom = '', month = '', dow = ''] = fields;
  if (month !== '*') return null;
  const step = /^\*\/(\d+)$/u.exec(minute)?.[1];
  if (hour === '*' && dom === '*' && dow === '*') {
    if (minute === '*') return 'every minute';
    if (step !== undefined) return `every ${step} minutes`;
    const minutes = values(minute, 59);
    return minutes === null ? null : `every hour at ${joinWords(minutes.map((m) => `:${pad(m)}`))}`;
  }
  const days = daysWords(dom, dow);
  const minutes = values(minute, 59);
  if (days === null || minutes === null) return null;
  const hourStep = /^\*\/(\d+)$/u.exec(hour)?.[1];
  if (hourStep !== undefined && minutes.length === 1) {
    return `${days === 'every day' ? '' : `${days}, `}every ${hourStep} hours at :${pad(minutes[0] ?? 0)}`;
  }
  const hours = values(hour, 23);
  if (hours === null || hours.length * minutes.length > 6) return null;
  return `${days} at ${joinWords(hours.flatMap((h) => minutes.map((m) => `${pad(h)}:${pad(m)}`)))}`;
}
