import type { Command } from '../commands/command';
import { AppError } from '../domain/errors';
import type { Actor } from './actor';
import type { Deps } from './deps';
import type { Outcome } from './outcome';

interface PendingPick {
  readonly actorId: string;
  readonly command: Command;
  readonly field: 'person' | 'mailbox';
  readonly candidateIds: readonly string[];
}

type Execute = (actor: Actor, command: Command) => Promise<Outcome>;

/**
 * An ambiguous name never becomes a guess: the command is parked and the user picks from the candidates.
 * The pick card carries only the parked command's id; what was asked is reloaded from the store.
 */
export async function withPicks(deps: Deps, actor: Actor, command: Command, execute: Execute): Promise<Outcome> {
  try {
    return await execute(actor, command);
  } catch (error) {
    const field = ambiguousField(command, error);
    if (!field || !(error instanceof AppError)) throw error;
    const pending = deps.newId();
    const pick: PendingPick = { actorId: actor.id, command, field, candidateIds: error.candidates.map((c) => c.id) };
    await deps.store.putDocument(`pick:${pending}`, pick);
    return { kind: 'pick', question: error.message, pending, candidates: error.candidates };
  }
}

/** Runs the parked command again with the picked object id in place of the ambiguous name. */
export async function resumePick(deps: Deps, actor: Actor, pending: string, personId: string, execute: Execute): Promise<Outcome> {
  const pick = await deps.store.getDocument<PendingPick>(`pick:${pending}`);
  if (!pick) throw new AppError('not-found', 'That choice has expired. Please ask again.');
  if (pick.actorId !== actor.id) throw new AppError('forbidden', 'Only the person who asked can pick here.');
  if (!pick.candidateIds.includes(personId)) throw new AppError('invalid', 'That is not one of the choices offered.');
  await deps.store.deleteDocument(`pick:${pending}`);
  return withPicks(deps, actor, { ...pick.command, [pick.field]: `id:${personId}` } as Command, execute);
}

function ambiguousField(command: Command, error: unknown): 'person' | 'mailbox' | undefined {
  if (!(error instanceof AppError) || error.code !== 'ambiguous' || error.candidates.length === 0) return undefined;
  const field = error.subject ?? 'person';
  return field in command ? field : undefined;
}
