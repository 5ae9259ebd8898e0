import assert from 'node:assert/strict';
import type { BeforeState, ChangeRequest } from '../../../src/domain/change-request';
import { undoChange } from '../../../src/domain/undo-change';

const mailbox = { id: 'mb', displayName: 'Info', address: 'info@contoso.com' };
const bob = { kind: 'user' as const, id: 'u-bob', displayName: 'Bob', address: 'bob@contoso.com' };

function done(change: ChangeRequest['change'], before?: BeforeState): ChangeRequest {
  return {
    id: 'r1', change, requester: bob, approverIds: ['u-dana'], status: 'done', createdAt: '', expiresAt: '', version: '1',
    result: { at: '', ok: true, steps: [], warnings: [], ...(before ? { before } : {}) },
  };
}

describe('undoChange', () => {
  it('removes only the rights a grant added, leaving those held before', () => {
    const request = done({ kind: 'grant', mailbox, trustee: bob, rights: ['full-access', 'send-as'], automapping: true }, { rights: ['send-as'] });
    assert.deepEqual(undoChange(request), { kind: 'revoke', mailbox, trustee: bob, rights: ['full-access'] });
  });

  it('grants back exactly the removed rights with the automapping recorded before', () => {
    const request = done({ kind: 'revoke', mailbox, trustee: bob, rights: ['full-access', 'send-on-behalf'] }, { rights: ['full-access'], automapping: false });
    assert.deepEqual(undoChange(request), { kind: 'grant', mailbox, trustee: bob, rights: ['full-access'], automapping: false });
  });

  it('says there is nothing to undo when the grant changed nothing', () => {
    const request = done({ kind: 'grant', mailbox, trustee: bob, rights: ['send-as'], automapping: true }, { rights: ['send-as'] });
    assert.match(String(undoChange(request)), /nothing to undo/);
  });

  it('falls back to the requested rights when no before-state was recorded', () => {
    const request = done({ kind: 'grant', mailbox, trustee: bob, rights: ['send-as'], automapping: true });
    assert.deepEqual(undoChange(request), { kind: 'revoke', mailbox, trustee: bob, rights: ['send-as'] });
  });
});
