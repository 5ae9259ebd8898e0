import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import type { Command } from '../../src/commands/command';
import { parseText } from '../../src/commands/parse-text';
import { AppError } from '../../src/domain/errors';
import { ALL_RIGHTS } from '../../src/domain/mailbox';
import { renderText } from './render-text';

const TODAY = new Date('2026-11-25T12:00:00Z');
const KEYWORDS = [
  'add', 'remove', 'owner', 'to', 'from', 'as', 'for', 'until', 'because', 'without', 'automapping', 'who',
  'can', 'access', 'full', 'send', 'on', 'behalf', 'and', ',', '+', '&', 'days', 'weeks', '3', '0', '-1',
  '2026-12-31', '2020-01-01', '"', "'", '&nbsp;', '<at>', '</at>', '**', 'mailto:', 'info@', 'history', 'owners',
  'grant', 'give', 'revoke', 'set', 'approvals', 'channel', 'pending', 'my', 'mailboxes', 'help', '\n', '\u00a0',
];

function parsesOrRefuses(text: string): void {
  try {
    const command = parseText(text, TODAY);
    assert.equal(typeof command.kind, 'string');
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'invalid' || error.message === '') throw error;
  }
}

function timed(text: string): number {
  const started = performance.now();
  parsesOrRefuses(text);
  return performance.now() - started;
}

const NAMES = ['Alex', 'Wilber', 'Megan', 'Bowen', 'Customer', 'Support', 'Sales', 'Lee', 'Grady', 'Diego', 'Info', 'Desk'];
const alias = fc.stringMatching(/^[a-z][a-z0-9._-]{0,10}$/).filter((s) => !s.endsWith('.'));
const address = fc.oneof(
  alias.map((a) => `${a}@contoso.com`),
  alias.map((a) => `${a}@`),
);
const displayName = fc.array(fc.constantFrom(...NAMES), { minLength: 2, maxLength: 3 }).map((words) => words.join(' '));
const person = fc.oneof(address, displayName);
const mailbox = fc.oneof(address, alias, displayName);
const rights = fc.subarray([...ALL_RIGHTS], { minLength: 1 });
const reason = fc
  .array(fc.constantFrom('holiday', 'cover', 'urgent', 'Jo', 'is', 'away', 'project', 'X', 'needs', 'it', 'team'), { minLength: 1, maxLength: 12 })
  .map((words) => words.join(' '));
const day = fc.integer({ min: 0, max: 3000 }).map((offset) => new Date(TODAY.getTime() + offset * 86_400_000).toISOString().slice(0, 10));
const duration = fc.oneof(fc.integer({ min: 1, max: 3650 }).map((days) => ({ days })), day.map((until) => ({ until })));

const textCommand: fc.Arbitrary<Command> = fc.oneof(
  fc.constant<Command>({ kind: 'help' }),
  fc.constant<Command>({ kind: 'my-mailboxes' }),
  fc.constant<Command>({ kind: 'pending' }),
  fc.constant<Command>({ kind: 'set-approvals-channel' }),
  mailbox.map((m): Command => ({ kind: 'who-can-access', mailbox: m })),
  mailbox.map((m): Command => ({ kind: 'history', mailbox: m })),
  mailbox.map((m): Command => ({ kind: 'owners', mailbox: m })),
  fc.tuple(person, mailbox).map(([p, m]): Command => ({ kind: 'add-owner', person: p, mailbox: m })),
  fc.tuple(person, mailbox).map(([p, m]): Command => ({ kind: 'remove-owner', person: p, mailbox: m })),
  fc
    .record({ person, mailbox, rights, automapping: fc.boolean(), duration: fc.option(duration, { nil: undefined }), reason: fc.option(reason, { nil: undefined }) })
    .map(({ duration: d, reason: r, ...rest }): Command => ({
      kind: 'request-grant',
      ...rest,
      ...(d === undefined ? {} : { duration: d }),
      ...(r === undefined ? {} : { reason: r }),
    })),
  fc
    .record({ person, mailbox, rights, reason: fc.option(reason, { nil: undefined }) })
    .map(({ reason: r, ...rest }): Command => ({ kind: 'request-revoke', ...rest, ...(r === undefined ? {} : { reason: r }) })),
);

describe('parseText properties', () => {
  it('never throws anything but a friendly AppError for arbitrary text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), parsesOrRefuses), { numRuns: 2000 });
  });

  it('never throws anything but a friendly AppError for sentences made of its own keywords', () => {
    const sentence = fc.array(fc.oneof(fc.constantFrom(...KEYWORDS), fc.string({ maxLength: 6 })), { maxLength: 25 }).map((w) => w.join(' '));
    fc.assert(fc.property(sentence, parsesOrRefuses), { numRuns: 3000 });
  });

  it('reads every command it can render back to the same command', () => {
    fc.assert(
      fc.property(textCommand, (command) => {
        assert.deepStrictEqual(parseText(renderText(command), TODAY), command);
      }),
      { numRuns: 1500 },
    );
  });

  it('answers quickly for long repetitive input meant to make regexes backtrack', () => {
    const n = 100_000;
    const adversarial = [
      'a '.repeat(n / 2),
      'x'.repeat(n),
      `add ${'to '.repeat(n / 3)}`,
      `add a to b ${'as '.repeat(n / 3)}`,
      `add a to b as ${'send as and '.repeat(n / 12)}`,
      `add a to b because ${'for 1 days '.repeat(n / 11)}`,
      `add a to b because ${'as full '.repeat(n / 8)}`,
      `remove a from b ${'send as and '.repeat(n / 12)}`,
      `give ${'full '.repeat(n / 5)}to x`,
      `who can access ${'"'.repeat(n)}`,
      `who can access ${"'a ".repeat(n / 3)}`,
      '<a'.repeat(n / 2),
      `<at>${'x'.repeat(n)}`,
      '&#'.repeat(n / 2),
      '&nbsp;'.repeat(n / 6),
      `${'['.repeat(n)}](`,
      `${'[a]('.repeat(n / 4)}`,
      `${'?'.repeat(n)}a`,
      `a${'_'.repeat(n)}a`,
      `${'1'.repeat(n)}x`,
      `add a to b for ${'1'.repeat(n)} days`,
      `add a to b until ${'2'.repeat(n)}`,
      `${',;:'.repeat(n / 3)}x`,
      `who can access ${'x,'.repeat(n / 2)}`,
      `make ${'an '.repeat(n / 3)}`,
      '<at>'.repeat(n / 4),
      `${'<at>x</at>'.repeat(n / 10)}y`,
      `add ${'<at>x</at> '.repeat(n / 11)}to b`,
      `add ${Array.from({ length: n / 12 }, (_, i) => `<at>${i}</at>`).join(' ')} to b`,
      `who can access ${'<at>x</at>'.repeat(n / 10)}`,
    ];
    for (const text of adversarial) {
      assert.ok(text.length >= 50_000);
      const ms = timed(text);
      assert.ok(ms < 500, `${JSON.stringify(text.slice(0, 30))}… took ${ms.toFixed(0)} ms`);
    }
  });
});
