// Child process: the references for the emulator's throughput. A bare node:http server that
// answers every request with the list page the emulator served, with the emulator's headers;
// no routing, no authentication, no database. `node bare-server.js <page.json> <mode>
// <headers.json>`:
// - `constant`: the page's bytes, read once into a Buffer, sent as they are (the honest floor:
//   the least work any server can do for this answer);
// - `stringify`: the page parsed once and serialized per request (JSON.stringify), as a server
//   that builds its answer each time would (a second reference, flattering to no one).
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [pageFile, mode = 'constant', headersJson = '{}'] = process.argv.slice(2);
const bytes = readFileSync(pageFile);
const headers = JSON.parse(headersJson);
const page = JSON.parse(bytes.toString('utf8'));

const constantHeaders = { ...headers, 'content-length': bytes.length };
const constant = (_req, res) => {
  res.writeHead(200, constantHeaders);
  res.end(bytes);
};
const stringify = (_req, res) => {
  const body = JSON.stringify(page);
  res.writeHead(200, { ...headers, 'content-length': Buffer.byteLength(body) });
  res.end(body);
};
if (mode !== 'constant' && mode !== 'stringify') throw new Error(`unknown mode ${mode}`);
const server = createServer(mode === 'constant' ? constant : stringify);
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
});
process.once('SIGTERM', () => {
  server.close();
  server.closeAllConnections();
});
