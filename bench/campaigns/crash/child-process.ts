/**
 * One run of the child bot: spawned with the campaign's environment, its
 * phase markers (`@boot`, `@store-open`, `@running`, `@stopped`) collected
 * with their times, killed with SIGKILL or stopped with SIGTERM.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

export interface BotChild {
  proc: ChildProcess;
  spawnedAt: number;
  /** Marker name → Date.now() in the child when printed. */
  markers: Map<string, number>;
  /** The last lines of stderr (warnings, errors, crashes). */
  stderrTail: string[];
  /** Resolves with the marker once printed, or null after `timeoutMs` or when the child ends first. */
  marker(name: string, timeoutMs: number): Promise<number | null>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL, then waits for the exit. */
  kill(): Promise<void>;
}

export function spawnBot(args: readonly string[], env: NodeJS.ProcessEnv): BotChild {
  const proc = spawn(process.execPath, [...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const markers = new Map<string, number>();
  const stderrTail: string[] = [];
  const waiters = new Set<() => void>();
  let buffered = '';
  proc.stdout?.on('data', (d: Buffer) => {
    buffered += d.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      const m = /^@([\w-]+) (\d+)$/u.exec(line);
      if (m?.[1] !== undefined) markers.set(m[1], Number(m[2]));
    }
    for (const w of waiters) w();
  });
  proc.stderr?.on('data', (d: Buffer) => {
    stderrTail.push(...d.toString('utf8').split('\n').filter((l) => l !== ''));
    stderrTail.splice(0, Math.max(0, stderrTail.length - 20));
  });
  let ended = false;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => {
    proc.on('close', (code, signal) => {
      ended = true;
      for (const w of waiters) w();
      r({ code, signal });
    });
  });
  return {
    proc, spawnedAt: Date.now(), markers, stderrTail, exited,
    marker(name, timeoutMs) {
      return new Promise((r) => {
        const check = (): void => {
          const at = markers.get(name);
          if (at !== undefined || ended) {
            waiters.delete(check);
            clearTimeout(timer);
            r(at ?? null);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          r(markers.get(name) ?? null);
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async kill() {
      if (!ended) proc.kill('SIGKILL');
      await exited;
    },
  };
}
