import type { Deps } from '../deps';
import type { Mailbox } from '../../domain/mailbox';
import { AppError } from '../../domain/errors';
import { sameText } from '../../domain/addresses';
import type { SettingOperation } from '../../domain/request-operations';
import type { ForwardingTarget, SettingChange } from '../../domain/setting-change';
import type { ExchangeOperation } from '../../ports';
import type { ExecutionLog } from './execute-change';

type Of<K extends SettingChange['kind']> = Extract<SettingChange, { kind: K }>;

/** Carries out a settings change. Each step is safe to repeat, so a resumed execution just runs it again. */
export async function executeSetting(deps: Deps, change: SettingChange, log: ExecutionLog): Promise<void> {
  const box = change.mailbox.address;
  switch (change.kind) {
    case 'automap':
      return automap(deps, change, log);
    case 'forwarding': {
      const target = change.forward;
      await run(deps, log, {
        kind: 'set-forwarding',
        mailbox: box,
        smtpAddress: target?.external ? target.address : null,
        recipient: target && !target.external ? target.address : null,
        keepCopy: target?.keepCopy ?? false,
      });
      return confirm(deps, log, box, (m) => forwards(m, target));
    }
    case 'sent-items':
      await run(deps, log, { kind: 'set-sent-items-copy', mailbox: box, enabled: change.enabled });
      return confirm(deps, log, box, (m) => m.messageCopyForSentAsEnabled === change.enabled);
    case 'address-lists':
      await run(deps, log, { kind: 'set-hidden', mailbox: box, hidden: change.hidden });
      return confirm(deps, log, box, (m) => m.hiddenFromAddressLists === change.hidden);
    case 'convert-to-shared':
      await run(deps, log, { kind: 'convert-to-shared', mailbox: box });
      return confirm(deps, log, box, (m) => m.kind === 'shared');
    case 'auto-reply':
      await deps.directory.setAutomaticReplies(change.mailbox.id, change.reply);
      log.steps.push(`PATCH /users/${change.mailbox.id}/mailboxSettings automaticRepliesSetting status=${change.reply.status}`);
      return;
    case 'block-sign-in':
      return blockSignIn(deps, log, change.mailbox.id);
    case 'create-mailbox':
      return createMailbox(deps, change, log);
  }
}

async function run(deps: Deps, log: ExecutionLog, operation: SettingOperation | ExchangeOperation): Promise<void> {
  const result = await deps.exchange.apply(operation);
  log.steps.push(result.ran);
  log.warnings.push(...result.warnings);
}

async function blockSignIn(deps: Deps, log: ExecutionLog, id: string): Promise<void> {
  await deps.directory.setAccountEnabled(id, false);
  log.steps.push(`PATCH /users/${id} accountEnabled=false`);
}

/** Exchange only changes automapping by taking Full Access away and granting it again. */
async function automap(deps: Deps, change: Of<'automap'>, log: ExecutionLog): Promise<void> {
  const target = { mailbox: change.mailbox.address, trustee: change.trustee.address };
  await run(deps, log, { kind: 'remove-full-access', ...target });
  await run(deps, log, { kind: 'add-full-access', ...target, autoMapping: change.automapping });
  await deps.store.recordAutomapping(change.mailbox.id, change.trustee.id, change.automapping);
}

/**
 * New-Mailbox, then the members' Full Access and Send As, then block sign-in. A mailbox with this address and
 * name already there is this request's own, created by an attempt that stopped half-way.
 */
async function createMailbox(deps: Deps, change: Of<'create-mailbox'>, log: ExecutionLog): Promise<void> {
  const { address, displayName } = change.mailbox;
  const existing = await findExact(deps, address);
  if (existing && !sameText(existing.displayName, displayName)) {
    throw new AppError('invalid', `The address ${address} is already used by ${existing.displayName}: choose another one.`);
  }
  if (!existing) {
    const name = address.split('@')[0] ?? address;
    await run(deps, log, { kind: 'new-shared-mailbox', mailbox: address, name, displayName });
  }
  const created = existing ?? (await findExact(deps, address));
  for (const member of change.members) {
    const target = { mailbox: address, trustee: member.address };
    await run(deps, log, { kind: 'add-full-access', ...target, autoMapping: member.kind === 'user' });
    await run(deps, log, { kind: 'add-send-as', ...target });
    if (created && member.kind === 'user') await deps.store.recordAutomapping(created.id, member.id, true);
  }
  await blockSignIn(deps, log, created?.id || address);
}

async function findExact(deps: Deps, address: string): Promise<Mailbox | undefined> {
  return (await deps.exchange.findMailboxes(address)).find((m) => sameText(m.address, address));
}

/** Exchange names an internal recipient by its object id, so only the presence of one can be checked. */
function forwards(mailbox: Mailbox, target: ForwardingTarget | undefined): boolean {
  if (!target) return !mailbox.forwardingAddress && !mailbox.forwardingSmtpAddress;
  return target.external ? sameText(mailbox.forwardingSmtpAddress, target.address) : mailbox.forwardingAddress !== undefined;
}

/** Exchange can lag behind its own answers: a setting not visible yet is a warning, not a failure. */
async function confirm(deps: Deps, log: ExecutionLog, address: string, holds: (mailbox: Mailbox) => boolean): Promise<void> {
  const mailbox = await findExact(deps, address);
  if (!mailbox) log.warnings.push(`${address} could not be read back after the change.`);
  else if (!holds(mailbox)) log.warnings.push(`Exchange does not show the new setting on ${address} yet; it can take a few minutes.`);
}
