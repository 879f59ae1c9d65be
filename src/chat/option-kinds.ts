/**
 * The checks of the option kinds: each takes the word a user gave and returns the value the command gets,
 * or a short human reason it is not right. The console, Slack and Discord all go through these checks.
 */
import { isPlausibleCron, isTimeZone } from '../digests/definition.ts';
import { platformId } from '../messages/platform-id.ts';
import { hasSecondsField } from '../schedule/runs.ts';
import type { Result } from '../errors.ts';
import type { OptionKind, OptionSpec } from './catalog.ts';

type Check = Result<string, string>;

/** A user's word as it may be echoed in a reply: one line, at most 60 characters. */
export function echoArg(raw: string): string {
  const line = raw.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ');
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

const ok = (value: string): Check => ({ ok: true, value });
const no = (error: string): Check => ({ ok: false, error });

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** What a bare channel id looks like on each platform (other platforms: one word). */
const CHANNEL_IDS: Record<string, RegExp> = {
  slack: /^[CGD][A-Z0-9]{2,}$/u,
  discord: /^\d{1,25}$/u,
};

/**
 * A channel word as a platform-qualified id on `platform`: a mention (`<#C1|name>`, `<#123>`), `#C1`, a bare id
 * or `platform:id`; refused when it names another platform's channel or does not look like a channel.
 */
export function channelValue(raw: string, platform: string): Check {
  const word = raw.trim();
  const id = /^<#([A-Z0-9]+)(?:\|[^>]*)?>$/iu.exec(word)?.[1] ?? word.replace(/^#/u, '');
  const place = platform === 'discord' ? 'server' : 'workspace';
  if (id.includes(':')) {
    const qualified = id.startsWith(`${platform}:`) && /^[a-z]+:[\w.-]+$/iu.test(id);
    return qualified ? ok(id) : no(`"${echoArg(raw)}" is not a channel of this ${place}`);
  }
  const shape = CHANNEL_IDS[platform] ?? /^[\w.-]+$/u;
  if (!shape.test(id)) return no(`"${echoArg(raw)}" is not a channel; mention it with #, e.g. #general`);
  return ok(platformId(platform, id));
}

function textValue(option: OptionSpec, raw: string): Check {
  const value = raw.trim();
  const min = option.minLength ?? 1;
  const max = option.maxLength ?? 200;
  if (value.length < min) return no(`${option.name} needs at least ${String(min)} characters`);
  if (value.length > max) return no(`${option.name} is longer than ${String(max)} characters`);
  if (option.pattern !== undefined && !option.pattern.regex.test(value)) {
    return no(`"${echoArg(value)}" is not ${option.pattern.expected}`);
  }
  return ok(value);
}

/** A cron word: five fields node-cron accepts; a seconds field (six fields) is refused with its reason. */
export function cronValue(raw: string): Check {
  const value = raw.trim().replace(/\s+/gu, ' ');
  if (hasSecondsField(value)) {
    return no(`"${echoArg(value)}" has a seconds field (6 fields); digests are posted at most once a minute, so give 5 fields: minute hour day month weekday, e.g. "30 7 * * 1-5"`);
  }
  if (value.split(' ').length !== 5 || !isPlausibleCron(value)) {
    return no(`"${echoArg(value)}" is not a cron expression; give 5 fields: minute hour day month weekday, e.g. "30 7 * * 1-5"`);
  }
  return ok(value);
}

const CHECKS: Record<OptionKind, (option: OptionSpec, raw: string, platform: string) => Check> = {
  text: textValue,
  url: (option, raw) => (isHttpUrl(raw.trim()) ? ok(raw.trim()) : no(`"${echoArg(raw)}" is not a web address; ${option.name} needs an http or https URL`)),
  channel: (_option, raw, platform) => channelValue(raw, platform),
  cron: (_option, raw) => cronValue(raw),
  timezone: (_option, raw) => (isTimeZone(raw.trim()) ? ok(raw.trim()) : no(`"${echoArg(raw)}" is not an IANA time zone such as Europe/Berlin or UTC`)),
  choice: (option, raw) => {
    const choices = option.choices ?? [];
    const value = choices.find((c) => c.toLowerCase() === raw.trim().toLowerCase());
    const or = choices.length > 1 ? `; say ${choices.slice(0, -1).join(', ')} or ${choices.at(-1) ?? ''}` : '';
    return value === undefined ? no(`${option.name} must be one of ${choices.join(', ')}${or}`) : ok(value);
  },
};

/** Checks one option's word. */
export function checkOption(option: OptionSpec, raw: string, platform: string): Check {
  return CHECKS[option.kind](option, raw, platform);
}
