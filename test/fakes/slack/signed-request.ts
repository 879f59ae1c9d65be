/**
 * Slash-command requests as Slack sends them: a form body signed with the
 * signing secret (`v0=` + HMAC-SHA256 of `v0:<timestamp>:<body>`), with
 * options to sign wrongly or to use an old timestamp. The same fields serve
 * as the Socket Mode `slash_commands` payload.
 */
import { createHmac } from 'node:crypto';

export interface SlashCommandInput {
  /** Text after the command. @defaultValue '' */
  text?: string;
  /** Where the app's reply goes (use FakeSlackApi.responseUrl()). */
  responseUrl: string;
  /** @defaultValue '/digest' */
  command?: string;
  /** @defaultValue 'T0001' */
  teamId?: string;
  /** @defaultValue 'U0001' */
  userId?: string;
  /** @defaultValue 'C0001' */
  channelId?: string;
}

/** The slash-command fields Slack sends (form fields over HTTP, the payload object over Socket Mode). */
export function slashCommandFields(input: SlashCommandInput): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: input.teamId ?? 'T0001',
    team_domain: 'test-workspace',
    channel_id: input.channelId ?? 'C0001',
    channel_name: 'general',
    user_id: input.userId ?? 'U0001',
    user_name: 'tester',
    command: input.command ?? '/digest',
    text: input.text ?? '',
    api_app_id: 'A0001',
    is_enterprise_install: 'false',
    response_url: input.responseUrl,
    trigger_id: `trigger-${Math.random().toString(36).slice(2)}`,
  };
}

export interface SignOptions {
  signingSecret: string;
  /** Request time in Unix seconds. @defaultValue now */
  timestamp?: number;
  /** Sign with another secret (Bolt must answer 401). @defaultValue false */
  wrongSignature?: boolean;
  /** Pretend the request is this many seconds old (more than 300 must be refused). @defaultValue 0 */
  ageSeconds?: number;
}

export interface SignedRequest {
  body: string;
  headers: Record<string, string>;
}

/** The `x-slack-signature` value for a body at a timestamp. */
export function slackSignature(signingSecret: string, timestamp: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** A form-encoded, signed slash-command request. */
export function signedSlashCommand(input: SlashCommandInput, options: SignOptions): SignedRequest {
  const body = new URLSearchParams(slashCommandFields(input)).toString();
  const timestamp = (options.timestamp ?? Math.floor(Date.now() / 1000)) - (options.ageSeconds ?? 0);
  const secret = options.wrongSignature === true ? `${options.signingSecret}-wrong` : options.signingSecret;
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': slackSignature(secret, timestamp, body),
    },
  };
}

export interface PostResult {
  status: number;
  body: string;
  /** Time from sending to the complete response, ms. */
  ms: number;
}

/** POSTs a signed slash command to an app's events URL (`http://127.0.0.1:<port>/slack/events`). */
export async function postSlashCommand(eventsUrl: string, input: SlashCommandInput, options: SignOptions): Promise<PostResult> {
  const request = signedSlashCommand(input, options);
  const started = performance.now();
  const res = await fetch(eventsUrl, { method: 'POST', headers: request.headers, body: request.body });
  const body = await res.text();
  return { status: res.status, body, ms: performance.now() - started };
}
