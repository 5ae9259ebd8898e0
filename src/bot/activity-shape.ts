import { z } from 'zod';

const account = z.looseObject({ id: z.string().optional(), aadObjectId: z.string().optional(), name: z.string().optional() });

/**
 * The least an activity must be for botbuilder to handle it without tripping: a type, and a service URL
 * that replies can go to (anything else would send the reply, and its retries, to nowhere).
 */
const ActivityShape = z.looseObject({
  type: z.string().min(1),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  id: z.string().optional(),
  channelId: z.string().optional(),
  from: account.optional(),
  recipient: account.optional(),
  conversation: z.looseObject({ id: z.string(), tenantId: z.string().optional(), conversationType: z.string().optional() }).optional(),
  text: z.string().optional(),
  name: z.string().optional(),
  replyToId: z.string().optional(),
});

/** Why a request body is not an activity this bot can take, or undefined when it is. */
export function activityProblem(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'The request body must be an activity: a JSON object with a "type".';
  const parsed = ActivityShape.safeParse(body);
  if (parsed.success) return undefined;
  const fields = [...new Set(parsed.error.issues.map((issue) => issue.path.join('.') || 'body'))];
  return `The activity is malformed (${fields.slice(0, 5).join(', ')}).`;
}
