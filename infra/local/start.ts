// `npm start` / `npm run dev`: starts the local stack and prints where everything runs.
// Settings that are wrong stop start-up with one line saying what to fix.
import path from 'node:path';
import { seedEmailDemo } from '../../functions/src/modules/email';
import { seedLeadsDemo, seedDemoDeliveryWebhook } from '../../functions/src/modules/leads';
import { DEMO_CLIENT_ADMIN, DEMO_CLIENT_NAME, seedPortalDemo } from '../../functions/src/modules/portal';
import { seedAssetsDemo, seedSocialDemo, seedTrackingDemo } from '../../functions/src/modules/content';
import { seedTelephonyDemo } from '../../functions/src/modules/telephony';
import { contentHooks, portalHooks, telephonyHooks } from '../../functions/src/composition';
import { signInHint } from '../../functions/src/modules/identity';
import { loadResourcesCentreSettings, resourcesCentreLinkDepsOf, saveResourcesCentreSettings, seedResourcesDemo } from '../../functions/src/modules/content';
import { startLocalStack, StartupError, type LocalStack } from './stack';
import { DEMO_SOCIAL_TOKENS } from './emulators/social-standin';

/** The social stand-in's demo tokens, one per platform (the demo's accounts are connected with them). */
const demoSocialTokens = () => ({ linkedin: DEMO_SOCIAL_TOKENS.linkedin.token, x: DEMO_SOCIAL_TOKENS.x.token, facebook: DEMO_SOCIAL_TOKENS.facebook.token });

// Node 20 is supported here (README); the SDK's notice about its future Node 22 floor is noise.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const dev = process.argv.includes('--dev');
const skipBuild = process.argv.includes('--no-build');
/** `--demo` or DEMO_DATA=1: load the small demo data set into an empty database. */
const demo = process.argv.includes('--demo') || process.env.DEMO_DATA === '1';

function fail(message: string): never {
  process.stderr.write(`\n  ✖ ${message}\n\n`);
  process.exit(1);
}

function readPort(): number {
  const raw = process.env.PORT ?? '3000';
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 0 || port > 65535) fail(`PORT must be a number from 0 to 65535 (got "${raw}").`);
  return port;
}

