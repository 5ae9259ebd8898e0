import { randomUUID } from 'node:crypto';
import { odata, type TableClient, type TableEntityResult, type TransactionAction } from '@azure/data-tables';
import { AppError } from '../../domain/errors';
import type { TableCalls, WriteOutcome } from './azure-calls';
import { statusOf } from './azure-errors';
import { asciiJson, chunkProperties, ENTITY_CHARS, joinedChunks, tableKey } from './azure-keys';
import { documentJson } from './store-input';

type Row = TableEntityResult<Record<string, unknown>>;

interface Generation {
  readonly id: string;
  readonly parts: number;
}

interface Head {
  readonly etag: string;
  readonly generation?: Generation;
}

/** Parts per transaction: 3 × 450 000 characters stay under the 4 MiB batch limit even with JSON escaping. */
const PARTS_PER_BATCH = 3;
const PARALLEL_REQUESTS = 4;
/** A reader that finds its generation gone (replaced meanwhile) reads the new head; this many times at most. */
const READ_ROUNDS = 4;
/** No put takes this long, so older parts the head does not name were left by a crash and may go. */
const ABANDONED_AFTER_MS = 60 * 60 * 1000;

/**
 * Documents on Azure Tables. One that fits an entity is that entity, as it always was. A larger one is a
 * head entity naming a generation, and parts (one entity each) stored under that generation's row keys:
 * new parts are written first, then the head is switched in one conditional write, then the old parts
 * are deleted, so a reader sees the old document or the new one, never a mix.
 */
export class AzureDocuments {
  constructor(private readonly table: TableClient, private readonly calls: TableCalls) {}

  async get<T>(key: string): Promise<T | undefined> {
    const [partitionKey, rowKey] = documentKeys(key);
    for (let round = 0; round < READ_ROUNDS; round += 1) {
      const row = await this.calls.expecting([404], undefined, () => this.table.getEntity<Record<string, unknown>>(partitionKey, rowKey));
      if (row === undefined) return undefined;
      const generation = generationOf(row);
      if (generation === undefined) return JSON.parse(joinedChunks(row)) as T;
      const json = await this.readParts(partitionKey, rowKey, generation);
      if (json !== undefined) return JSON.parse(json) as T;
    }
    throw new AppError('unavailable', `Document "${key}" kept changing while it was read; try again in a moment.`);
  }

  /** Of two concurrent puts (or a put and a delete) the head takes one; the other counts as the earlier write. */
  async put<T>(key: string, value: T): Promise<void> {
    const [partitionKey, rowKey] = documentKeys(key);
    const ascii = asciiJson(documentJson(key, value));
    const current = await this.head(partitionKey, rowKey);
    const generation = ascii.length > ENTITY_CHARS ? await this.writeParts(partitionKey, rowKey, ascii) : undefined;
    const body = generation ? { generation: generation.id, partCount: generation.parts } : chunkProperties(ascii);
    const entity = { partitionKey, rowKey, writeId: randomUUID(), ...body };
    const outcome: WriteOutcome = current
      ? await this.calls.writeOnce(this.table, entity, [404, 412], () =>
          this.table.updateEntity(entity, 'Replace', { etag: current.etag }),
        )
      : await this.calls.writeOnce(this.table, entity, [409], () => this.table.createEntity(entity));
    const superseded = 'etag' in outcome ? current?.generation : generation;
    if (superseded) await this.deleteParts(partitionKey, rowKey, superseded);
    if (generation && 'etag' in outcome) await this.sweepAbandoned(partitionKey, rowKey, generation);
  }

  async delete(key: string): Promise<void> {
    const [partitionKey, rowKey] = documentKeys(key);
    for (let round = 0; round < READ_ROUNDS; round += 1) {
      const current = await this.head(partitionKey, rowKey);
      if (current === undefined) return;
      // 404 on a retry: the head is gone (ours or a concurrent delete); 412: a put replaced it, so look again.
      const outcome = await this.calls.expecting([404, 412], 'refused', async (attempt) => {
        try {
          return await this.table.deleteEntity(partitionKey, rowKey, { etag: current.etag });
        } catch (err) {
          if (attempt > 1 && statusOf(err) === 404) return 'gone';
          throw err;
        }
      });
      if (outcome === 'refused') continue;
      if (current.generation) await this.deleteParts(partitionKey, rowKey, current.generation);
      return;
    }
    throw new AppError('unavailable', `Document "${key}" kept changing while it was deleted; try again in a moment.`);
  }

