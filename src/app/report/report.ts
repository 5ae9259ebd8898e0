import type { CommandOf } from '../../commands/command';
import { AppError } from '../../domain/errors';
import type { ReportProgress } from '../../domain/tenant-report';
import type { Actor } from '../actor';
import type { Deps } from '../deps';
import type { Outcome } from '../outcome';
import { requireAdmin } from '../requests/owners';
import { CURRENT_REPORT, LOCAL_OWNER, reportKey, runReport, type ReportJob } from './report-job';

/** By job id: one loop per job in this process, whichever owner started it. */
const inFlight = new Map<string, Promise<void>>();

/** "report": answers at once, builds the tenant report in the background and posts the summary when done. */
export async function report(deps: Deps, actor: Actor, _command: CommandOf<'report'>): Promise<Outcome> {
  await requireAdmin(deps, actor, 'run the tenant report');
  if (!deps.exports) throw new AppError('unavailable', 'Downloads are not set up on this bot, so the report has nowhere to go.');
  const running = await currentJob(deps);
  if (running) return { kind: 'report-progress', progress: progressOf(running, false) };
  const job: ReportJob = {
    id: deps.newId(),
    requesterId: actor.id,
    requesterName: actor.name,
    startedAt: deps.clock.now().toISOString(),
    cursor: 0,
    done: false,
  };
  await deps.store.putDocument(reportKey(job.id), job);
  await deps.store.putDocument(CURRENT_REPORT, job.id);
  inBackground(deps, job.id, LOCAL_OWNER);
  return { kind: 'report-progress', progress: progressOf(job, true) };
}

/** Picks up a report whose instance stopped; the job's lease keeps a running one with its owner. */
export async function resumeReports(deps: Deps, owner: string): Promise<void> {
  const job = await currentJob(deps);
  if (job) inBackground(deps, job.id, owner);
}

/** Settles when every report this process is building has finished or failed. */
export async function reportsIdle(): Promise<void> {
  await Promise.allSettled([...inFlight.values()]);
}

async function currentJob(deps: Deps): Promise<ReportJob | undefined> {
  const id = await deps.store.getDocument<string>(CURRENT_REPORT);
  const job = id === undefined ? undefined : await deps.store.getDocument<ReportJob>(reportKey(id));
  return job && !job.done ? job : undefined;
}

function inBackground(deps: Deps, id: string, owner: string): void {
  if (inFlight.has(id)) return;
  const run = runReport(deps, id, { owner })
    .catch((error: unknown) => deps.log.error('tenant report failed', { reportId: id, error }))
    .finally(() => inFlight.delete(id));
  inFlight.set(id, run);
}

function progressOf(job: ReportJob, started: boolean): ReportProgress {
  return {
    started,
    done: job.cursor,
    ...(job.total === undefined ? {} : { total: job.total }),
    startedAt: job.startedAt,
    requester: job.requesterName,
  };
}
