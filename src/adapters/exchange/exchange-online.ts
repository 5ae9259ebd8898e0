import type { Mailbox, MailboxAccess } from '../../domain/mailbox';
import { AppError } from '../../domain/errors';
import type { Exchange, ExchangeOperation, ExchangeResult, ReadAccessOptions } from '../../ports';
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
    const [access] = await this.readEach([identity], {});
    return access;
  }

  async readAccessMany(identities: readonly string[], options: ReadAccessOptions = {}): Promise<readonly MailboxAccess[]> {
    const found = await this.readEach(identities, options);
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

  /** Three cmdlets per mailbox (four with its size), packed into $batches; undefined where the mailbox does not exist. */
  private async readEach(identities: readonly string[], { withSize = false, withAccount = false }: ReadAccessOptions): Promise<(MailboxAccess | undefined)[]> {
    const select = withAccount ? [...MAILBOX_PROPERTIES, 'AccountDisabled'] : [...MAILBOX_PROPERTIES];
    const calls = identities.flatMap((identity): CmdletCall[] => [
      { cmdlet: 'Get-Mailbox', parameters: { Identity: identity }, select },
      { cmdlet: 'Get-MailboxPermission', parameters: { Identity: identity } },
      { cmdlet: 'Get-RecipientPermission', parameters: { Identity: identity } },
      ...(withSize ? [{ cmdlet: 'Get-MailboxStatistics', parameters: { Identity: identity }, select: ['TotalItemSize'] }] : []),
    ]);
    const per = withSize ? 4 : 3;
    // A batch that fails as a whole (Exchange unreachable, throttled past the budget) is an outage, not a bug.
    const results = await this.client.batch(calls, this.retry).catch((error: unknown) => {
      throw toAppError(error, identities.join(', '));
    });
    return identities.map((identity, index) => {
      const [mailbox, permissions, recipients, statistics] = results.slice(index * per, index * per + per);
      if (isNotFound(mailbox)) return undefined;
      const row = succeeded(mailbox, identity).rows[0];
      if (row === undefined) return undefined;
      const sizeBytes = withSize ? sizeOf(statistics) : undefined;
      const disabled = withAccount ? row['AccountDisabled'] : undefined;
      return {
        mailbox: toMailbox(row),
        grants: [
          ...fullAccessGrants(succeeded(permissions, identity).rows),
          ...sendAsGrants(succeeded(recipients, identity).rows),
          ...sendOnBehalfGrants(row),
        ],
        ...(sizeBytes === undefined ? {} : { sizeBytes }),
        ...(typeof disabled === 'boolean' ? { accountEnabled: !disabled } : {}),
      };
    });
  }
}

/** The size a Get-MailboxStatistics result gives; none when it failed (a mailbox never logged on to has no statistics). */
function sizeOf(result: CmdletResult | ExchangeCommandError | undefined): number | undefined {
  if (result === undefined || result instanceof ExchangeCommandError) return undefined;
  return result.rows[0] === undefined ? undefined : sizeInBytes(result.rows[0]['TotalItemSize']);
}

function succeeded(result: CmdletResult | ExchangeCommandError | undefined, identity: string): CmdletResult {
  if (result === undefined || result instanceof ExchangeCommandError) throw toAppError(result, identity);
  return result;
}
