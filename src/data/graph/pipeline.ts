/**
 * The one way every request of the Graph transport goes — to Microsoft Graph and to SharePoint
 * REST on the same site (rights, the current user, the time zone: Graph v1.0 has none of them):
 * a graph-client middleware chain, built here once.
 *
 * 1. `Failures` — what the call ends with becomes one error: an answer that is not OK a
 *    {@link DataError} from {@link errorFromResponse}; no answer at all a network error; a token
 *    source's own error ("signed out", "not set up for signing in") as it is.
 * 2. The token, asked before anything is sent: graph-client's own `AuthenticationHandler` for
 *    Graph (it gives the token to Microsoft Graph and the custom hosts only); the SharePoint
 *    token, when there is one, for SharePoint.
 * 3. graph-client's `RetryHandler`: 429, 503 and 504 retried after Retry-After, three times.
 * 4. For Graph, the rest of graph-client's default chain (redirects in Node, telemetry).
 * 5. `Send`: the connection's fetch.
 *
 * graph-client wraps whatever a middleware throws into its own GraphError, keeping neither the
 * error nor its type; so each request carries a {@link PipelineCall} (a middleware option) in
 * which `Failures` leaves the error, and {@link through} throws that one.
 */
import {
  Client,
  GraphClientError,
  MiddlewareFactory,
  RetryHandler,
  RetryHandlerOptions,
  type AuthenticationProvider,
  type Context,
  type Middleware,
  type MiddlewareOptions
} from '@microsoft/microsoft-graph-client';
import { message } from '../../domain/messages';
import { DataError, isDataError } from '../errors';
import { errorFromResponse, networkError } from '../httpErrors';

/** One request's (or one page walk's) part in the pipeline: what the user is doing, and how it failed. */
export class PipelineCall implements MiddlewareOptions {
  /** What the user is doing, for the error's words: "read the period". */
  public readonly action: string;
  /** The error the call failed with, when it failed inside the pipeline. */
  public failure?: unknown;

  constructor(action: string) {
    this.action = action;
  }
}

function callOf(context: Context): PipelineCall | undefined {
  const control = context.middlewareControl;
  return control ? (control.getMiddlewareOptions(PipelineCall) as PipelineCall | undefined) : undefined;
}

/** A middleware with the one next step graph-client links it to. */
abstract class Step implements Middleware {
  protected next?: Middleware;

  public setNext(next: Middleware): void {
    this.next = next;
  }

  public abstract execute(context: Context): Promise<void>;
}

/** The first step: one error, whatever went wrong further in (see the module's comment). */
class Failures extends Step {
  public async execute(context: Context): Promise<void> {
    const call: PipelineCall | undefined = callOf(context);
    try {
      await (this.next as Middleware).execute(context);
    } catch (e) {
      if (call) {
        call.failure = e;
      }
      throw e;
    }
    const response: Response | undefined = context.response;
    // A request that carries no call is left to graph-client's own errors (see graphClientError).
    if (call && response && !response.ok) {
      const body: string = await response
        .clone()
        .text()
        .catch(() => '');
      const error: DataError = errorFromResponse({ status: response.status, body, retryAfter: response.headers.get('Retry-After'), action: call.action });
      call.failure = error;
      throw error;
    }
  }
}

function setHeader(context: Context, name: string, value: string): void {
  const headers: HeadersInit = context.options && context.options.headers ? context.options.headers : {};
  if (headers instanceof Headers) {
    headers.set(name, value);
  } else {
    (headers as { [name: string]: string })[name] = value;
  }
  context.options = { ...(context.options || {}), headers };
}

/** The SharePoint token, asked before the request goes; no Authorization when there is none. */
class SharePointToken extends Step {
  private readonly _token: () => Promise<string | undefined>;

  constructor(token: () => Promise<string | undefined>) {
    super();
    this._token = token;
  }

  public async execute(context: Context): Promise<void> {
    const token: string | undefined = await this._token();
    if (token) {
      setHeader(context, 'Authorization', `Bearer ${token}`);
    }
    await (this.next as Middleware).execute(context);
  }
}

/** The last step: the request goes out through the connection's fetch. */
class Send extends Step {
  private readonly _fetch: typeof fetch;
  private readonly _drop: string[];

  /** @param drop - headers the earlier steps set that are not sent (see graphClients). */
  constructor(send: typeof fetch, drop: string[] = []) {
    super();
    this._fetch = send;
    this._drop = drop;
  }

