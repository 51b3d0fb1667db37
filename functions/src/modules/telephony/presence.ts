// Agent presence in the one DynamoDB table: what each agent is doing and since when. The dialer
// reads available agents by longest idle through the GSI, and reserves one with a conditional
// update (only an agent still available with no call), so two ticks never give an agent two calls.
//   pk AGENT#<userId>  sk PRESENCE                  status, since, campaignId, callId
//   gsi1pk PRESENCE#<status>  gsi1sk <since ISO>#<userId>    available agents, longest idle first
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { AgentPresence, AgentStatus } from '@shared/contracts/telephony';
import type { Deps } from '../../core/deps';
import { MAIN_TABLE } from '../../adapters/dynamo-table';

type PresenceDeps = Pick<Deps, 'aws' | 'config' | 'now'>;

const key = (userId: string) => ({ pk: `AGENT#${userId}`, sk: 'PRESENCE' });
const gsiKeys = (status: AgentStatus, since: string, userId: string) => ({ gsi1pk: `PRESENCE#${status}`, gsi1sk: `${since}#${userId}` });

interface PresenceItem {
  userId: string;
  status: AgentStatus;
  since: string;
  campaignId?: string | null;
  callId?: string | null;
}

const toPresence = (item: PresenceItem): AgentPresence => ({
  userId: item.userId,
  status: item.status,
  since: item.since,
  campaignId: item.campaignId ?? null,
  callId: item.callId ?? null,
});

/** The agent's presence; offline since the epoch when never set. */
export async function getPresence(deps: PresenceDeps, userId: string): Promise<AgentPresence> {
  const { Item } = await deps.aws.doc.send(new GetCommand({ TableName: deps.config.TABLE_NAME, Key: key(userId), ConsistentRead: true }));
  return Item ? toPresence(Item as PresenceItem) : { userId, status: 'offline', since: new Date(0).toISOString(), campaignId: null, callId: null };
}

/**
 * Sets the agent's status (the clock restarts only when the status changes). `expect`: only when
 * the current status is one of these (a call ending must not turn a break into after-call work).
 */
export async function setPresence(
  deps: PresenceDeps,
  userId: string,
  status: AgentStatus,
  options: { callId?: string | null; campaignId?: string | null; expect?: readonly AgentStatus[]; expectCallId?: string } = {},
): Promise<AgentPresence | null> {
  const current = await getPresence(deps, userId);
  if (options.expect && !options.expect.includes(current.status)) return null;
  if (options.expectCallId !== undefined && current.callId !== options.expectCallId) return null;
  const since = current.status === status ? current.since : deps.now().toISOString();
  const item: PresenceItem = {
    userId,
    status,
    since,
    campaignId: options.campaignId === undefined ? current.campaignId : options.campaignId,
    callId: options.callId === undefined ? (status === 'available' || status === 'offline' ? null : current.callId) : options.callId,
  };
  try {
    await deps.aws.doc.send(
      new PutCommand({
        TableName: deps.config.TABLE_NAME,
        Item: { ...key(userId), ...gsiKeys(status, since, userId), ...item },
        // Nobody changed it since it was read (the status and its start are the version).
        ConditionExpression: 'attribute_not_exists(pk) or (#status = :status and #since = :since)',
        ExpressionAttributeNames: { '#status': 'status', '#since': 'since' },
        ExpressionAttributeValues: { ':status': current.status, ':since': current.since },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException || (error as Error).name === 'ConditionalCheckFailedException') return null;
    throw error;
  }
  return toPresence(item);
}

/** Available agents, longest idle first (the GSI's order). */
export async function availableAgents(deps: PresenceDeps, limit = 500): Promise<AgentPresence[]> {
  const out: AgentPresence[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await deps.aws.doc.send(
      new QueryCommand({
        TableName: deps.config.TABLE_NAME,
        IndexName: MAIN_TABLE.gsi1.name,
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': 'PRESENCE#available' },
        ScanIndexForward: true,
        Limit: Math.min(limit - out.length, 500),
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) out.push(toPresence(item as PresenceItem));
    start = page.LastEvaluatedKey;
  } while (start && out.length < limit);
  return out;
}

/** Agents in a status (the control centre's counts). */
export async function agentsInStatus(deps: PresenceDeps, status: AgentStatus): Promise<AgentPresence[]> {
  const { Items } = await deps.aws.doc.send(
    new QueryCommand({
      TableName: deps.config.TABLE_NAME,
      IndexName: MAIN_TABLE.gsi1.name,
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': `PRESENCE#${status}` },
    }),
  );
  return (Items ?? []).map((item) => toPresence(item as PresenceItem));
}

/**
 * Reserves an available agent for a call: busy, with the call and campaign, only if the agent is
 * still available with no call (conditional update). False when another tick took the agent.
 */
export async function reserveAgent(deps: PresenceDeps, agent: AgentPresence, callId: string, campaignId: string): Promise<boolean> {
  const since = deps.now().toISOString();
  try {
    await deps.aws.doc.send(
      new UpdateCommand({
        TableName: deps.config.TABLE_NAME,
        Key: key(agent.userId),
        UpdateExpression: 'set #status = :busy, #since = :since, callId = :call, campaignId = :campaign, gsi1pk = :gpk, gsi1sk = :gsk',
        ConditionExpression: '#status = :available and #since = :was',
        ExpressionAttributeNames: { '#status': 'status', '#since': 'since' },
        ExpressionAttributeValues: {
          ':busy': 'busy',
          ':available': 'available',
          ':was': agent.since,
          ':since': since,
          ':call': callId,
          ':campaign': campaignId,
          ':gpk': 'PRESENCE#busy',
          ':gsk': `${since}#${agent.userId}`,
        },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException || (error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}
