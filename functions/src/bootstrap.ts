// One-time start-up work that must happen once per database whatever the number of instances
// starting (the default admin, for example). The local stack runs it after migrating; on AWS
// the migrate function runs it after the migrations of a deploy.
import type { BootstrapTask, Deps } from './core/deps';
import { defaultAdminTask } from './modules/identity';

export const bootstrapTasks: BootstrapTask[] = [defaultAdminTask];

export async function runBootstrap(deps: Deps): Promise<void> {
  for (const task of bootstrapTasks) {
    await task.run(deps);
  }
}
