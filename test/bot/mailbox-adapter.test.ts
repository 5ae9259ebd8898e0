import { strict as assert } from 'node:assert';
import type { TurnContext } from 'botbuilder';
import { createAdapter } from '../../src/bot/create-adapter';
import { personalMessage } from '../support/activities';
import { RecordingLog } from '../support/recording-log';

describe('MailboxAdapter', () => {
  const where = { tenantId: '7a3c1d2e-0000-4000-8000-000000000001', serviceUrl: 'http://127.0.0.1:9/' };
  const ann = { aadObjectId: '00000000-0000-4000-8000-0000000000a1', name: 'Ann' };

  it('does hand every turn for the same app one user-token client instead of building one per turn', async () => {
    const adapter = createAdapter(undefined, new RecordingLog());
    const seen: unknown[] = [];
    for (const text of ['help', 'pending']) {
      const answer = await adapter.answer(personalMessage(ann, text, where), '', async (context: TurnContext) => {
        seen.push(context.turnState.get(adapter.UserTokenClientKey));
      });
      assert.equal(answer.status, 200);
    }
    assert.equal(seen.length, 2);
    assert.ok(seen[0], 'the turn carries a user-token client');
    assert.equal(seen[1], seen[0]);
  });
});
