// The machine's ceiling: a bare node:http server answering a fixed JSON body (run as its own process,
// like the API, so it does not share a CPU thread with the load generator). Prints its port.
import { createServer } from 'node:http';

const body = JSON.stringify({ status: 'ok', checks: { database: { status: 'up' }, storage: { status: 'up' } } });
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => process.stdout.write(`${server.address().port}\n`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
