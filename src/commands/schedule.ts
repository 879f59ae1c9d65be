/**
 * `/schedule set <digest> <cron> <timezone> [channel] [chart:on|off]`, `/schedule show`, `/schedule off <digest>`.
 * Admin only, audited. Setting a schedule on a digest the workspace does not have yet creates it
 * over all the workspace's sources.
 */
import type { OptionSpec } from '../chat/catalog.ts';
import { channelValue, echoArg } from '../chat/option-kinds.ts';
import { scheduleId } from '../digests/definition-registry.ts';
import { digestDefinitionSchema, type DigestDefinition } from '../digests/definition.ts';
import { platformOf } from '../messages/platform-id.ts';
import { DigestError } from '../errors.ts';
import { describeCron } from '../schedule/describe-cron.ts';
import { shortestGap } from '../schedule/min-gap.ts';
import { runsBetween } from '../schedule/runs.ts';
import { workspaceDigests } from './digest.ts';
import { audit, type CommandServices } from './services.ts';
import { defineSubcommand, type CommandContext, type CommandGroup } from './types.ts';

/** Run times in a zone, the date written only where it differs from the run before (`Mon 7 Dec, 12:30 · 13:00`). */
export function formatRuns(runs: readonly Date[], timezone: string): string[] {
  const day = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, weekday: 'short', day: 'numeric', month: 'short' });
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, hour: '2-digit', minute: '2-digit' });
  return runs.map((d, i) => {
    const date = day.format(d);
    const previous = i === 0 ? null : day.format(runs[i - 1] as Date);
    return date === previous ? time.format(d) : `${date}, ${time.format(d)}`;
  });
}

/** The next `count` run times of a schedule within a week, formatted in its zone. */
export function nextRuns(def: DigestDefinition, from: Date, count = 3): string[] {
  if (def.schedule === undefined) return [];
  return formatRuns(runsBetween(def.schedule, from, new Date(from.getTime() + 7 * 86_400_000), count), def.schedule.timezone);
}

/** Refuses a schedule whose next runs (in its zone) come closer together than `minMinutes`. */
export function checkScheduleGap(cron: string, timezone: string, from: Date, minMinutes: number): void {
  const { minutes, runs } = shortestGap({ cron, timezone }, from);
  if (minutes === null || minutes >= minMinutes) return;
  const [a, b] = formatRuns(runs.slice(0, 2), timezone);
  throw new DigestError('schedule/invalid', `"${cron}" posts ${describeCron(cron) ?? `every ${String(minutes)} minutes at times`} (${a ?? ''} · ${b ?? ''}); digests set from chat must be at least ${String(minMinutes)} minutes apart (MIN_SCHEDULE_MINUTES)`);
}

/** A channel argument as a platform-qualified id in the workspace's platform (`<#123>`, `#C1`, `123` or `discord:123`). */
export function channelOf(raw: string | undefined, ctx: CommandContext): string {
  if (raw === undefined) {
    if (ctx.channelId === null) throw new DigestError('command/invalid', 'say which channel to post to');
    return ctx.channelId;
  }
  const channel = channelValue(raw, platformOf(ctx.workspaceId));
  if (!channel.ok) throw new DigestError('command/invalid', channel.error);
  return channel.value;
}

async function findDigest(services: CommandServices, ctx: CommandContext, name: string): Promise<DigestDefinition | null> {
  return (await workspaceDigests(services, ctx.workspaceId)).find((d) => d.name === name) ?? null;
}

/** Schedules set from chat are at least this many minutes apart unless configured (MIN_SCHEDULE_MINUTES). */
export const DEFAULT_MIN_SCHEDULE_MINUTES = 15;

const CHART_WORD = /^chart:(on|off|true|false)$/iu;

/** The optional words after the time zone: a channel and/or `chart:on|off`, in either order. */
export function channelAndChart(words: readonly (string | undefined)[]): { channel: string | undefined; chart: boolean | undefined } {
  let channel: string | undefined;
  let chart: boolean | undefined;
  for (const word of words) {
    if (word === undefined || word === '') continue;
    const flag = CHART_WORD.exec(word)?.[1]?.toLowerCase();
    if (flag !== undefined) chart = flag === 'on' || flag === 'true';
    else if (word.toLowerCase().startsWith('chart:')) throw new DigestError('command/invalid', `"${echoArg(word)}": say chart:on or chart:off`);
    else if (channel === undefined) channel = word;
    else throw new DigestError('command/invalid', `two channels given ("${echoArg(channel)}", "${echoArg(word)}")`);
  }
  return { channel, chart };
}

