import { strict as assert } from 'node:assert';
import { resolvePrincipal } from '../../../src/app/resolve';
import { ids, rejection, sharedAccessEnv, type AccessEnv } from './access-env';

describe('resolvePrincipal (simulator)', () => {
  let env: AccessEnv;
  sharedAccessEnv((started) => void (env = started));

  it('finds a person from alias@, a full address or a display name', async () => {
    const expected = { kind: 'user', id: ids.adele, displayName: 'Adele Vance', address: 'adele@contoso.com' };
    for (const query of ['adele@', 'adele@contoso.com', 'Adele Vance', 'adele vance']) {
      assert.deepEqual(await resolvePrincipal(env.deps, query), expected, query);
    }
  });

  it('finds a person from an already resolved object id', async () => {
    const person = await resolvePrincipal(env.deps, `id:${ids.pradeep}`);
    assert.deepEqual(person, { kind: 'user', id: ids.pradeep, displayName: 'Pradeep Gupta', address: 'pradeep@contoso.com' });
  });

  it('offers every match with its object id when a display name is shared', async () => {
    const error = await rejection(resolvePrincipal(env.deps, 'Alex Wilber'));
    assert.equal(error.code, 'ambiguous');
    assert.equal(error.subject, 'person');
    assert.match(error.message, /"Alex Wilber" could be 2 different people/);
    assert.deepEqual(
      [...error.candidates].sort((a, b) => a.id.localeCompare(b.id)),
      [
        { id: ids.alexWilber, label: 'Alex Wilber', detail: 'alex.wilber@contoso.com' },
        { id: ids.alexW, label: 'Alex Wilber', detail: 'alex.w@contoso.com' },
      ],
    );
  });

  it('finds a mail-enabled security group only when groups are allowed', async () => {
    const group = await resolvePrincipal(env.deps, 'Sales', { allowGroups: true });
    assert.deepEqual(group, { kind: 'group', id: ids.sales, displayName: 'Sales', address: 'sales@contoso.com' });
    assert.deepEqual(await resolvePrincipal(env.deps, 'sales@', { allowGroups: true }), group);
    assert.deepEqual(await resolvePrincipal(env.deps, `id:${ids.sales}`, { allowGroups: true }), group);
    const error = await rejection(resolvePrincipal(env.deps, 'Sales'));
    assert.equal(error.code, 'not-found');
  });

  it('never offers a group that Exchange cannot take as a trustee', async () => {
    const error = await rejection(resolvePrincipal(env.deps, 'Sales newsletter', { allowGroups: true }));
    assert.equal(error.code, 'not-found');
    assert.match(error.message, /"Sales newsletter"/);
  });

  it('quotes what was typed when nobody matches', async () => {
    const error = await rejection(resolvePrincipal(env.deps, 'Zaphod Beeblebrox'));
    assert.equal(error.code, 'not-found');
    assert.equal(error.message, `I can't find anyone called "Zaphod Beeblebrox". Try their full email address.`);
    const unknownId = await rejection(resolvePrincipal(env.deps, 'id:00000000-0000-4000-8000-00000000dead'));
    assert.equal(unknownId.code, 'not-found');
  });

  it('asks who is meant when nothing was typed', async () => {
    const error = await rejection(resolvePrincipal(env.deps, ' '));
    assert.equal(error.code, 'invalid');
  });
});
