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
export type FetchLike = (input: Request | string, init?: RequestInit) => Promise<Response>;

const IDEMPOTENT = new Set(["GET", "HEAD", "PUT", "DELETE", "OPTIONS"]);

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

function sleep(ms: number, signal: AbortSignal | null | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * What openapi-fetch builds for a call when no middleware needs a real `Request` (its `Request`
 * option, called with `new`): the URL and the init it would have built the `Request` from
 * (method, merged headers, serialized body, the caller's other fetch options), kept as they are.
 * `fetch` then builds the one undici `Request` of the attempt, instead of copying a first one.
 */
export interface PlainRequest extends RequestInit {
  url: string;
  method: string;
}
export const PlainRequest = function (url: string, init: RequestInit): PlainRequest {
  return { ...init, url } as PlainRequest;
} as unknown as typeof Request;

/** `GET https://host/path` — never the query string (it may hold phone numbers) nor headers. */
const describe = (request: Request | PlainRequest) => `${request.method} ${request.url.split("?")[0]}`;

export interface TransportOptions {
  fetch: FetchLike;
  timeoutMs: number;
  retry: Required<RetryOptions> | false;
}

/** One API call: the fetch to hand openapi-fetch for it, and `end()` once its body was read. */
export interface Call {
  fetch(request: Request | PlainRequest): Promise<Response>;
  end(): void;
}

/**
 * Starts calls. Each attempt of a call gets its own timeout, which stays armed until `end()` so
 * that it also covers reading the body, and follows the caller's signal. 429 is retried for any
 * method (honouring `Retry-After`); 502/503/504 and network failures only for idempotent
 * methods; with exponential backoff and jitter. One AbortController and one timer per attempt:
 * `AbortSignal.timeout` + `AbortSignal.any` cost every request about a fifth more CPU.
 */
export function createTransport({ fetch, timeoutMs, retry }: TransportOptions): (callerSignal?: AbortSignal | null) => Call {
  return (callerSignal) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let unlink: (() => void) | undefined;
    const disarm = () => {
      clearTimeout(timer);
      unlink?.();
    };

    /**
     * Sends one attempt. Its timeout aborts with a TexterError, which fetch and, after the
     * headers, reading the body then reject with (fetch's own failures are never TexterErrors).
     */
    const attempt = (request: Request | PlainRequest, init: RequestInit, number: number) => {
      disarm();
      const controller = new AbortController();
      timer = setTimeout(() => {
        controller.abort(new TexterError("TIMEOUT", `${describe(request)} timed out after ${timeoutMs} ms (attempt ${number + 1})`));
      }, timeoutMs);
      if (callerSignal) {
        const onAbort = () => controller.abort(callerSignal.reason);
        callerSignal.addEventListener("abort", onAbort, { once: true });
        unlink = () => callerSignal.removeEventListener("abort", onAbort);
      }
      init.signal = controller.signal;
      return fetch(request.url, init);
    };

    return {
      end: disarm,
      async fetch(request) {
        callerSignal?.throwIfAborted();
        const idempotent = IDEMPOTENT.has(request.method);
        // A PlainRequest is the init of every attempt. A real Request (built for middleware) is
        // taken apart the same way; its body stream is read once so every attempt can send it.
        const init: RequestInit =
          request instanceof Request ? { method: request.method, headers: request.headers, body: request.body && (await request.arrayBuffer()) } : request;
        for (let number = 0; ; number += 1) {
          let failure: TexterError;
          try {
            const response = await attempt(request, init, number);
            const retryable = response.status === 429 || (idempotent && response.status >= 502 && response.status <= 504);
            if (!retry || !retryable || number >= retry.retries) {
              // Texter answers some operations with the plain text `OK`: it is handed on as the
              // JSON string `"OK"`, so that openapi-fetch's `data` is exactly what the types say.
              const plainText = response.ok && response.headers.get("content-type")?.startsWith("text/plain");
              return plainText ? new Response(JSON.stringify(await response.text()), response) : response;
            }
            const asked = retryAfterMs(response.headers.get("retry-after"));
            if (asked !== undefined && asked > retry.maxDelayMs) return response;
            await response.body?.cancel();
            disarm();
            await sleep(asked ?? backoffMs(number, retry), callerSignal);
            continue;
          } catch (error) {
            disarm();
            if (callerSignal?.aborted) throw callerSignal.reason;
            failure = error instanceof TexterError ? error : new TexterError("NETWORK", `${describe(request)} failed: ${(error as Error).message}`, { cause: error });
          }
          if (!retry || !idempotent || number >= retry.retries) throw failure;
          await sleep(backoffMs(number, retry), callerSignal);
        }
      },
    };
  };
}
