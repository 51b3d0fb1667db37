// The one DynamoDB table's key design, shared by the CDK app and the local stack so both create
// the same table. Items carry `pk`/`sk`; one GSI serves the secondary access patterns
// (for example the dialer's longest-idle queue); `expiresAt` (epoch seconds) is the TTL.
export const MAIN_TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  ttlAttribute: 'expiresAt',
  gsi1: { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
} as const;
