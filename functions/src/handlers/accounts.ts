// Lambda entry point of the accounts module (accounts, contacts, bulk actions, global search).
import { createHttpHandler } from '../http/create-http-handler';
import { accountsModule } from '../modules/accounts';

export const handler = createHttpHandler(accountsModule);