async function main(): Promise<void> {
  const started = Date.now();
  const dataDir = path.resolve(process.env.DATA_DIR ?? '.data');
  let stack: LocalStack;
  try {
    stack = await startLocalStack({
      port: readPort(),
      host: process.env.HOST ?? '127.0.0.1',
      dataDir,
      env: process.env,
      spa: dev ? 'dev' : skipBuild ? 'prebuilt' : 'build',
      // A record of every email sent that outlives the process (the mail viewer's store does not).
      ...(process.env.SES_SENT_LOG ? { sesSentLog: path.resolve(process.env.SES_SENT_LOG) } : {}),
    });
  } catch (error) {
    if (error instanceof StartupError) fail(error.message);
    const err = error as Error;
    if (process.env.VERBOSE) console.error(err);
    fail(`Start-up failed: ${err.message.split('\n')[0]} (set VERBOSE=1 to see the details).`);
  }

  // The Resources Centre link points at the stand-in out of the box (again after a port change);
  // a link to any other endpoint is left alone.
  try {
    const link = await loadResourcesCentreSettings(stack.deps.db);
    if (!link || (link.endpointUrl.includes('/__resources-centre') && link.endpointUrl !== stack.resourcesCentreEndpoint)) {
      await saveResourcesCentreSettings(resourcesCentreLinkDepsOf(stack.deps), { endpointUrl: stack.resourcesCentreEndpoint, enabled: link?.enabled ?? true }, null);
    }
  } catch (error) {
    process.stdout.write(`\n  Resources Centre: not linked to the stand-in (${(error as Error).message.split('\n')[0]}).\n`);
  }

  if (demo) {
    const { seedDemoData } = await import('../../scripts/seed');
    const loaded = await seedDemoData(stack.deps.dbHandle);
    process.stdout.write(loaded ? `\n  Demo data: ${loaded.accounts} accounts and ${loaded.contacts} contacts loaded.\n` : '\n  Demo data: skipped, the database already has accounts.\n');
    const email = await seedEmailDemo(stack.deps);
    if (email) process.stdout.write(`  Email demo: a verified sending domain, a sender profile, ${email.templateIds.length} templates and ${email.campaigns} campaigns.\n`);
    const telephony = await seedTelephonyDemo(stack.deps, telephonyHooks);
    if (telephony) {
      const agents = telephony.agents ? `, worked by ${telephony.agents} agent${telephony.agents === 1 ? '' : 's'}` : '';
      process.stdout.write(`  Telephony demo: a default SIP trunk, ${telephony.campaignIds.length} call campaigns${agents} and ${telephony.calls} calls made.\n`);
    }
    const leads = await seedLeadsDemo(stack.deps);
    if (leads) process.stdout.write(`  Leads demo: ${leads.leads} leads in every QA state with transcripts and scores, and ${leads.deliveries} client deliveries.\n`);
    if (await seedDemoDeliveryWebhook(stack.deps, stack.fakeClientHookUrl)) process.stdout.write('  Leads demo: the demo client receives delivered leads at the fake client endpoint (a signed webhook).\n');
    const resources = await seedResourcesDemo(stack.deps);
    if (resources) process.stdout.write(`  Resources Centre demo: ${resources.people} reference people (${resources.conflicts} in conflict with an edit here) and a log of ${resources.logEntries} exchanges.\n`);
    const portal = await seedPortalDemo(stack.deps, portalHooks);
    if (portal) {
      process.stdout.write(`  Portal demo: ${portal.orders} orders of ${DEMO_CLIENT_NAME} (one live, worked by ${portal.linkedCampaigns} call campaign${portal.linkedCampaigns === 1 ? '' : 's'}, with ${portal.leads} leads) and ${portal.suppressions} client suppressions.\n`);
      process.stdout.write(`  Portal demo: the client admin signs in as ${DEMO_CLIENT_ADMIN.username} / ${DEMO_CLIENT_ADMIN.password}\n`);
    }
    const assets = await seedAssetsDemo(stack.deps);
    if (assets) process.stdout.write(`  Content demo: ${assets.assets} assets with ${assets.versions} versions (a whitepaper in two versions, an image, a webinar link, templates and copy).\n`);
    const tracking = assets ? await seedTrackingDemo(stack.deps, contentHooks, { assetIds: assets.assetIds }) : null;
    if (tracking) process.stdout.write(`  Content demo: ${tracking.attachments} assets attached to campaigns, ${tracking.links} tracking links, ${tracking.clicks} clicks and ${tracking.views} views.\n`);
    const social = await seedSocialDemo(stack.deps, { tokens: stack.social ? demoSocialTokens() : null });
    if (social) process.stdout.write(`  Social demo: ${social.accounts} accounts (${social.connected ? 'connected to the social stand-in' : 'disconnected: no stand-in'}) and ${social.posts} posts on the calendar.\n`);
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const { config } = stack;
  const rel = path.relative(process.cwd(), dataDir) || '.';
  const signIn = await signInHint(stack.deps).catch(() => `${config.ADMIN_USERNAME} / your password`);
  const lines = [
    '',
    `  Pivotal CRM ${config.APP_VERSION} is running${dev ? ' (dev, hot reload)' : ''} — started in ${seconds} s`,
    '',
    `  App        ${stack.url}`,
    `  Health     ${stack.url}/api/health`,
    `  Sign in    ${signIn}`,
    `  Database   ${stack.databaseLabel}`,
    `  Mail       ${stack.mailViewerUrl}  (every email the app sends)`,
    `  Telephony  ${stack.telnyx ? `${stack.telnyx.url}/__standin/calls  (the Telnyx stand-in's calls; outcomes by number, see README)` : `Telnyx at ${config.TELNYX_BASE_URL}`}`,
    `  Social     ${stack.social ? `${stack.social.url}/__standin/posts  (what the LinkedIn, X and Facebook stand-in received)` : 'the platforms at SOCIAL_*_BASE_URL'}`,
    `  Leads out  ${stack.fakeClientHookUrl}  (a fake client to deliver leads to; ${stack.fakeClient.url}/__client/received lists them)`,
    `  Resources  ${stack.resourcesCentreEndpoint}  (the Resources Centre stand-in the link points at; /__standin/received lists what it got)`,
    `  Data       ${rel}/  (DynamoDB, S3 files, signing keys${config.DATABASE_URL ? '' : ', database'})`,
    '',
    '  Press Ctrl-C to stop.',
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n  ${signal === 'SIGINT' ? 'Ctrl-C' : signal}: stopping…`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await stack.stop();
    process.stdout.write(' stopped.\n');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

void main();
