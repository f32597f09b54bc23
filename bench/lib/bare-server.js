// Child process: the reference for the emulator's throughput. A bare node:http server that
// answers every request with the same list page the emulator serves, serialized per request
// (JSON.stringify of the parsed page), no routing, no authentication, no database.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const page = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const server = createServer((_req, res) => {
  const body = JSON.stringify(page);
  res.writeHead(200, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
});
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
});
