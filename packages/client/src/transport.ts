import { TexterError } from "./errors.js";

export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  retries?: number;
  /** Base delay of the exponential backoff. Default 250 ms. */
  minDelayMs?: number;
  /** Upper bound of any wait, including a server's `Retry-After`. Default 20 000 ms. */
  maxDelayMs?: number;
}

/** A fetch implementation with the global `fetch` signature. */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface TransportOptions {
  fetch: FetchLike;
  token: string;
  userAgent: string | undefined;
  timeoutMs: number;
  retry: Required<RetryOptions> | false;
}

const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);
const RETRYABLE_IF_IDEMPOTENT = new Set([502, 503, 504]);

/** Milliseconds a `Retry-After` header asks for (delta-seconds or HTTP date), if any. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\s*\d+\s*$/.test(header)) return Number(header) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function backoffMs(attempt: number, { minDelayMs, maxDelayMs }: Required<RetryOptions>): number {
  const ceiling = Math.min(maxDelayMs, minDelayMs * 2 ** attempt);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/** `GET https://host/path` — never the query string (it may hold phone numbers) nor headers. */
function describe(request: Request): string {
  const url = new URL(request.url);
  return `${request.method} ${url.origin}${url.pathname}`;
}

/**
 * Texter answers some operations with the plain text `OK`; hand it on as the JSON string `"OK"`
 * so that openapi-fetch's `data` is exactly what the types say.
 */
async function plainTextAsJson(response: Response): Promise<Response> {
  if (!response.ok || !response.headers.get("content-type")?.startsWith("text/plain")) return response;
  const headers = new Headers(response.headers);
  headers.set("content-type", "application/json");
  headers.delete("content-length");
  return new Response(JSON.stringify(await response.text()), { status: response.status, statusText: response.statusText, headers });
}

/**
 * The fetch the client hands to openapi-fetch. It adds the bearer token (and user agent), gives
 * every attempt its own timeout combined with the caller's signal, and retries 429 for any method
 * (honouring `Retry-After`) and 502/503/504 and network failures only for idempotent methods, with
 * exponential backoff and jitter. Done here rather than in openapi-fetch middleware: each
 * middleware costs every request an extra round of promises.
 */
export function createTransport({ fetch, token, userAgent, timeoutMs, retry }: TransportOptions): (request: Request) => Promise<Response> {
  return async (request) => {
    request.headers.set("authorization", `Bearer ${token}`);
    if (userAgent) request.headers.set("user-agent", userAgent);
    const retries = retry ? retry.retries : 0;
    const idempotent = IDEMPOTENT.has(request.method);
    const callerSignal = request.signal;
    // Read the body once so every attempt can send it; pass URL and init rather than cloning
    // the Request (each Request construction costs more than the rest of this function).
    const init: RequestInit = { method: request.method, headers: request.headers, redirect: request.redirect };
    if (request.body) init.body = await request.arrayBuffer();
    for (let attempt = 0; ; attempt += 1) {
      const timeout = AbortSignal.timeout(timeoutMs);
      init.signal = AbortSignal.any([callerSignal, timeout]);
      let failure: TexterError;
      try {
        const response = await fetch(request.url, init);
        const retryable = response.status === 429 || (idempotent && RETRYABLE_IF_IDEMPOTENT.has(response.status));
        if (!retry || !retryable || attempt >= retries) return plainTextAsJson(response);
        const asked = retryAfterMs(response.headers.get("retry-after"));
        if (asked !== undefined && asked > retry.maxDelayMs) return response;
        await response.body?.cancel();
        await sleep(asked ?? backoffMs(attempt, retry), callerSignal);
        continue;
      } catch (error) {
        if (callerSignal.aborted) throw callerSignal.reason;
        failure = timeout.aborted
          ? new TexterError("TIMEOUT", `${describe(request)} timed out after ${timeoutMs} ms (attempt ${attempt + 1})`)
          : new TexterError("NETWORK", `${describe(request)} failed: ${(error as Error).message}`, { cause: error });
      }
      if (!retry || !idempotent || attempt >= retries) throw failure;
      await sleep(backoffMs(attempt, retry), callerSignal);
    }
  };
}
