// The email bench's stand-ins for the services the sender calls over the network, in a process
// of their own as SES and DynamoDB are in production: the SES emulator behind its stand-in, and
// dynalite (the rate gate).
import { startDynamo } from '../../infra/local/emulators/dynamo';
import { startSesWithStandin } from '../../infra/local/emulators/ses-standin';
import { announceServices } from '../support/child-services';

const [ses, dynamo] = await Promise.all([startSesWithStandin({}), startDynamo({})]);
announceServices({ ses: ses.endpoint, dynamo: dynamo.endpoint }, [ses.stop, dynamo.stop]);
