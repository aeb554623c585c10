/**
 * Round trips counted as waits on the network, where the product's code runs (Node for the
 * repository's actions, the page itself for the screens opened in Chromium), not in the emulator.
 *
 * A wait opens with the first request the product sends while none is open, and every request
 * sent while it is open joins it; it closes when the first of its own requests is answered (the
 * answer's headers are in, or the request failed). So requests sent together — in the same turn of
 * the event loop, before any answer can be taken in — are one wait, as they are on a slow network
 * (150 ms added to every request delays them all by 150 ms once); and a request sent after an
 * answer of the open wait, as every request that needs an earlier one's answer is, opens a wait of
 * its own. Counted in the process that sends, by the order of its own calls and answers, the count
 * does not hang on how long the emulator takes, except where the product itself sends two
 * unrelated requests at moments that race with an answer. The emulator still counts every HTTP
 * request (`Emulator.stats.roundTrips`), kept beside the waits as `httpRequests`.
 */

/** Addresses of SharePoint's REST API and of Graph, as the product sends them. */
export const API_ADDRESS: RegExp = /\/_api\/|\/v1\.0\//;

/** The waits and the HTTP requests the product sent since the counter was last reset. */
export class WaitCounter {
  public waits: number = 0;
  public httpRequests: number = 0;
  /** The open wait's number (every wait ever opened is numbered, across resets); 0 when none is open. */
  private _open: number = 0;
  private _opened: number = 0;

  /** A request to the API is sent: it joins the open wait, or opens one. Gives the wait's number. */
  public sent(): number {
    const newWait: boolean = this._open === 0;
    if (newWait) {
      this._open = ++this._opened;
    }
    this.noted(newWait);
    return this._open;
  }

  /** A request of wait `wait` is answered: that wait, if still open, closes. */
  public answered(wait: number): void {
    if (this._open === wait) {
      this._open = 0;
    }
  }

  /** A request sent elsewhere (a page), which decided there whether it opened a wait. */
  public noted(newWait: boolean): void {
    if (newWait) {
      this.waits++;
    }
    this.httpRequests++;
  }

  /** From nothing again (a wait open stays open). */
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
    const wait: number = counter.sent();
    const answer: Promise<Response> = original(input, init);
    answer.then(
      () => counter.answered(wait),
      () => counter.answered(wait)
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
  let open = 0;
  let opened = 0;
  window.fetch = function (input, init) {
    const address = typeof input === 'string' ? input : input && typeof input.url === 'string' ? input.url : String(input);
    if (!api.test(address)) {
      return original.call(this, input, init);
    }
    const newWait = open === 0;
    if (newWait) {
      open = ++opened;
    }
    const wait = open;
    try {
      window['${PAGE_BINDING}'](newWait);
    } catch (e) {
      // The bench is not listening: nothing to count.
    }
    const answer = original.call(this, input, init);
    const done = () => {
      if (open === wait) {
        open = 0;
      }
    };
    answer.then(done, done);
    return answer;
  };
})();`;
