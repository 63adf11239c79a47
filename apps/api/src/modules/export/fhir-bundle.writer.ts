import type { Resource } from '@medplum/fhirtypes';
import type { Response } from 'express';
import { once } from 'node:events';

/**
 * Streams a FHIR Bundle of type `collection` as JSON: the envelope, then each resource as it comes
 * (waiting for the socket to drain), so a large record is never held in memory. A failure midway cuts the
 * connection: a client never takes a truncated bundle for a complete one.
 */
export async function writeFhirBundle(
  res: Response,
  envelope: { id: string; timestamp: string },
  resources: AsyncIterable<Resource>,
): Promise<void> {
  const write = async (chunk: string) => {
    if (!res.write(chunk)) await once(res, 'drain');
  };
  try {
    await write(
      `{"resourceType":"Bundle","id":${JSON.stringify(envelope.id)},"type":"collection","timestamp":${JSON.stringify(envelope.timestamp)},"entry":[`,
    );
    let first = true;
    for await (const resource of resources) {
      await write(`${first ? '' : ','}\n${JSON.stringify({ resource })}`);
      first = false;
    }
    res.end('\n]}\n');
  } catch {
    res.destroy();
  }
}
