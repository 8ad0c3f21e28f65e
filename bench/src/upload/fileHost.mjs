import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';

/** Serves one file (with Content-Length), as the file host of a Zapier file field would. */
export async function fileHost(file) {
  const size = statSync(file).size;
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'video/mp4', 'content-length': String(size), 'content-disposition': 'attachment; filename="run.mp4"' });
    createReadStream(file, { highWaterMark: 1024 * 1024 }).pipe(res);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}/files/run.mp4`,
    close: () => new Promise((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
