/**
 * What keeps model calls cheap and the bot responsive: a circuit breaker
 * (after `failures` failed calls in a row no call is made for `coolDownMs`;
 * then one trial call decides), a concurrency limit, and a daily token budget
 * per workspace kept in the store.
 */
import { DigestError } from '../errors.ts';
import type { Clock } from '../ports.ts';
import type { LlmLedger } from '../store/port.ts';

export interface BreakerOptions {
  /** Failures in a row that open the breaker. @defaultValue 3 */
  failures?: number;
  /** How long it stays open, in ms. @defaultValue 60000 */
  coolDownMs?: number;
}

/** A circuit breaker around one provider. */
export class CircuitBreaker {
  private failed = 0;
  private openUntil = 0;
  private readonly limit: number;
  private readonly coolDownMs: number;

  constructor(private readonly clock: Clock, options: BreakerOptions = {}) {
    this.limit = options.failures ?? 3;
    this.coolDownMs = options.coolDownMs ?? 60_000;
  }

  /** Whether calls are refused now. */
  isOpen(): boolean {
    return this.failed >= this.limit && this.clock.now().getTime() < this.openUntil;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.isOpen()) throw new DigestError('llm/unavailable', 'the model server failed repeatedly; extractive summaries until it recovers');
    try {
      const out = await fn();
      this.failed = 0;
      return out;
    } catch (err) {
      this.failed++;
      if (this.failed >= this.limit) this.openUntil = this.clock.now().getTime() + this.coolDownMs;
      throw err;
    }
  }
}

/** At most `max` calls at once; the others wait in order. */
export class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly max: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}

/** The UTC day of a time, as the budget counts it. */
export const dayOf = (at: Date): string => at.toISOString().slice(0, 10);

/** Daily token budget per workspace. */
export class TokenBudget {
  constructor(private readonly ledger: LlmLedger, private readonly clock: Clock, private readonly dailyTokens: number) {}

  /** Tokens the workspace spent today. */
  spent(workspaceId: string): Promise<number> {
    return this.ledger.tokensOn(workspaceId, dayOf(this.clock.now()));
  }

  /** @throws DigestError `llm/budget-exceeded` when `estimate` more tokens would pass today's budget. */
  async reserve(workspaceId: string, estimate: number): Promise<void> {
    if ((await this.spent(workspaceId)) + estimate > this.dailyTokens) {
      throw new DigestError('llm/budget-exceeded', 'the daily token budget of this workspace is spent', { context: { workspaceId } });
    }
  }

  async record(workspaceId: string, tokens: number): Promise<void> {
    await this.ledger.addTokens(workspaceId, dayOf(this.clock.now()), tokens);
  }

  /** "LLM: 1,234 of 200,000 tokens today". */
  async line(workspaceId: string): Promise<string> {
    return `LLM: ${(await this.spent(workspaceId)).toLocaleString('en')} of ${this.dailyTokens.toLocaleString('en')} tokens today`;
  }
}
