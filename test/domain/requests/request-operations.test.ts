import { strict as assert } from 'node:assert';
import { operationsFor } from '../../../src/domain/request-operations';
import { bob, infoRef, sales } from './fixtures';

describe('operationsFor', () => {
  it('maps a grant to the Exchange additions in a fixed order, with automapping', () => {
    const ops = operationsFor({ kind: 'grant', mailbox: infoRef, trustee: bob, rights: ['send-on-behalf', 'full-access', 'send-as'], automapping: true });

    assert.deepEqual(ops, [
      { kind: 'add-full-access', mailbox: 'info@contoso.com', trustee: 'bob@contoso.com', autoMapping: true },
      { kind: 'add-send-as', mailbox: 'info@contoso.com', trustee: 'bob@contoso.com' },
      { kind: 'add-send-on-behalf', mailbox: 'info@contoso.com', trustee: 'bob@contoso.com' },
    ]);
  });

  it('never asks Exchange to automap a group', () => {
    const [op] = operationsFor({ kind: 'grant', mailbox: infoRef, trustee: sales, rights: ['full-access'], automapping: true });

    assert.deepEqual(op, { kind: 'add-full-access', mailbox: 'info@contoso.com', trustee: 'sales@contoso.com', autoMapping: false });
  });

  it('maps a revoke to the removals of only the named rights', () => {
    const ops = operationsFor({ kind: 'revoke', mailbox: infoRef, trustee: bob, rights: ['send-as'] });

    assert.deepEqual(ops, [{ kind: 'remove-send-as', mailbox: 'info@contoso.com', trustee: 'bob@contoso.com' }]);
  });
});
