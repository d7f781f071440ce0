import type { paths } from "@texterchat/api-types";
import createClient, { createQuerySerializer, type Client, type MaybeOptionalInit, type Middleware } from "openapi-fetch";
import type {
  ErrorResponse,
  HttpMethod,
  MediaType,
  PathsWithMethod,
  RequiredKeysOf,
  ResponseObjectMap,
  SuccessResponse,
} from "openapi-typescript-helpers";
import { TexterError } from "./errors.js";
import { createTransport, PlainRequest, type FetchLike, type RetryOptions } from "./transport.js";

export interface TexterClientOptions {
  /** API token created in Texter (gear icon → Developers → API Tokens). Required. */
  token: string;
  /** Full base URL, e.g. a mock: `http://127.0.0.1:4010/server/api/v2`. Give this or `projectId`. */
  baseUrl?: string;
  /** Your environment's sub-domain (`demo` → `https://demo.texterchat.com/server/api/v2`). Give this or `baseUrl`. */
  projectId?: string;
  /** A fetch implementation with the global `fetch` signature; defaults to the global one. */
  fetch?: FetchLike;
  /** Timeout of each attempt. Default 30 000 ms. */
  timeoutMs?: number;
  /** Retry policy, or `false` for none. Default `{ retries: 2, minDelayMs: 250, maxDelayMs: 20000 }`. */
  retry?: false | RetryOptions;
  /** Sent as the `User-Agent` header. */
  userAgent?: string;
}

type Init<P extends keyof paths, M extends HttpMethod> = MaybeOptionalInit<paths[P], M>;

/**
 * openapi-fetch's result without its `Readable<>` wrapper: the contract has no readOnly/writeOnly
 * markers to strip, and the wrapper drops `never` properties such as a system message's `type`.
 */
export type TexterResponse<Operation> =
  ResponseObjectMap<Operation> extends infer Responses extends Record<string | number, unknown>
    ?
        | { data: SuccessResponse<Responses, MediaType>; error?: never; response: Response }
        | { data?: never; error: ErrorResponse<Responses, MediaType>; response: Response }
    : never;

/**
 * One HTTP method of the client. Unlike openapi-fetch's generic signature, the options are typed
 * from the path directly, so object literals get excess-property checks: a misspelt body field
 * or parameter fails to compile.
 */
export type TexterMethod<M extends HttpMethod> = <P extends PathsWithMethod<paths, M>>(
  url: P,
  ...init: RequiredKeysOf<Init<P, M>> extends never ? [options?: Init<P, M>] : [options: Init<P, M>]
) => Promise<TexterResponse<paths[P][M]>>;

/** An openapi-fetch client typed by every path of the Texter API. */
export type TexterClient = Pick<Client<paths>, "use" | "eject"> & {
  GET: TexterMethod<"get">;
  POST: TexterMethod<"post">;
  PATCH: TexterMethod<"patch">;
  DELETE: TexterMethod<"delete">;
};

const DEFAULT_RETRY: Required<RetryOptions> = { retries: 2, minDelayMs: 250, maxDelayMs: 20_000 };

function invalid(message: string): never {
  throw new TexterError("INVALID_OPTIONS", `createTexterClient: ${message}`);
}

const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0;

function resolveBaseUrl({ baseUrl, projectId }: TexterClientOptions): string {
  if ((baseUrl === undefined) === (projectId === undefined)) invalid("give exactly one of baseUrl and projectId");
  if (projectId !== undefined) {
    if (typeof projectId !== "string" || !/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i.test(projectId)) {
      invalid(`projectId must be your environment's sub-domain, got ${JSON.stringify(projectId)}`);
    }
    return `https://${projectId}.texterchat.com/server/api/v2`;
  }
  const url = typeof baseUrl === "string" && URL.canParse(baseUrl) ? new URL(baseUrl) : undefined;
  if (!url || !/^https?:$/.test(url.protocol)) invalid(`baseUrl must be an absolute http(s) URL, got ${JSON.stringify(baseUrl)}`);
  return url.href.replace(/\/+$/, "");
}

function resolveRetry(retry: TexterClientOptions["retry"]): Required<RetryOptions> | false {
  if (retry === false) return false;
  if (retry !== undefined && (typeof retry !== "object" || retry === null)) invalid("retry must be false or { retries, minDelayMs, maxDelayMs }");
  const merged = { ...DEFAULT_RETRY, ...retry };
  for (const key of ["retries", "minDelayMs", "maxDelayMs"] as const) {
    if (!isCount(merged[key])) invalid(`retry.${key} must be a non-negative integer, got ${merged[key]}`);
  }
  if (merged.retries > 10 || merged.maxDelayMs < merged.minDelayMs) invalid("retry.retries must be ≤ 10 and retry.maxDelayMs ≥ retry.minDelayMs");
  return merged;
}

/** Creates a typed client for the Texter API V2. Throws `TexterError` (`INVALID_OPTIONS`) on bad options. */
export function createTexterClient(options: TexterClientOptions): TexterClient {
  if (!options || typeof options !== "object") invalid("options { token, baseUrl | projectId } are required");
  const { token, userAgent } = options;
  if (typeof token !== "string" || token.trim() === "") invalid("token is required");
  if (/[\s\u0000-\u001f]/.test(token)) invalid("token must not contain whitespace or control characters");
  const baseUrl = resolveBaseUrl(options);
  const timeoutMs = options.timeoutMs ?? 30_000;
  // setTimeout takes at most 2^31 - 1 ms; anything longer would fire at once.
  if (typeof timeoutMs !== "number" || !(timeoutMs > 0 && timeoutMs < 2 ** 31)) invalid(`timeoutMs must be a positive number below 2^31, got ${timeoutMs}`);
  if (options.fetch !== undefined && typeof options.fetch !== "function") invalid("fetch must be a function");
  if (userAgent !== undefined && (typeof userAgent !== "string" || /[\r\n]/.test(userAgent))) invalid("userAgent must be a single-line string");

  const fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const startCall = createTransport({ fetch, timeoutMs, retry: resolveRetry(options.retry) });
  const client = createClient<paths>({
    baseUrl,
    headers: { authorization: `Bearer ${token}`, "user-agent": userAgent }, // openapi-fetch skips undefined headers
    querySerializer: createQuerySerializer(), // built once, not on every request
  });
  // Middleware is handed real `Request` objects; without any, openapi-fetch builds PlainRequests
  // and fetch builds the only `Request`. This mirrors openapi-fetch's list (which it keeps to
  // itself), added to before openapi-fetch validates, so it never holds fewer than the client.
  const registered: Middleware[] = [];
  const method =
    (name: "GET" | "POST" | "PATCH" | "DELETE") =>
    (url: string, init?: { signal?: AbortSignal | null; middleware?: Middleware[] }) => {
      const call = startCall(init?.signal);
      const Request = registered.length || init?.middleware?.length ? globalThis.Request : PlainRequest;
      return (client[name] as (url: string, init: object) => Promise<unknown>)(url, { ...init, fetch: call.fetch, Request }).finally(call.end);
    };
  return {
    use(...middleware: Middleware[]) {
      registered.push(...middleware);
      client.use(...middleware);
    },
    eject(...middleware: Middleware[]) {
      client.eject(...middleware);
      for (const m of middleware) registered.splice(registered.indexOf(m) >>> 0, 1); // -1 >>> 0: past the end, a no-op
    },
    GET: method("GET"),
    POST: method("POST"),
    PATCH: method("PATCH"),
    DELETE: method("DELETE"),
  } as unknown as TexterClient;
}
