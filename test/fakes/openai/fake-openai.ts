/**
 * A fake OpenAI-compatible chat completions server on 127.0.0.1, scripted per
 * request: each POST /v1/chat/completions takes the next step of the script
 * (status, headers, body, delay); every request body is recorded.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeStep {
  status?: number;
  headers?: Record<string, string>;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  /** Wait before answering, in ms. */
  delayMs?: number;
}

export interface RecordedRequest {
  path: string;
  authorization: string | undefined;
  body: { model: string; messages: { role: string; content: string }[]; max_tokens: number };
}

export interface FakeOpenAi {
  /** Base URL including /v1. */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Appends steps to the script. */
  script(...steps: FakeStep[]): void;
  close(): Promise<void>;
}

/** A chat completion whose message is `content` (an object is sent as JSON text). */
export function completion(content: unknown, totalTokens = 321): FakeStep {
  return {
    body: {
      id: 'chatcmpl-fake', object: 'chat.completion', model: 'fake',
      choices: [{ index: 0, message: { role: 'assistant', content: typeof content === 'string' ? content : JSON.stringify(content) }, finish_reason: 'stop' }],
      usage: { prompt_tokens: totalTokens - 21, completion_tokens: 21, total_tokens: totalTokens },
    },
  };
}

/** Starts the server on a free port. */
export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const steps: FakeStep[] = [];
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res.writeHead(404).end();
        return;
      }
      requests.push({ path: req.url, authorization: req.headers.authorization, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedRequest['body'] });
      const step = steps.shift() ?? { status: 500, body: { error: 'script exhausted' } };
      const send = (): void => {
        if (res.destroyed) return;
        const body = typeof step.body === 'string' ? step.body : JSON.stringify(step.body ?? {});
        res.writeHead(step.status ?? 200, { 'content-type': 'application/json', ...step.headers }).end(body);
      };
      if (step.delayMs === undefined) send();
      else setTimeout(send, step.delayMs).unref();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${String(port)}/v1`,
    requests,
    script: (...more) => {
      steps.push(...more);
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
