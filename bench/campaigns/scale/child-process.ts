/** Child processes of the scale campaign: TypeScript modules forked with tsx, talking over IPC. */
import { fork, type ChildProcess } from 'node:child_process';

export interface TsChild<M> {
  child: ChildProcess;
  /** The child's first IPC message (its "ready" report). */
  first: M;
  /** Disconnects the child (it then closes its servers and exits) and waits for its exit. */
  close(): Promise<void>;
}

/** Forks `file` with tsx and waits for its first message; rejects if it exits before. */
export async function forkTsChild<M>(file: string, args: readonly string[], what: string): Promise<TsChild<M>> {
  const child = fork(file, [...args], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const first = await new Promise<M>((resolve, reject) => {
    child.once('message', (m) => resolve(m as M));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${what} exited early with code ${String(code)}`)));
  });
  return {
    child, first,
    close: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) {
        resolve();
        return;
      }
      child.once('exit', () => resolve());
      child.disconnect();
    }),
  };
}