  private async head(partitionKey: string, rowKey: string): Promise<Head | undefined> {
    const select = ['generation', 'partCount'];
    const row = await this.calls.expecting([404], undefined, () =>
      this.table.getEntity<Record<string, unknown>>(partitionKey, rowKey, { queryOptions: { select } }),
    );
    if (row === undefined) return undefined;
    const generation = generationOf(row);
    return generation ? { etag: row.etag, generation } : { etag: row.etag };
  }

  private async writeParts(partitionKey: string, rowKey: string, ascii: string): Promise<Generation> {
    const generation = { id: randomUUID().replaceAll('-', ''), parts: Math.ceil(ascii.length / ENTITY_CHARS) };
    const actions: TransactionAction[] = Array.from({ length: generation.parts }, (_, index) => {
      const body = chunkProperties(ascii.slice(index * ENTITY_CHARS, (index + 1) * ENTITY_CHARS));
      const part = { partitionKey, rowKey: partKey(rowKey, generation.id, index), writtenAt: Date.now(), ...body };
      return ['upsert', part, 'Replace'];
    });
    const batches = inGroups(actions, PARTS_PER_BATCH);
    await inParallel(batches, (batch) => this.calls.run(() => this.table.submitTransaction(batch)));
    return generation;
  }

  /** Undefined when the generation is incomplete: a writer replaced it and is deleting its parts. */
  private async readParts(partitionKey: string, rowKey: string, generation: Generation): Promise<string | undefined> {
    const filter = odata`PartitionKey eq ${partitionKey} and RowKey ge ${partKey(rowKey, generation.id, 0)} and RowKey lt ${partsEnd(rowKey, generation.id)}`;
    const parts = await this.calls.run(async () => {
      const rows: Row[] = [];
      for await (const row of this.table.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) rows.push(row);
      return rows;
    });
    if (parts.length !== generation.parts) return undefined;
    return parts.map(joinedChunks).join('');
  }

  private async deleteParts(partitionKey: string, rowKey: string, generation: Generation): Promise<void> {
    const indexes = Array.from({ length: generation.parts }, (_, index) => index);
    await this.deleteRows(partitionKey, indexes.map((index) => partKey(rowKey, generation.id, index)));
  }

  /** Parts of generations a crash left unnamed (written, never switched to, or replaced but not deleted). */
  private async sweepAbandoned(partitionKey: string, rowKey: string, current: Generation): Promise<void> {
    const before = Date.now() - ABANDONED_AFTER_MS;
    const filter = odata`PartitionKey eq ${partitionKey} and RowKey gt ${`${rowKey}%p`} and RowKey lt ${`${rowKey}%q`} and writtenAt lt ${before}`;
    const abandoned = await this.calls.run(async () => {
      const keys: string[] = [];
      for await (const row of this.table.listEntities({ queryOptions: { filter, select: ['RowKey'] } })) keys.push(row.rowKey!);
      return keys;
    });
    await this.deleteRows(partitionKey, abandoned.filter((key) => !key.startsWith(`${rowKey}%p${current.id}-`)));
  }

  private async deleteRows(partitionKey: string, rowKeys: readonly string[]): Promise<void> {
    await inParallel(rowKeys, (key) => this.calls.expecting([404], undefined, () => this.table.deleteEntity(partitionKey, key)));
  }
}

/** Spreads documents by kind ("card", "conversation" …) so one busy kind does not crowd the others. */
function documentKeys(key: string): [partitionKey: string, rowKey: string] {
  const colon = key.indexOf(':');
  return [tableKey(colon > 0 ? key.slice(0, colon) : 'document'), tableKey(key)];
}

/** tableKey never yields "%p" (a literal % is escaped as %25), so part keys cannot meet another document's key. */
function partKey(rowKey: string, generation: string, index: number): string {
  return `${rowKey}%p${generation}-${String(index).padStart(6, '0')}`;
}

function partsEnd(rowKey: string, generation: string): string {
  return `${rowKey}%p${generation}.`;
}

function generationOf(row: Readonly<Record<string, unknown>>): Generation | undefined {
  const id = row['generation'];
  return typeof id === 'string' && id.length > 0 ? { id, parts: Number(row['partCount']) } : undefined;
}

function inGroups<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let start = 0; start < items.length; start += size) groups.push(items.slice(start, start + size));
  return groups;
}

async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  for (const group of inGroups(items, PARALLEL_REQUESTS)) await Promise.all(group.map(work));
}
