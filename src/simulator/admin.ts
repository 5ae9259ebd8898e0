import type { SimContext } from './context';
import { validateFaults } from './faults';
import { jsonReply, parseJson, type Call, type Reply } from './http';
import { buildState } from './state';

export function handleAdmin(ctx: SimContext, call: Call, resource: string): Reply {
  if (resource === 'reset' && call.method === 'POST') {
    ctx.state = buildState(ctx.seed, ctx.now());
    ctx.journal.clear();
    ctx.faults.reset();
    return { status: 204 };
  }
  if (resource === 'automapping' && call.method === 'GET') return jsonReply(200, { mailboxes: automappingView(ctx) });
  if (resource === 'requests') {
    if (call.method === 'GET') return jsonReply(200, { requests: ctx.journal.list() });
    if (call.method === 'DELETE') {
      ctx.journal.clear();
      return { status: 204 };
    }
  }
  if (resource === 'faults') {
    if (call.method === 'GET') return jsonReply(200, faultsView(ctx));
    if (call.method === 'POST') {
      const parsed = parseJson(call.body);
      if (!parsed.ok) return jsonReply(400, { error: 'The body must be JSON, e.g. {"latencyMs":50}.' });
      try {
        ctx.faults.update(validateFaults(parsed.value));
      } catch (error) {
        return jsonReply(400, { error: (error as Error).message });
      }
      return jsonReply(200, faultsView(ctx));
    }
  }
  return jsonReply(404, { error: `No admin resource ${call.method} /__admin/${resource}.` });
}

function faultsView(ctx: SimContext): Record<string, unknown> {
  return { ...ctx.faults.settings, allowedRates: ctx.faults.allowedRates() };
}

/** What Exchange keeps hidden (msExchDelegateListLink), shown here so tests can check the flag a grant was made with. */
function automappingView(ctx: SimContext): Record<string, Record<string, boolean>> {
  const view: Record<string, Record<string, boolean>> = {};
  for (const mailbox of ctx.state.mailboxes.values()) {
    const grants = mailbox.fullAccess.filter((ace) => !ace.deny);
    if (grants.length > 0) view[mailbox.id] = Object.fromEntries(grants.map((ace) => [ace.trustee, ace.automapping]));
  }
  return view;
}
