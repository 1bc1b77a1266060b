/**
 * A kept-alive connection that the server closes just as the CLI reuses it: a request that can be sent again
 * as it was is tried once more; an upload (a stream body) is never resent, and the failure names the server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestJson } from './server-client';

let server: Server;
let url: string;
/** How many requests reached the server, and how many of them it cut off without an answer. */
const seen = { requests: 0, reset: 0 };
/** The next request on any connection is cut off (the socket destroyed before an answer). */
let resetNext = false;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.requests++;
    if (resetNext) {
      resetNext = false;
      seen.reset++;
      req.socket.destroy();
      return;
    }
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ ok: true, attempt: seen.requests }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('the remote CLI on a connection the server closed', () => {
  it('sends a request without a stream body once more and gets its answer', async () => {
    const target = { server: url, token: 't' };
    const before = { ...seen };
    resetNext = true;
    const answer = await requestJson<{ ok: boolean }>(target, '/api/research/studies');
    expect(answer.ok).toBe(true);
    expect(seen.requests - before.requests).toBe(2);
    expect(seen.reset - before.reset).toBe(1);
  });

  it('never resends an upload: it fails naming the server, after one attempt', async () => {
    const target = { server: url, token: 't' };
    const before = { ...seen };
    resetNext = true;
    const body = Readable.toWeb(Readable.from([Buffer.from('{"study":"s"}\n'), Buffer.from('bytes')]));
    await expect(
      requestJson(target, '/api/research/import', {
        method: 'POST',
        body: body as ReadableStream<Uint8Array>,
        duplex: 'half',
      }),
    ).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining(url) });
    expect(seen.requests - before.requests).toBe(1);
  });
});
