/**
 * Coalesces concurrent calls with the same key: while a call for a key is in
 * flight, further calls for that key get the same promise instead of starting
 * the work again. Nothing is cached once the call settles (a later call does
 * the work afresh), and a rejection reaches every waiter and clears the key.
 * Used for `/digest`: 200 members asking at once cost one build, not 200.
 */
export function singleFlight<A, R>(keyOf: (arg: A) => string, fn: (arg: A) => Promise<R>): (arg: A) => Promise<R> {
  const inFlight = new Map<string, Promise<R>>();
  return (arg) => {
    const key = keyOf(arg);
    const running = inFlight.get(key);
    if (running !== undefined) return running;
    const started = fn(arg).finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  };
}
