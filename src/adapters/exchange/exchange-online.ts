import type { Mailbox, MailboxAccess } from '../../domain/mailbox';
import { AppError } from '../../domain/errors';
import type { Exchange, ExchangeOperation, ExchangeResult } from '../../ports';
import type { RetryLimits, RetryPolicy } from '../retry/retry-policy';
import { type CmdletCall, type CmdletResult, ExchangeClient } from './exchange-client';
import { ExchangeCommandError } from './exo-envelope';
import { isAddressTaken, isNotFound, sizeInBytes, toAppError } from './exo-errors';
import { fullAccessGrants, MAILBOX_PROPERTIES, sendAsGrants, sendOnBehalfGrants, toMailbox } from './exo-mapping';
import { cmdletFor, describeCall } from './exo-operations';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NAME_SEARCH_LIMIT = 50;

/** The Exchange port over the admin API's InvokeCommand. */
export class ExchangeOnline implements Exchange {
  constructor(
    private readonly client: ExchangeClient,
    /** Retry limits for this instance's calls, e.g. a short budget inside a chat turn. */
    private readonly retry: RetryPolicy = client.retry,
  ) {}

  /** The same Exchange, sharing its concurrency limit, with tighter retry limits for this caller. */
  withRetry(limits: Partial<RetryLimits>): ExchangeOnline {
    return new ExchangeOnline(this.client, this.retry.within(limits));
  }

  async findMailboxes(query: string): Promise<readonly Mailbox[]> {
    const wanted = query.trim();
    if (wanted === '') throw new AppError('invalid', 'Which mailbox? Give an address, alias or name.');
    const byIdentity = wanted.includes('@') || GUID.test(wanted);
    const parameters = byIdentity ? { Identity: wanted } : { Anr: wanted, ResultSize: NAME_SEARCH_LIMIT };
    try {
      const { rows } = await this.client.invoke({ cmdlet: 'Get-Mailbox', parameters, select: [...MAILBOX_PROPERTIES] }, this.retry);
      return rows.map(toMailbox);
    } catch (error) {
      if (isNotFound(error)) return [];
      throw toAppError(error, wanted);
    }
  }

  async readAccess(identity: string): Promise<MailboxAccess | undefined> {
    const [access] = await this.readEach([identity]);
    return access;
  }

  async readAccessMany(identities: readonly string[]): Promise<readonly MailboxAccess[]> {
    const found = await this.readEach(identities);
    return found.filter((access): access is MailboxAccess => access !== undefined);
  }

  async listSharedMailboxes(): Promise<readonly Mailbox[]> {
    const call = { cmdlet: 'Get-Mailbox', parameters: { RecipientTypeDetails: 'SharedMailbox', ResultSize: 'Unlimited' }, select: [...MAILBOX_PROPERTIES] };
    try {
      const { rows } = await this.client.invoke(call, this.retry);
      return rows.map(toMailbox);
    } catch (error) {
      throw toAppError(error, 'shared mailboxes');
    }
  }

  async apply(operation: ExchangeOperation): Promise<ExchangeResult> {
    const call = cmdletFor(operation);
    try {
      const { warnings } = await this.client.invoke(call, this.retry);
      return { ran: describeCall(call), warnings };
    } catch (error) {
      if (isAddressTaken(error)) {
        throw new AppError('invalid', `The address ${operation.mailbox} is already used by another mailbox, person or group: choose another one.`, { cause: error });
      }
      throw toAppError(error, operation.mailbox);
    }
  }

  async mailboxSize(identity: string): Promise<number | undefined> {
    try {
      const { rows } = await this.client.invoke({ cmdlet: 'Get-MailboxStatistics', parameters: { Identity: identity } }, this.retry);
      return rows[0] === undefined ? undefined : sizeInBytes(rows[0]['TotalItemSize']);
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw toAppError(error, identity);
    }
  }

  /** Three cmdlets per mailbox, packed into $batches; undefined where the mailbox does not exist. */
  private async readEach(identities: readonly string[]): Promise<(MailboxAccess | undefined)[]> {
    const calls = identities.flatMap((identity): CmdletCall[] => [
      { cmdlet: 'Get-Mailbox', parameters: { Identity: identity }, select: [...MAILBOX_PROPERTIES] },
      { cmdlet: 'Get-MailboxPermission', parameters: { Identity: identity } },
      { cmdlet: 'Get-RecipientPermission', parameters: { Identity: identity } },
    ]);
    // A batch that fails as a whole (Exchange unreachable, throttled past the budget) is an outage, not a bug.
    const results = await this.client.batch(calls, this.retry).catch((error: unknown) => {
      throw toAppError(error, identities.join(', '));
    });
    return identities.map((identity, index) => {
      const [mailbox, permissions, recipients] = [results[index * 3], results[index * 3 + 1], results[index * 3 + 2]];
      if (isNotFound(mailbox)) return undefined;
      const row = succeeded(mailbox, identity).rows[0];
      if (row === undefined) return undefined;
      return {
        mailbox: toMailbox(row),
        grants: [
          ...fullAccessGrants(succeeded(permissions, identity).rows),
          ...sendAsGrants(succeeded(recipients, identity).rows),
          ...sendOnBehalfGrants(row),
        ],
      };
    });
  }
}

function succeeded(result: CmdletResult | ExchangeCommandError | undefined, identity: string): CmdletResult {
  if (result === undefined || result instanceof ExchangeCommandError) throw toAppError(result, identity);
  return result;
}
