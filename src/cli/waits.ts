/**
 * Round trips counted as waits on the network, where the product's code runs (Node for the
 * repository's actions, the page itself for the screens opened in Chromium), not in the emulator.
 *
 * A wait begins when the product sends a request to SharePoint or Graph while none of its other
 * requests is in flight; a request sent while another is still in flight joins that wait (they
 * travel together: 150 ms added to every request delays them both by 150 ms, not 300). A request is
 * in flight from the call to `fetch` until its answer's headers are in. Counted in the process
 * that sends, by the order of its own calls and answers, the count does not depend on how long the
 * emulator takes or on how loaded the machine is: requests the product sends in the same turn of
 * the event loop are all sent before any answer can be taken in, and a request sent after an
 * answer it waited for always starts a wait of its own. The emulator still counts every HTTP
 * request (`Emulator.stats.roundTrips`), kept beside the waits as `httpRequests`.
 */

/** Addresses of SharePoint's REST API and of Graph, as the product sends them. */
export const API_ADDRESS: RegExp = /\/_api\/|\/v1\.0\//;

/** The waits and the HTTP requests the product sent since the counter was last reset. */
export class WaitCounter {
  public waits: number = 0;
  public httpRequests: number = 0;
  private _inFlight: number = 0;

  /** A request to the API is sent: a wait of its own when no other is in flight. */
  public sent(): void {
    this.noted(this._inFlight === 0);
    this._inFlight++;
  }

  /** A request sent elsewhere (a page), which decided there whether it began a wait. */
  public noted(newWait: boolean): void {
    if (newWait) {
      this.waits++;
    }
    this.httpRequests++;
  }

  /** Its answer's headers are in (or it failed). */
  public answered(): void {
    this._inFlight = Math.max(0, this._inFlight - 1);
  }

  /** From nothing again (requests in flight stay in flight). */
  public reset(): void {
    this.waits = 0;
    this.httpRequests = 0;
  }
}

function addressOf(input: unknown): string {
  if (typeof input === 'string') {
    return input;
  }
  if (input && typeof (input as { url?: unknown }).url === 'string') {
    return (input as { url: string }).url;
  }
  return String(input);
}

/**
 * Counts the requests this process sends to the API through the global `fetch` (which PnPjs's
 * SPBrowser and graph-client call) while `work` runs, and puts `fetch` back after.
 */
export async function countingWaits<T>(counter: WaitCounter, work: () => Promise<T>): Promise<T> {
  const original: typeof fetch = globalThis.fetch;
  const counted = (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]): Promise<Response> => {
    if (!API_ADDRESS.test(addressOf(input))) {
      return original(input, init);
    }
    counter.sent();
    const answer: Promise<Response> = original(input, init);
    answer.then(
      () => counter.answered(),
      () => counter.answered()
    );
    return answer;
  };
  globalThis.fetch = counted as typeof fetch;
  try {
    return await work();
  } finally {
    globalThis.fetch = original;
  }
}

/** The name of the binding a page calls for each request it sends to the API. */
export const PAGE_BINDING: string = '__programmeHighlightsRequestSent';

/**
 * The script a page runs before its own (Playwright's addInitScript): the same count as
 * {@link WaitCounter}, made in the page — whether a request starts a wait is decided there, by the
 * page's own calls and answers — and told to the bench through {@link PAGE_BINDING}.
 */
export const PAGE_COUNTING_SCRIPT: string = `(() => {
  const original = window.fetch;
  if (typeof original !== 'function' || window.__programmeHighlightsCounting) {
    return;
  }
  window.__programmeHighlightsCounting = true;
  const api = ${API_ADDRESS.toString()};
  let inFlight = 0;
  window.fetch = function (input, init) {
    const address = typeof input === 'string' ? input : input && typeof input.url === 'string' ? input.url : String(input);
    if (!api.test(address)) {
      return original.call(this, input, init);
    }
    const newWait = inFlight === 0;
    inFlight++;
    try {
      window['${PAGE_BINDING}'](newWait);
    } catch (e) {
      // The bench is not listening: nothing to count.
    }
    const answer = original.call(this, input, init);
    const done = () => {
      inFlight = Math.max(0, inFlight - 1);
    };
    answer.then(done, done);
    return answer;
  };
})();`;
