import { SqliteStore } from '../../../src/adapters/store/sqlite-store';
import { AppError } from '../../../src/domain/errors';

/** Run as a separate process: bumps one request's attempt counter with conditional writes, reports wins. */
async function race(path: string, requestId: string, rounds: number): Promise<void> {
  const store = new SqliteStore(path);
  let wins = 0;
  let conflicts = 0;
  for (let round = 0; round < rounds; round += 1) {
    const current = await store.getRequest(requestId);
    if (current === undefined) throw new Error(`request ${requestId} is missing`);
    const attempts = (current.execution?.attempts ?? 0) + 1;
    try {
      await store.updateRequest({ ...current, execution: { attempts } });
      wins += 1;
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'conflict')) throw err;
      conflicts += 1;
    }
  }
  await store.close();
  process.stdout.write(JSON.stringify({ wins, conflicts }));
}

const [path, requestId, rounds] = process.argv.slice(2);
if (path === undefined || requestId === undefined) throw new Error('usage: sqlite-racer <path> <request id> <rounds>');
void race(path, requestId, Number(rounds ?? 100));
