/**
 * Round trips as waits on the network (src/cli/waits.ts): requests sent together are one wait; a
 * request sent after an answer of the open wait opens another; an answer to an older wait does not
 * close the one open. Over real HTTP, through the global fetch the product's clients call.
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { countingWaits, WaitCounter } from '../../src/cli/waits';

describe('waits on the network', () => {
  it('counts requests sent together once, and a request sent after an answer of the open wait as a wait of its own', () => {
    const counter: WaitCounter = new WaitCounter();
    const a: number = counter.sent();
    const b: number = counter.sent();
    expect(b).toBe(a);
    counter.answered(a);
    // Sent once an answer of its wait came in, as a request that needs that answer is.
    const c: number = counter.sent();
    expect(c).not.toBe(a);
    // The first wait's other answer does not close the second.
    counter.answered(b);
    expect(counter.sent()).toBe(c);
    expect({ waits: counter.waits, httpRequests: counter.httpRequests }).toEqual({ waits: 2, httpRequests: 4 });
    counter.reset();
    expect({ waits: counter.waits, httpRequests: counter.httpRequests }).toEqual({ waits: 0, httpRequests: 0 });
  });

  describe('over HTTP', () => {
    let server: http.Server;
    let base: string;
    beforeAll(async () => {
      server = http.createServer((req, res) => setTimeout(() => res.end('{}'), req.url && req.url.indexOf('slow') >= 0 ? 200 : 5));
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("counts what the work sends through fetch to the API, not other addresses, and puts fetch back", async () => {
      const counter: WaitCounter = new WaitCounter();
      const before: typeof fetch = globalThis.fetch;
      await countingWaits(counter, async () => {
        // Three together (one wait), then one after their answers, then a page that is not the API.
        await Promise.all([1, 2, 3].map((i) => fetch(`${base}/_api/web/lists(${i})`).then((r) => r.text())));
        await (await fetch(`${base}/v1.0/$batch`, { method: 'POST', body: '{}' })).text();
        await (await fetch(`${base}/index.html`)).text();
      });
      expect(globalThis.fetch).toBe(before);
      expect({ waits: counter.waits, httpRequests: counter.httpRequests }).toEqual({ waits: 2, httpRequests: 4 });
    });

    it('a request that follows an answer opens a wait even while an unrelated slow request is still out', async () => {
      const counter: WaitCounter = new WaitCounter();
      await countingWaits(counter, async () => {
        const slow: Promise<string> = fetch(`${base}/_api/slow`).then((r) => r.text());
        await (await fetch(`${base}/_api/first`)).text();
        // Sent after the first's answer, while the slow one (of the first wait) is still out.
        await (await fetch(`${base}/_api/second`)).text();
        await slow;
      });
      expect(counter.waits).toBe(2);
    });
  });
});
