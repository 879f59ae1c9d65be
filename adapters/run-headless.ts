/**
 * The bot without chat (HEADLESS=true and no platform configured): the shared runtime's schedules, poll loop and
 * operator server (/metrics, /healthz with METRICS_PORT), no prompt. Scheduled digests of the console workspace are
 * printed to standard output (the journal or `docker logs`). Runs until SIGINT/SIGTERM, then closes the runtime.
 */
import { writeLine } from './cli/io.ts';
import { consolePublisher } from './console/run-console-bot.ts';
import type { Runtime } from './runtime.ts';
import { untilStopSignal } from './until-stopped.ts';

export async function runHeadless(runtime: Runtime, out: NodeJS.WritableStream, err: NodeJS.WritableStream): Promise<number> {
  for (const error of runtime.definitionErrors) await writeLine(err, `error: ${error}`);
  runtime.bot.addPublisher('console', consolePublisher(out));
  await runtime.bot.start();
  const ops = runtime.ops === null ? 'no operator server (METRICS_PORT unset)' : `metrics on ${runtime.ops.url}/metrics, health on ${runtime.ops.url}/healthz`;
  await writeLine(err, `digestbot running headless (no chat): schedules and polling · ${ops} · SIGTERM stops it`);
  await untilStopSignal();
  await runtime.close();
  return 0;
}
