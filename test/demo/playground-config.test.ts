import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { asUserArgument } from '../../src/demo/as-user-argument';
import { playgroundConfig } from '../../src/demo/playground-config';
import { AppError } from '../../src/domain/errors';
import { parseSeed } from '../../src/simulator/seed';

const seed = parseSeed(JSON.parse(readFileSync(join(__dirname, '../../src/simulator/seeds/demo.json'), 'utf8')), 'demo.json');
const idOf = (upn: string): string => seed.users.find((u) => u.userPrincipalName === upn)!.id;
const field = (yaml: string, name: string): string[] => [...yaml.matchAll(new RegExp(`^\\s*(?:- )?${name}: "([^"]*)"$`, 'gm'))].map((m) => m[1]!);
const currentUserOf = (yaml: string): string => field(yaml.slice(yaml.indexOf('currentUser:'), yaml.indexOf('users:')), 'aadObjectId')[0]!;

describe('Playground config', () => {
  it('does start as a team lead who is not an admin when nobody is named', () => {
    assert.equal(currentUserOf(playgroundConfig(seed)), idOf('adele@contoso.com'));
  });

  it('does start as the named user whether given an alias, alias@, an address or a display name', () => {
    for (const asUser of ['megan', 'Megan@', 'megan@contoso.com', 'Megan Bowen', ' MEGAN ']) {
      assert.equal(currentUserOf(playgroundConfig(seed, asUser)), idOf('megan@contoso.com'), asUser);
    }
  });

  it('does name the seed tenant and only seeded people, with both admins beside a team lead', () => {
    const yaml = playgroundConfig(seed, 'adele');
    assert.deepEqual(field(yaml, 'tenantId'), [seed.tenant.id]);
    const ids = field(yaml, 'aadObjectId');
    assert.equal(ids.length, 6, 'the Playground needs exactly five other users');
    assert.equal(new Set(ids).size, 6);
    ids.forEach((id) => assert.ok(seed.users.some((u) => u.id === id && u.accountEnabled)));
    assert.ok(ids.includes(idOf('megan@contoso.com')) && ids.includes(idOf('isaiah@contoso.com')));
  });

  it('does give each current user a personal chat of their own', () => {
    const chat = (asUser: string): string | undefined => field(playgroundConfig(seed, asUser).split('personalChat:')[1]!, 'id')[0];
    assert.notEqual(chat('adele'), chat('megan'));
  });

  it('does refuse with a friendly error when the user is unknown or disabled', () => {
    assert.throws(() => playgroundConfig(seed, 'nobody'), (e: unknown) => e instanceof AppError && e.code === 'not-found' && /nobody/.test(e.message));
    const disabled = seed.users.find((u) => !u.accountEnabled)!;
    assert.throws(() => playgroundConfig(seed, disabled.userPrincipalName), (e: unknown) => e instanceof AppError && e.code === 'invalid' && /disabled/.test(e.message));
  });

  it('does ask for an address when a first name fits several people', () => {
    const person = (n: number, displayName: string) => ({
      id: `00000000-0000-4000-8000-00000000000${n}`, displayName, userPrincipalName: `sam.${n}@contoso.com`, accountEnabled: true,
    });
    const twins = { ...seed, users: [...seed.users, person(1, 'Sam Adams'), person(2, 'Sam Brown')] };
    assert.throws(() => playgroundConfig(twins, 'sam'), (e: unknown) => e instanceof AppError && e.code === 'ambiguous' && e.candidates.length === 2);
    assert.equal(currentUserOf(playgroundConfig(twins, 'sam.2@')), person(2, '').id);
  });

  it('does read the user to chat as from --as on the command line', () => {
    assert.equal(asUserArgument(['node', 'index.ts', '--as', 'megan']), 'megan');
    assert.equal(asUserArgument(['node', 'index.ts', '--as=isaiah@contoso.com']), 'isaiah@contoso.com');
    assert.equal(asUserArgument(['node', 'index.ts']), undefined);
    assert.equal(asUserArgument(['node', 'index.ts', '--as']), undefined);
  });
});
