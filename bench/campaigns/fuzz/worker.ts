/**
 * The campaign's worker thread: runs {@link runFuzzCampaign} and writes a heartbeat (input counter and the
 * current input's description) into shared memory, so the main thread can tell a hang from slow progress
 * and name the input that hangs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runFuzzCampaign } from './campaign.ts';
import { writeHeartbeat, type WorkerInput } from './watchdog.ts';

const input = workerData as WorkerInput;
const result = await runFuzzCampaign({
  quick: input.quick,
  seed: input.seed,
  onInput: (description) => { writeHeartbeat(input.heartbeat, description); },
  log: (line) => parentPort?.postMessage({ type: 'log', line }),
});
parentPort?.postMessage({ type: 'result', result });
