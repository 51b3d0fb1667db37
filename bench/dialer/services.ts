// The bench's stand-ins for the services the tick calls over the network, in a process of their
// own as DynamoDB and Telnyx are in production: dynalite (agent presence) and the fake Telnyx
// dial server. Prints `SERVICES <json>` once both listen; stops when its parent goes away.
import { startDynamo } from '../../infra/local/emulators/dynamo';
import { startFakeTelnyxCalls } from '../../functions/test/support/fake-telnyx-calls';

const dynamo = await startDynamo({});
const telnyx = await startFakeTelnyxCalls();
process.stdout.write(`SERVICES ${JSON.stringify({ dynamo: dynamo.endpoint, telnyx: telnyx.baseUrl })}\n`);
const stop = () => void Promise.all([dynamo.stop(), telnyx.close()]).finally(() => process.exit(0));
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
