/** The streams and paths a CLI run uses, injected so tests can drive it. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Directory relative paths are resolved against. */
  cwd: string;
}

/** Writes a line, waiting for the stream to drain when its buffer is full (constant memory). */
export async function writeLine(out: NodeJS.WritableStream, line: string): Promise<void> {
  if (!out.write(`${line}\n`)) {
    await new Promise<void>((resolve) => out.once('drain', resolve));
  }
}
