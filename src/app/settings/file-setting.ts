import type { Actor } from '../actor';
import type { Deps } from '../deps';
import type { Outcome } from '../outcome';
import { resolveMailbox } from '../resolve';
import { fileRequest } from '../requests/file-request';
import { mailboxRef } from '../requests/principal';
import { AppError } from '../../domain/errors';
import type { Mailbox } from '../../domain/mailbox';
import type { SettingChange } from '../../domain/setting-change';
import { settingPlan, type SettingContext } from '../../domain/setting-plan';

/** Previews a settings change and files it through the one approval flow, like any access request. */
export function fileSetting(deps: Deps, actor: Actor, change: SettingChange, context: SettingContext = {}): Promise<Outcome> {
  const plan = settingPlan(change, context);
  return fileRequest(deps, actor, { change, plan: { rights: [], unchanged: [], ...plan }, reason: undefined });
}

/** The mailbox as Exchange has it now; the settings commands work on that, not on what the user typed. */
export async function currentMailbox(deps: Deps, query: string): Promise<Mailbox> {
  const found = await resolveMailbox(deps, query);
  const access = await deps.exchange.readAccess(found.address);
  if (!access) throw new AppError('not-found', `${found.displayName} (${found.address}) no longer exists in Exchange.`);
  return access.mailbox;
}

export { mailboxRef };

/** The friendly answer when a settings request would change nothing. */
export function alreadySo(text: string): never {
  throw new AppError('invalid', `${text} — nothing to do.`);
}
