import assert from 'node:assert/strict';
import type { Viewer } from '../../src/app/outcome';
import type { ChangeRequest } from '../../src/domain/change-request';
import { requestCard } from '../../src/views';
import { buttonVerbs, cardText } from './card-inspect';
import { requestIn, requests } from './fixtures';

const verbs = (request: ChangeRequest, viewer: Viewer): string[] => buttonVerbs(requestCard(request, viewer).card);

describe('request card', () => {
  it('gives approvers Approve and Reject with an optional reason when the request is pending', () => {
    const card = requestCard(requests.pending, 'approver').card;
    assert.deepEqual(buttonVerbs(card), ['request.approve', 'request.reject']);
    const json = JSON.stringify(card);
    assert.match(json, /"type":"Action\.ShowCard"[^]*"type":"Input\.Text","id":"reason"/);
    assert.match(json, /"verb":"request\.reject","data":\{"requestId":"req-1001"\}/);
  });

  it('gives the requester only Cancel when the request is pending', () => {
    assert.deepEqual(verbs(requests.pending, 'requester'), ['request.cancel']);
  });

  it('gives other viewers no buttons but Undo on a carried-out change', () => {
    for (const request of Object.values(requests)) {
      assert.deepEqual(verbs(request, 'other'), request.status === 'done' ? ['request.undo'] : [], request.status);
    }
  });

  it('offers approvers Approve again when execution failed, and nothing to the requester', () => {
    const card = requestCard(requests.failed, 'approver');
    assert.deepEqual(buttonVerbs(card.card), ['request.approve']);
    assert.match(cardText(card.card), /Approve again/);
    assert.deepEqual(verbs(requests.failed, 'requester'), []);
  });

  it('shows no buttons to anyone once the request is decided, except Undo to approvers of a done one', () => {
    for (const status of ['executing', 'done', 'rejected', 'cancelled', 'expired', 'revoked'] as const) {
      for (const viewer of ['approver', 'requester'] as const) {
        const expected = status === 'done' && viewer === 'approver' ? ['request.undo'] : [];
        assert.deepEqual(verbs(requests[status], viewer), expected, `${status}/${viewer}`);
      }
    }
  });

  it('says who decided and how it ended in the status line', () => {
    const status = (request: ChangeRequest): string => requestCard(request, 'other').text.match(/^Status: (.*)$/m)?.[1] ?? '';
    assert.equal(status(requests.pending), 'Waiting for approval');
    assert.equal(status(requests.executing), 'Approved by Dana Park · running in Exchange');
    assert.equal(status(requests.done), 'Approved by Dana Park · done');
    assert.equal(status(requests.rejected), 'Rejected by Dana Park: Use the support queue instead');
    assert.equal(status(requests.failed), 'Failed: Exchange was unavailable (503)');
    assert.equal(status(requests.cancelled), 'Cancelled by Ann Lee');
    assert.equal(status(requests.expired), 'Expired');
  });

  it('tells everyone that Outlook can take an hour and what Exchange reported when the change is done', () => {
    const text = requestCard(requests.done, 'other').text;
    assert.match(text, /Changes can take up to 60 minutes to show in Outlook\./);
    assert.match(text, /Bob Jones already had Send As\./);
    assert.match(text, /Access ends on 25 Dec 2026\./);
  });

  it('shows mailbox, requester, trustee, rights, automapping, end date and reason', () => {
    const visible = cardText(requestCard(requests.pending, 'approver').card);
    for (const fact of ['Info (info@contoso.com)', 'Ann Lee', 'Bob Jones (bob@contoso.com)', 'Full Access, Send As', 'on', '25 Dec 2026', 'covering support']) {
      assert.ok(visible.split('\n').includes(fact), `missing ${fact}`);
    }
  });

  it('says groups never automap when access goes to a group', () => {
    assert.match(requestCard(requests.toGroup, 'approver').text, /Automapping: — \(groups never automap\)/);
  });

  it('shows the notice first when one is given', () => {
    const view = requestCard(requests.done, 'approver', 'Already approved by Dana Park');
    assert.match(view.text, /^Already approved by Dana Park\n/);
    assert.equal(cardText(view.card).split('\n')[0], 'Already approved by Dana Park');
  });

  it('refreshes for the requester and every approver', () => {
    const refresh = (requestCard(requests.pending, 'other').card as { refresh: { userIds: string[]; action: { verb: string; data: unknown } } }).refresh;
    assert.deepEqual(refresh.userIds, ['u-ann', 'u-dana', 'u-owner2']);
    assert.equal(refresh.action.verb, 'request.refresh');
    assert.deepEqual(refresh.action.data, { requestId: 'req-1001' });
  });

  it('keeps refresh.userIds to 60 with the requester included when there are many approvers', () => {
    const approverIds = Array.from({ length: 100 }, (_, i) => `u-admin${i}`);
    const card = requestCard(requestIn('pending', { approverIds }), 'approver').card as { refresh: { userIds: string[] } };
    assert.equal(card.refresh.userIds.length, 60);
    assert.equal(card.refresh.userIds[0], 'u-ann');
    assert.equal(new Set(card.refresh.userIds).size, 60);
  });

  it('keeps user text that looks like a template binding as text', () => {
    const view = requestCard(requestIn('pending', { reason: 'see ${budget} line' }), 'approver');
    assert.match(view.text, /Reason: see \$\{budget\} line/);
    assert.ok(cardText(view.card).split('\n').includes('see $\u200B{budget} line'));
  });
});
