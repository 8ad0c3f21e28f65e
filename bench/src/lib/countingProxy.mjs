import { createServer, request } from 'node:http';

/**
 * A transparent HTTP proxy in front of the simulator that counts, per request, the bytes on the
 * wire both ways (body bytes plus the status line and headers), so every surface, whatever its
 * HTTP client, is measured the same way.
 */
export async function countingProxy(target) {
  const t = new URL(target);
  const log = [];
  const server = createServer((req, res) => {
    const entry = { method: req.method, path: req.url, requestBytes: 0, responseBytes: 0, status: 0 };
    log.push(entry);
    entry.requestBytes += headerBytes(`${req.method} ${req.url} HTTP/1.1`, req.rawHeaders);
    req.on('data', (d) => (entry.requestBytes += d.length));
    const up = request({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers: { ...req.headers, host: t.host } }, (ur) => {
      entry.status = ur.statusCode;
      entry.responseBytes += headerBytes(`HTTP/1.1 ${ur.statusCode} ${ur.statusMessage}`, ur.rawHeaders);
      res.writeHead(ur.statusCode ?? 502, ur.headers);
      ur.on('data', (d) => (entry.responseBytes += d.length));
      ur.pipe(res);
    });
    up.on('error', () => res.destroy());
    req.pipe(up);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    log,
    /** Requests and bytes since the last take(), then starts counting afresh. */
    take() {
      const entries = log.splice(0, log.length);
      return {
        requests: entries.length,
        requestBytes: entries.reduce((s, e) => s + e.requestBytes, 0),
        responseBytes: entries.reduce((s, e) => s + e.responseBytes, 0),
        entries,
      };
    },
    close: () => new Promise((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

function headerBytes(startLine, raw) {
  let n = startLine.length + 2 + 2;
  for (let i = 0; i < raw.length; i += 2) n += raw[i].length + 2 + raw[i + 1].length + 2;
  return n;
}
