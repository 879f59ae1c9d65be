/**
 * `/schedule set <digest> <cron> <timezone> [channel] [chart:on|off]`, `/schedule show`, `/schedule off <digest>`.
 * Admin only, audited. Setting a schedule on a digest the workspace does not have yet creates it
 * over all the workspace's sources.
 */
import { z } from 'zod';
import { scheduleId } from '../digests/definition-registry.ts';
import { digestDefinitionSchema, isPlausibleCron, isTimeZone, type DigestDefinition } from '../digests/definition.ts';
import { platformId, platformOf } from '../messages/platform-id.ts';
import { DigestError } from '../errors.ts';
import { runsBetween } from '../schedule/runs.ts';
import { workspaceDigests } from './digest.ts';
import { audit, type CommandServices } from './services.ts';
import type { Command, CommandContext } from './types.ts';

/** The next `count` run times of a schedule within a week, formatted in its zone. */
export function nextRuns(def: DigestDefinition, from: Date, count = 3): string[] {
  if (def.schedule === undefined) return [];
  const fmt = new Intl.DateTimeFormat('en-GB', { timeZone: def.schedule.timezone, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  return runsBetween(def.schedule, from, new Date(from.getTime() + 7 * 86_400_000), count).map((d) => fmt.format(d));
}

/** A user's argument as it may be echoed in a reply: one line, at most 60 characters. */
function echoArg(raw: string): string {
  const line = raw.replace(/[\p{Cc}\p{Zl}\p{Zp}]+/gu, ' ');
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/** A channel argument as a platform-qualified id in the workspace's platform (`<#123>`, `#C1`, `123` or `discord:123`). */
export function channelOf(raw: string | undefined, ctx: CommandContext): string {
  const platform = platformOf(ctx.workspaceId);
  if (raw === undefined) {
    if (ctx.channelId === null) throw new DigestError('command/invalid', 'say which channel to post to');
    return ctx.channelId;
  }
  const id = /^<#([A-Z0-9]+)(?:\|[^>]*)?>$/iu.exec(raw)?.[1] ?? raw.replace(/^#/u, '');
  const qualified = id.includes(':') ? id : platformId(platform, id);
  if (!qualified.startsWith(`${platform}:`) || !/^[a-z]+:[\w.-]+$/iu.test(qualified)) {
    throw new DigestError('command/invalid', `"${echoArg(raw)}" is not a channel of this ${platform === 'discord' ? 'server' : 'workspace'}`);
  }
  return qualified;
}

async function findDigest(services: CommandServices, ctx: CommandContext, name: string): Promise<DigestDefinition | null> {
  return (await workspaceDigests(services, ctx.workspaceId)).find((d) => d.name === name) ?? null;
}

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

const nameArg = z.string().regex(/^[a-z0-9][a-z0-9-]*$/u, 'a digest name (lower-case letters, digits, dashes)').max(64);
const setArgs = z.tuple([
  nameArg,
  z.string().refine(isPlausibleCron, 'a cron expression such as "30 7 * * 1-5"'),
  z.string().refine(isTimeZone, 'an IANA time zone such as Europe/Berlin'),
  z.string().optional(),
  z.string().optional(),
]);

export const scheduleSetCommand = {
  name: 'schedule set',
  description: 'post a digest on a schedule: /schedule set <digest> <cron> <timezone> [channel] [chart:on|off]',
  adminOnly: true,
  args: setArgs,
  async run(services, ctx, [name, cron, timezone, ...optional]) {
    const { channel: channelArg, chart } = channelAndChart(optional);
    const channel = channelOf(channelArg, ctx);
    const owner = await services.channelWorkspace?.(channel);
    if (owner === null) throw new DigestError('command/invalid', `the bot cannot see channel ${channel}`);
    if (owner !== undefined && owner !== ctx.workspaceId) throw new DigestError('command/invalid', `channel ${channel} belongs to another server`);
    const existing = (await findDigest(services, ctx, name))
      ?? digestDefinitionSchema.parse({ name, title: name, workspace: ctx.workspaceId, sources: [{ type: 'workspace' }], channels: [] });
    const def = digestDefinitionSchema.parse({ ...existing, schedule: { cron, timezone }, channels: [channel], ...(chart === undefined ? {} : { chart }) });
    await services.definitions.save(def, services.clock.now().toISOString());
    await audit(services, ctx, 'schedule.set', name, `${cron} ${timezone} → ${channel}${def.chart ? ' with chart' : ''}`);
    await services.schedulesChanged();
    const next = nextRuns(def, services.clock.now());
    return {
      title: `Scheduled “${name}”`,
      sections: [{ lines: [`${cron} (${timezone}) → ${channel}${def.chart ? ' · with key-figures chart' : ''}`, next.length > 0 ? `Next: ${next.join(' · ')}` : 'No run within the next 7 days.'] }],
    };
  },
} satisfies Command<CommandServices, typeof setArgs>;

export const scheduleShowCommand = {
  name: 'schedule show',
  description: 'schedules of all digests: /schedule show',
  adminOnly: true,
  args: z.tuple([]),
  async run(services, ctx) {
    const now = services.clock.now();
    const lines = (await workspaceDigests(services, ctx.workspaceId)).map((d) => (d.schedule === undefined
      ? `${d.name}: on demand only`
      : `${d.name}: ${d.schedule.cron} (${d.schedule.timezone}) → ${d.channels.join(', ') || 'no channel'} · next ${nextRuns(d, now, 1)[0] ?? 'not within 7 days'}`));
    return Promise.resolve({ title: 'Schedules', sections: [{ lines }], ephemeral: true });
  },
} satisfies Command<CommandServices, z.ZodTuple<[]>>;

const offArgs = z.tuple([nameArg]);

export const scheduleOffCommand = {
  name: 'schedule off',
  description: 'stop posting a digest: /schedule off <digest>',
  adminOnly: true,
  args: offArgs,
  async run(services, ctx, [name]) {
    const def = await findDigest(services, ctx, name);
    if (def?.schedule === undefined) throw new DigestError('schedule/invalid', `"${name}" has no schedule here`);
    const { schedule: _dropped, ...rest } = def;
    await services.definitions.save(digestDefinitionSchema.parse(rest), services.clock.now().toISOString());
    await audit(services, ctx, 'schedule.off', name, scheduleId(def));
    await services.schedulesChanged();
    return { title: `“${name}” is no longer posted`, sections: [{ lines: ['It stays available with /digest.'] }] };
  },
} satisfies Command<CommandServices, typeof offArgs>;
