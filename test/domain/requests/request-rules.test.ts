import { strict as assert } from 'node:assert';
import type { Change, RequestStatus } from '../../../src/domain/change-request';
import {
  canMove,
  decisionRefusal,
  inverseOf,
  isDueForRevocation,
  isClaimable,
  isOverdue,
  moveTo,
  sameChange,
  statusNotice,
  viewerOf,
} from '../../../src/domain/request-rules';
import { aRequest, bob, dana, infoRef, sales } from './fixtures';

describe('request transitions', () => {
  const allowed: readonly [RequestStatus, RequestStatus][] = [
    ['pending', 'approved'], ['pending', 'rejected'], ['pending', 'cancelled'], ['pending', 'expired'],
    ['approved', 'executing'], ['executing', 'done'], ['executing', 'failed'], ['executing', 'executing'],
    ['failed', 'approved'], ['done', 'revoked'],
  ];

  it('allows exactly the lifecycle moves', () => {
    const statuses: RequestStatus[] = ['pending', 'approved', 'executing', 'done', 'failed', 'rejected', 'cancelled', 'expired', 'revoked'];
    for (const from of statuses) {
      for (const to of statuses) {
        const expected = allowed.some(([a, b]) => a === from && b === to);
        assert.equal(canMove(from, to), expected, `${from} → ${to}`);
      }
    }
  });

  it('refuses to move a decided request back to approved', () => {
    assert.throws(() => moveTo(aRequest({ status: 'rejected' }), 'approved'), /cannot become approved/);
  });

  it('keeps the version when moving, so the write stays conditional', () => {
    const moved = moveTo(aRequest({ version: '7' }), 'approved');

    assert.equal(moved.status, 'approved');
    assert.equal(moved.version, '7');
  });
});

describe('decisionRefusal', () => {
  it('refuses the requester even when they are an approver', () => {
    const request = aRequest({ approverIds: [bob.id, dana.id] });

    assert.equal(decisionRefusal(request, bob.id, 'approve', [bob.id, dana.id]), "You can't approve your own request.");
  });

  it('refuses someone who is not among the request approvers', () => {
    assert.match(decisionRefusal(aRequest(), 'user-eve', 'approve', ['user-eve']) ?? '', /Only the owners of Info/);
  });

  it('refuses an approver who is no longer an approver now', () => {
    assert.match(decisionRefusal(aRequest(), dana.id, 'reject', []) ?? '', /Only the owners of Info/);
  });

  it('lets a current approver decide', () => {
    assert.equal(decisionRefusal(aRequest(), dana.id, 'approve', [dana.id]), undefined);
  });
});

describe('viewerOf', () => {
  it('shows approvers the buttons only while there is something to decide', () => {
    assert.equal(viewerOf(aRequest(), dana.id), 'approver');
    assert.equal(viewerOf(aRequest({ status: 'failed' }), dana.id), 'approver');
    assert.equal(viewerOf(aRequest({ status: 'done' }), dana.id), 'other');
  });

  it('shows the requester their own view and everyone else a status', () => {
    assert.equal(viewerOf(aRequest(), bob.id), 'requester');
    assert.equal(viewerOf(aRequest(), 'user-eve'), 'other');
  });
});

describe('isOverdue and isClaimable', () => {
  const now = new Date('2026-12-05T00:00:00.000Z');

  it('treats a pending request past its expiry as overdue, and nothing else', () => {
    assert.equal(isOverdue(aRequest({ expiresAt: '2026-12-04T00:00:00.000Z' }), now), true);
    assert.equal(isOverdue(aRequest(), now), false);
    assert.equal(isOverdue(aRequest({ status: 'approved', expiresAt: '2026-12-04T00:00:00.000Z' }), now), false);
  });

  it('lets an executor claim an approved request or an execution whose lease ran out', () => {
    const executing = (leaseUntil: string) => aRequest({ status: 'executing', execution: { attempts: 0, leaseOwner: 'a', leaseUntil } });

    assert.equal(isClaimable(aRequest({ status: 'approved' }), now), true);
    assert.equal(isClaimable(executing('2026-12-04T23:59:00.000Z'), now), true);
    assert.equal(isClaimable(executing('2026-12-05T00:01:00.000Z'), now), false);
    assert.equal(isClaimable(aRequest({ status: 'done' }), now), false);
  });
});

describe('sameChange', () => {
  const grant = aRequest().change as Extract<Change, { kind: 'grant' }>;

  it('matches the same rights in any order', () => {
    assert.ok(sameChange(grant, { ...grant, rights: ['send-as', 'full-access'] }));
  });

  it('tells apart other rights, trustees, mailboxes and kinds', () => {
    assert.ok(!sameChange(grant, { ...grant, rights: ['full-access'] }));
    assert.ok(!sameChange(grant, { ...grant, trustee: sales }));
    assert.ok(!sameChange(grant, { ...grant, mailbox: { ...infoRef, id: 'other' } }));
    assert.ok(!sameChange(grant, { kind: 'revoke', mailbox: infoRef, trustee: bob, rights: grant.rights }));
  });
});

describe('statusNotice', () => {
  it('names who approved or rejected', () => {
    const decision = { verdict: 'approved' as const, by: dana, at: '2026-12-02T00:00:00.000Z' };

    assert.equal(statusNotice(aRequest({ status: 'done', decision })), 'Already approved by Dana Lee.');
    assert.equal(statusNotice(aRequest({ status: 'rejected', decision: { ...decision, verdict: 'rejected' } })), 'Already rejected by Dana Lee.');
  });

  it('says when a request expired', () => {
    assert.match(statusNotice(aRequest({ status: 'expired' })), /expired on 2026-12-08/);
  });
});

describe('isDueForRevocation and inverseOf', () => {
  const now = new Date('2026-12-24T12:00:00.000Z');
  const timeBound = (until: string, fields = {}) =>
    aRequest({ status: 'done', change: { ...aRequest().change, until } as ReturnType<typeof aRequest>['change'], ...fields });

  it('is due once a carried-out grant reached its end and nobody holds it', () => {
    assert.equal(isDueForRevocation(timeBound('2026-12-24T11:00:00.000Z'), now), true);
    assert.equal(isDueForRevocation(timeBound('2026-12-25T11:00:00.000Z'), now), false);
    assert.equal(isDueForRevocation(timeBound('2026-12-24T11:00:00.000Z', { status: 'executing' }), now), false);
    assert.equal(isDueForRevocation(aRequest({ status: 'done' }), now), false);
  });

  it('is not due while another instance holds it', () => {
    const held = timeBound('2026-12-24T11:00:00.000Z', { execution: { attempts: 1, leaseOwner: 'b', leaseUntil: '2026-12-24T12:01:00.000Z' } });

    assert.equal(isDueForRevocation(held, now), false);
  });

  it('undoes a grant by removing the same rights', () => {
    assert.deepEqual(inverseOf(aRequest().change), { kind: 'revoke', mailbox: infoRef, trustee: bob, rights: ['full-access', 'send-as'] });
  });
});
