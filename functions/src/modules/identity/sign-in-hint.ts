// What the local stack prints under "Sign in" at start-up, from the database's actual state: a
// fresh install names the default admin and says its password must be changed; afterwards it
// only names the admin. A password that is not the documented default is never printed.
import { DEFAULT_ADMIN_PASSWORD } from '@shared/contracts/identity';
import type { Deps } from '../../core/deps';
import { findUserByLogin } from './repo';

export async function signInHint(deps: Pick<Deps, 'db' | 'config'>): Promise<string> {
  const { config } = deps;
  const admin = await findUserByLogin(deps.db, config.ADMIN_USERNAME);
  if (!admin || admin.status !== 'active') return 'with your username or email and password';
  if (!admin.mustChangePassword) return `as ${admin.username} (or any user) with your password`;
  const password = config.ADMIN_PASSWORD === DEFAULT_ADMIN_PASSWORD ? DEFAULT_ADMIN_PASSWORD : 'the ADMIN_PASSWORD you set';
  return `${admin.username} / ${password} — you must choose a new password (12+ characters) at first sign-in`;
}
