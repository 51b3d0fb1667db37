// S3 event notification of the import drop folder: each CSV put under imports/inbox/ starts an import.
import type { S3Event } from 'aws-lambda';
import { getDeps } from '../deps';
import { importDroppedObject } from '../modules/imports';

export const handler = async (event: S3Event): Promise<{ jobIds: string[] }> => {
  const deps = await getDeps();
  const jobIds: string[] = [];
  for (const record of event.Records) {
    const key = decodeURIComponent(record.s3.object.key.replace(/\+/g, ' '));
    const jobId = await importDroppedObject(deps, {
      key,
      sequencer: record.s3.object.sequencer ?? record.s3.object.eTag ?? record.eventTime,
      eventTime: new Date(record.eventTime || Date.now()),
    });
    if (jobId) jobIds.push(jobId);
  }
  return { jobIds };
};
