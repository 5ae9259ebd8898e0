import type { FaultModel } from './faults';
import type { Journal } from './journal';
import type { Seed } from './seed';
import type { TenantState } from './state';
import type { TokenService } from './tokens';

export interface SimContext {
  seed: Seed;
  state: TenantState;
  tokens: TokenService;
  faults: FaultModel;
  journal: Journal;
  /** https://127.0.0.1:PORT */
  origin: () => string;
  now: () => Date;
}

export function isTenantName(ctx: SimContext, value: string): boolean {
  const v = value.toLowerCase();
  const tenant = ctx.state.tenant;
  return v === tenant.id.toLowerCase() || v === tenant.defaultDomain.toLowerCase();
}
