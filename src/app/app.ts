import type { Command } from '../commands/command';
import type { Actor } from './actor';
import type { Outcome } from './outcome';

/** The core as the transport sees it: a command in, an outcome out; expected failures throw AppError. */
export interface App {
  execute(actor: Actor, command: Command): Promise<Outcome>;
}
