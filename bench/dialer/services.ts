// The bench's stand-ins for the services the tick calls over the network, in a process of their
// own as DynamoDB and Telnyx are in production: dynalite (agent presence) and the fake Telnyx
// dial server.
import { startDynamo } from '../../infra/local/emulators/dynamo';
import { startFakeTelnyxCalls } from '../../functions/test/support/fake-telnyx-calls';
import { announceServices } from '../support/child-services';

const dynamo = await startDynamo({});
const telnyx = await startFakeTelnyxCalls();
announceServices({ dynamo: dynamo.endpoint, telnyx: telnyx.baseUrl }, [dynamo.stop, telnyx.close]);
