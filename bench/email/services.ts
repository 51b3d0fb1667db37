// The email bench's stand-ins for the services the sender calls over the network, in a process
// of their own as SES and DynamoDB are in production: the SES emulator behind its stand-in, and
// dynalite (the rate gate). Prints `SERVICES <json>` once they listen; stops when its parent goes away.
import { startDynamo } from '../../infra/local/emulators/dynamo';
import { startSesWithStandin } from '../../infra/local/emulators/ses-standin';

const [ses, dynamo] = await Promise.all([startSesWithStandin({}), startDynamo({})]);
process.stdout.write(`SERVICES ${JSON.stringify({ ses: ses.endpoint, dynamo: dynamo.endpoint })}\n`);
const stop = () => void Promise.all([ses.stop(), dynamo.stop()]).finally(() => process.exit(0));
process.stdin.on('end', stop);
process.stdin.on('close', stop);
process.stdin.resume();
process.on('SIGTERM', stop);