  public async execute(context: Context): Promise<void> {
    const headers: HeadersInit | undefined = context.options && context.options.headers;
    for (const name of this._drop) {
      if (headers instanceof Headers) {
        headers.delete(name);
      } else if (headers && !Array.isArray(headers)) {
        delete (headers as { [name: string]: string })[name];
      }
    }
    try {
      context.response = await this._fetch(context.request, context.options);
    } catch (e) {
      const call: PipelineCall | undefined = callOf(context);
      throw call ? networkError(call.action, e) : e;
    }
  }
}

/** Where the site is and how its requests are authenticated, for {@link graphClients}. */
export interface IPipelineOptions {
  /** Graph's origin: Microsoft Graph when absent. */
  graphOrigin?: string;
  /** Hosts besides Microsoft Graph that are given the Graph token. */
  customHosts?: string[];
  /** The site's absolute URL, without a trailing slash. */
  siteUrl: string;
  graphToken(): Promise<string>;
  sharePointToken?(): Promise<string | undefined>;
  fetch: typeof fetch;
}

/** The two clients over the one pipeline: one for Microsoft Graph, one for the site's SharePoint REST (`/_api/…`). */
export function graphClients(options: IPipelineOptions): { graph: Client; sharePoint: Client } {
  const provider: AuthenticationProvider = { getAccessToken: () => options.graphToken() };
  // graph-client's default chain (token, retries, redirects in Node, telemetry, fetch), with the
  // first and last steps ours.
  const defaults: Middleware[] = MiddlewareFactory.getDefaultMiddlewareChain(provider);
  const graph: Client = Client.initWithMiddleware({
    middleware: [new Failures(), ...defaults.slice(0, -1), new Send(options.fetch)],
    // Only what is set: graph-client takes an explicit undefined baseUrl over its default.
    ...(options.graphOrigin ? { baseUrl: options.graphOrigin } : {}),
    ...(options.customHosts ? { customHosts: new Set<string>(options.customHosts) } : {})
  });
  // RetryHandler marks a retry with a Retry-Attempt header, which SharePoint REST does not need;
  // it is not sent, so a retry asks nothing more of SharePoint's CORS rules than the first try
  // (UNCONFIRMED whether SharePoint Online allows that header cross-origin; not relied on).
  const sharePoint: Client = Client.initWithMiddleware({
    middleware: [new Failures(), new SharePointToken(options.sharePointToken || (async () => undefined)), new RetryHandler(new RetryHandlerOptions()), new Send(options.fetch, ['Retry-Attempt'])],
    baseUrl: options.siteUrl,
    defaultVersion: '_api'
  });
  return { graph, sharePoint };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Turns what graph-client throws into a DataError: for a request that carried no
 * {@link PipelineCall} (or a client built elsewhere), and graph-client's own checks that fail
 * before anything is sent.
 */
export function graphClientError(e: unknown, action: string, current?: unknown): DataError {
  if (isDataError(e)) {
    return e;
  }
  const g = e as { statusCode?: number; body?: unknown; headers?: Headers; code?: string };
  if (g && typeof g.statusCode === 'number' && g.statusCode > 0) {
    // graph-client keeps the inner error object (without its "error" wrapper) as a JSON string.
    const inner: unknown = typeof g.body === 'string' ? safeJson(g.body) : g.body;
    const body: string = JSON.stringify({ error: inner && typeof inner === 'object' ? inner : { code: g.code, message: (e as Error).message } });
    return errorFromResponse({ status: g.statusCode, body, retryAfter: g.headers && typeof g.headers.get === 'function' ? g.headers.get('Retry-After') : undefined, action, current });
  }
  if (e instanceof GraphClientError) {
    return /token/i.test(e.message)
      ? new DataError('unauthenticated', message('signedOut', { action }), { serverMessage: e.message })
      : new DataError('unknown', message('graphNotSetUp', { action }), { serverMessage: e.message });
  }
  return networkError(action, e);
}

/**
 * Runs requests of one call through the pipeline (give each `call` to the request's
 * `middlewareOptions`): their answer, or the one error the call failed with — a DataError, or the
 * token source's own error as it is.
 */
export async function through<T>(action: string, run: (call: PipelineCall) => Promise<T>): Promise<T> {
  const call: PipelineCall = new PipelineCall(action);
  try {
    return await run(call);
  } catch (e) {
    throw call.failure !== undefined ? call.failure : graphClientError(e, action);
  }
}
