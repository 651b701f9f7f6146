// An upstream that answers every execute with a large download (64 kB chunks written as the reader takes them, so it
// holds no more than a chunk itself) and anything else with a JSON 404: what the proxy's streaming test and bench pass
// through it.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LargeDownloadServer {
  url: string;
  server: Server;
  close(): Promise<void>;
}

export async function startLargeDownloadServer(size: number, fill = 7): Promise<LargeDownloadServer> {
  const server = createServer((incoming, outgoing) => {
    incoming.resume();
    if (!incoming.url?.endsWith('/execute')) {
      outgoing.writeHead(404, { 'content-type': 'application/json' });
      return void outgoing.end('{"message":"Connector not found.","errors":[]}');
    }
    outgoing.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-disposition': 'attachment; filename="big.bin"',
      'content-length': String(size),
      'x-request-id': 'big-download',
    });
    const chunk = Buffer.alloc(64 * 1024, fill);
    let sent = 0;
    const pump = () => {
      while (sent < size) {
        const part = sent + chunk.length <= size ? chunk : chunk.subarray(0, size - sent);
        sent += part.length;
        if (!outgoing.write(part)) return void outgoing.once('drain', pump);
      }
      outgoing.end();
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
