import { z } from 'zod';

export interface Faults {
  latencyMs: number;
  throttleRate: number;
  unavailableRate: number;
  retryAfterSeconds: number;
  exoConcurrency: number;
  exoCmdletsPer5s: number;
  graphUnitsPer10s: number;
}

export const DEFAULT_FAULTS: Faults = {
  latencyMs: 0,
  throttleRate: 0,
  unavailableRate: 0,
  retryAfterSeconds: 1,
  exoConcurrency: 3,
  exoCmdletsPer5s: 100,
  graphUnitsPer10s: 3500,
};

const rate = z.number().min(0).max(1);
const count = z.number().int().min(0);
export const faultsSchema = z.strictObject({
  latencyMs: z.number().min(0).max(60_000),
  throttleRate: rate,
  unavailableRate: rate,
  retryAfterSeconds: z.number().min(0).max(3600),
  exoConcurrency: count.min(1),
  exoCmdletsPer5s: count.min(1),
  graphUnitsPer10s: count.min(1),
}).partial();

const ENV_NAMES: Record<keyof Faults, string> = {
  latencyMs: 'SIMULATOR_LATENCY_MS',
  throttleRate: 'SIMULATOR_THROTTLE_RATE',
  unavailableRate: 'SIMULATOR_UNAVAILABLE_RATE',
  retryAfterSeconds: 'SIMULATOR_RETRY_AFTER_SECONDS',
  exoConcurrency: 'SIMULATOR_EXO_CONCURRENCY',
  exoCmdletsPer5s: 'SIMULATOR_EXO_CMDLETS_PER_5S',
  graphUnitsPer10s: 'SIMULATOR_GRAPH_UNITS_PER_10S',
};

export function faultsFromEnv(env: NodeJS.ProcessEnv): Partial<Faults> {
  const out: Record<string, number> = {};
  for (const [name, variable] of Object.entries(ENV_NAMES)) {
    const raw = env[variable];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isFinite(value)) throw new Error(`${variable} must be a number (got "${raw}")`);
    out[name] = value;
  }
  return validateFaults(out);
}

export function validateFaults(input: unknown): Partial<Faults> {
  const result = faultsSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(`faults: ${issue?.path.join('.') || 'body'}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data as Partial<Faults>;
}

export type Refusal = { status: 429 | 503; retryAfter: number; concurrency?: boolean };

/** Sliding-window budget: a cost is admitted when the window still has room. */
class Window {
  /** In the order taken; `first` skips the entries that left the window, `used` sums the rest. */
  private spent: Array<{ at: number; cost: number }> = [];
  private first = 0;
  private used = 0;

  constructor(private readonly lengthMs: number) {}

  take(cost: number, budget: number, at: number): number | null {
    while (this.first < this.spent.length && this.spent[this.first]!.at <= at - this.lengthMs) this.used -= this.spent[this.first++]!.cost;
    if (this.first > 1024 && this.first * 2 > this.spent.length) {
      this.spent = this.spent.slice(this.first);
      this.first = 0;
    }
    if (this.used + cost <= budget || this.first === this.spent.length) {
      this.spent.push({ at, cost });
      this.used += cost;
      return null;
    }
    const oldest = this.spent[this.first]?.at ?? at;
    return Math.max(1, Math.ceil((oldest + this.lengthMs - at) / 1000));
  }
}

export class FaultModel {
  settings: Faults;
  private readonly inFlight = new Map<string, number>();
  private readonly exoCmdlets = new Map<string, Window>();
  private readonly graphUnits = new Map<string, Window>();

  constructor(private readonly initial: Partial<Faults> = {}, private readonly random: () => number = Math.random) {
    this.settings = { ...DEFAULT_FAULTS, ...initial };
  }

  /** Back to the start-up settings with empty budgets (in-flight requests keep their slots). */
  reset(): void {
    this.settings = { ...DEFAULT_FAULTS, ...this.initial };
    this.exoCmdlets.clear();
    this.graphUnits.clear();
  }

  update(partial: Partial<Faults>): Faults {
    this.settings = { ...this.settings, ...partial };
    return this.settings;
  }

  async delay(): Promise<void> {
    if (this.settings.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.settings.latencyMs));
  }

  /** A randomly injected 429 or 503, as configured. */
  randomRefusal(): Refusal | null {
    const { throttleRate, unavailableRate, retryAfterSeconds } = this.settings;
    if (throttleRate > 0 && this.random() < throttleRate) return { status: 429, retryAfter: retryAfterSeconds };
    if (unavailableRate > 0 && this.random() < unavailableRate) return { status: 503, retryAfter: retryAfterSeconds };
    return null;
  }

  /** Claims one of the app's concurrent EXO slots; null when all are taken. */
  enterExo(appId: string): (() => void) | null {
    const current = this.inFlight.get(appId) ?? 0;
    if (current >= this.settings.exoConcurrency) return null;
    this.inFlight.set(appId, current + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight.set(appId, (this.inFlight.get(appId) ?? 1) - 1);
    };
  }

  takeExoCmdlet(appId: string): Refusal | null {
    const window = getOrCreate(this.exoCmdlets, appId, 5_000);
    const wait = window.take(1, this.settings.exoCmdletsPer5s, Date.now());
    return wait === null ? null : { status: 429, retryAfter: wait };
  }

  takeGraphUnits(appId: string, cost: number): Refusal | null {
    const window = getOrCreate(this.graphUnits, appId, 10_000);
    const wait = window.take(cost, this.settings.graphUnitsPer10s, Date.now());
    return wait === null ? null : { status: 429, retryAfter: wait };
  }

  /** The sustained rates the throttle model allows, for benchmarks to print. */
  allowedRates(): { exoCmdletsPerSecond: number; exoConcurrency: number; graphUnitsPerSecond: number } {
    return {
      exoCmdletsPerSecond: this.settings.exoCmdletsPer5s / 5,
      exoConcurrency: this.settings.exoConcurrency,
      graphUnitsPerSecond: this.settings.graphUnitsPer10s / 10,
    };
  }
}

function getOrCreate(map: Map<string, Window>, id: string, lengthMs: number): Window {
  let window = map.get(id);
  if (!window) {
    window = new Window(lengthMs);
    map.set(id, window);
  }
  return window;
}
