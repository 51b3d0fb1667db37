// The accounts module's test fixtures, for other modules' tests (never for production code).
export { createAccountsTestContext, type AccountsTestContext } from './test-fixtures';
