import { TurnContext, type Activity } from 'botbuilder';
import type { Actor, Conversation } from '../app/actor';
import { AppError } from '../domain/errors';

/** Who is acting, from `activity.from.aadObjectId` (the only identity the bot trusts). */
export function actorOf(activity: Activity): Actor {
  const id = activity.from?.aadObjectId;
  if (!id) throw new AppError('forbidden', "I can't tell who you are: Teams did not send your account id.");
  return { id, name: activity.from.name ?? 'Someone', conversation: conversationOf(activity) };
}

function conversationOf(activity: Activity): Conversation {
  const type = activity.conversation?.conversationType;
  return {
    id: activity.conversation?.id ?? '',
    type: type === 'channel' || type === 'groupChat' ? type : 'personal',
    reference: TurnContext.getConversationReference(activity),
  };
}

/** The tenant an activity comes from; none when Teams sent none, or two that disagree. */
export function tenantOf(activity: Activity): string | undefined {
  const data = activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannelData = typeof data?.tenant?.id === 'string' && data.tenant.id ? data.tenant.id : undefined;
  const conversationTenant: unknown = activity.conversation?.tenantId;
  const fromConversation = typeof conversationTenant === 'string' && conversationTenant ? conversationTenant : undefined;
  if (fromConversation && fromChannelData && fromConversation.toLowerCase() !== fromChannelData.toLowerCase()) return undefined;
  return fromConversation ?? fromChannelData;
}
