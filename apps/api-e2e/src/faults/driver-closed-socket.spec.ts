import { EmbeddedMongoServer } from '@cloudvault/embedded-mongo';
import { MongoClient } from 'mongodb';
import type { Socket } from 'node:net';

/** The driver internals this regression test reaches into (not part of the driver's public API). */
interface MonitorInternals {
  connection: { socket: Socket } | null;
  requestCheck(): void;
}
interface TopologyInternals {
  s: { servers: Map<string, { monitor: MonitorInternals }> };
}

/**
 * Regression test for the patch in `patches/mongodb+7.8.0.patch`. When the database goes away, every socket
 * closes at once; if the driver's server monitor starts a heartbeat on a socket that is already destroyed but
 * whose 'close' event has not been delivered yet, the unpatched driver waits for a 'drain' that never comes.
 * The monitor then never checks the server again, so after the database restarts every request keeps
 * failing server selection (the app stays at 503 for good). Patched, the heartbeat fails and monitoring
 * goes on.
 */
describe('faults: the MongoDB driver writes on a socket that has just closed', () => {
  let db: EmbeddedMongoServer;
  let client: MongoClient;

  beforeAll(async () => {
    db = await EmbeddedMongoServer.start();
    client = await MongoClient.connect(db.uri, { heartbeatFrequencyMS: 60_000, minHeartbeatFrequencyMS: 100 });
  });
  afterAll(async () => {
    await client?.close();
    await db?.stop();
  });

  it('fails that heartbeat and keeps monitoring the server', async () => {
    const topology = (client as unknown as { topology: TopologyInternals }).topology;
    const monitor = [...topology.s.servers.values()][0]?.monitor as MonitorInternals;
    expect(monitor.connection).not.toBeNull();

    const outcomes: string[] = [];
    client.on('serverHeartbeatFailed', () => outcomes.push('failed'));
    client.on('serverHeartbeatSucceeded', () => outcomes.push('succeeded'));
    await new Promise((r) => setTimeout(r, 200)); // past minHeartbeatFrequencyMS: the next check starts at once

    // what a server shutdown leaves behind: the socket is destroyed, its 'close' event not yet emitted
    monitor.connection?.socket.destroy();
    monitor.requestCheck();

    const deadline = Date.now() + 10_000;
    while (outcomes.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(outcomes).toEqual(['failed']);
    // the server is found again by the next check, which the next command asks for
    await expect(client.db('admin').command({ ping: 1 })).resolves.toMatchObject({ ok: 1 });
    expect(outcomes).toEqual(['failed', 'succeeded']);
  });
});