/** A digest name option: the digest a schedule is set on or taken off. */
const digestOption = {
  name: 'digest', description: 'digest name', kind: 'text', required: true, autocomplete: 'digest', maxLength: 64,
  pattern: { regex: /^[a-z0-9][a-z0-9-]*$/u, expected: 'a digest name (lower-case letters, digits, dashes)' },
  missing: 'the name of a digest', example: 'morning',
} as const satisfies OptionSpec;

export const scheduleSetCommand = defineSubcommand({
  name: 'set',
  description: 'Post a digest on a schedule',
  options: [
    digestOption,
    { name: 'cron', description: 'cron expression, e.g. "30 7 * * 1-5"', kind: 'cron', required: true, missing: 'a cron expression (minute hour day month weekday)', example: '"30 7 * * 1-5"' },
    { name: 'timezone', description: 'IANA time zone, e.g. Europe/Berlin', kind: 'timezone', required: true, missing: 'a time zone', example: 'Europe/Berlin' },
    { name: 'channel', description: 'target channel (default: this channel)', kind: 'channel', required: false },
    { name: 'chart', description: 'attach a key-figures chart (default: unchanged; off for a new digest)', kind: 'choice', required: false, choices: ['chart:on', 'chart:off'] },
  ],
  async run(services: CommandServices, ctx, [name, cron, timezone, ...optional]) {
    const { channel: channelArg, chart } = channelAndChart(optional);
    const channel = channelOf(channelArg, ctx);
    const owner = await services.channelWorkspace?.(channel);
    if (owner === null) throw new DigestError('command/invalid', `the bot cannot see channel ${channel}`);
    if (owner !== undefined && owner !== ctx.workspaceId) throw new DigestError('command/invalid', `channel ${channel} belongs to another server`);
    checkScheduleGap(cron, timezone, services.clock.now(), services.minScheduleMinutes ?? DEFAULT_MIN_SCHEDULE_MINUTES);
    const existing = (await findDigest(services, ctx, name))
      ?? digestDefinitionSchema.parse({ name, title: name, workspace: ctx.workspaceId, sources: [{ type: 'workspace' }], channels: [] });
    const def = digestDefinitionSchema.parse({ ...existing, schedule: { cron, timezone }, channels: [channel], ...(chart === undefined ? {} : { chart }) });
    await services.definitions.save(def, services.clock.now().toISOString());
    await audit(services, ctx, 'schedule.set', name, `${cron} ${timezone} → ${channel}${def.chart ? ' with chart' : ''}`);
    await services.schedulesChanged();
    const next = nextRuns(def, services.clock.now());
    const words = describeCron(cron);
    return {
      title: `Scheduled “${name}”`,
      sections: [{ lines: [
        ...(words === null ? [] : [`${words} (${timezone})`]),
        `${cron} (${timezone}) → ${channel}${def.chart ? ' · with key-figures chart' : ''}`,
        next.length > 0 ? `Next: ${next.join(' · ')}` : 'No run within the next 7 days.',
      ] }],
    };
  },
});

export const scheduleShowCommand = defineSubcommand({
  name: 'show',
  description: 'Schedules of all digests',
  options: [],
  async run(services: CommandServices, ctx) {
    const now = services.clock.now();
    const lines = (await workspaceDigests(services, ctx.workspaceId)).map((d) => (d.schedule === undefined
      ? `${d.name}: on demand only`
      : `${d.name}: ${d.schedule.cron} (${d.schedule.timezone}) → ${d.channels.join(', ') || 'no channel'} · next ${nextRuns(d, now, 1)[0] ?? 'not within 7 days'}`));
    return Promise.resolve({ title: 'Schedules', sections: [{ lines }], ephemeral: true });
  },
});

export const scheduleOffCommand = defineSubcommand({
  name: 'off',
  description: 'Stop posting a digest',
  options: [digestOption],
  async run(services: CommandServices, ctx, [name]) {
    const def = await findDigest(services, ctx, name);
    if (def?.schedule === undefined) throw new DigestError('schedule/invalid', `"${name}" has no schedule here`);
    const { schedule: _dropped, ...rest } = def;
    await services.definitions.save(digestDefinitionSchema.parse(rest), services.clock.now().toISOString());
    await audit(services, ctx, 'schedule.off', name, scheduleId(def));
    await services.schedulesChanged();
    return { title: `“${name}” is no longer posted`, sections: [{ lines: ['It stays available with /digest.'] }] };
  },
});

/** `/schedule set|show|off`: admin only. */
export const scheduleCommand: CommandGroup<CommandServices> = {
  name: 'schedule',
  description: 'When and where digests are posted',
  adminOnly: true,
  subcommands: [scheduleSetCommand, scheduleShowCommand, scheduleOffCommand],
};
