// Every module's tables, for Drizzle's relational queries and drizzle-kit.
export * from './platform';
export * from './identity';
export * from './compliance';
export * from './imports';
export * from './accounts';
export * from './audience';
export * from './activity';
export * from './email';
export * from './telephony';
export * from './leads';
export * from './portal';
export * from './content';
