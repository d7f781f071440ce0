import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Middleware } from "openapi-fetch";
import { createTexterClient, type TexterClient, type TexterClientOptions } from "../src/index.js";
import type { FetchLike } from "../src/transport.js";
import { createContractCheck } from "../../../tools/contract-check.mjs";

export const TOKEN = "tk_live_SECRET_4f1b9c0d7e";

export interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A real HTTP server on loopback whose handler decides every answer; records every request. */
export async function startServer(handler: (req: Recorded, res: ServerResponse, index: number) => void) {
  const requests: Recorded[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded = { method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks).toString() };
      requests.push(recorded);
      handler(recorded, res, requests.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/server/api/v2`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}

/** A fetch stand-in that answers from a function and records the requests it was given. */
export function fakeFetch(answer: (request: Request, index: number) => Response | Promise<Response>) {
  const calls: Request[] = [];
  const fetch = async (input: Request | string, init?: RequestInit) => {
    const request = new Request(input, init);
    calls.push(request.clone());
    return answer(request, calls.length - 1);
  };
  return { fetch, calls };
}

export const jsonResponse = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/**
 * Checks every response a client receives against the contract (declared status, media type and
 * schema of its operation), in one place for all the tests that use it. `client(options)` makes a
 * client whose fetch records each raw response as it came off the wire and whose openapi-fetch
 * middleware then checks it against the operation it answered (`schemaPath`). State: `requests`
 * sent, `seen` responses (`GET /labels → 200`), every `violations` line.
 */
export function responseCheck(doc: unknown) {
  const contract = createContractCheck(doc);
  const state = { requests: 0, seen: [] as string[], violations: [] as string[] };
  type Raw = { status: number; contentType: string | null; body: string };
  const raw = new Map<string, Raw[]>();
  const key = (method: string, url: string) => `${method.toUpperCase()} ${url}`;

  const recording =
    (fetch: FetchLike): FetchLike =>
    async (input, init) => {
      const request = input instanceof Request ? input : undefined;
      const method = init?.method ?? request?.method ?? "GET";
      const url = request?.url ?? String(input);
      const response = await fetch(input, init);
      const entry = { status: response.status, contentType: response.headers.get("content-type"), body: await response.clone().text() };
      raw.set(key(method, url), [...(raw.get(key(method, url)) ?? []), entry]);
      return response;
    };

  const middleware: Middleware = {
    onRequest() {
      state.requests++;
    },
    onResponse({ request, schemaPath }) {
      const entry = raw.get(key(request.method, request.url))?.shift();
      state.seen.push(`${request.method} ${schemaPath} → ${entry?.status ?? "?"}`);
      if (!entry) state.violations.push(`${request.method} ${request.url}: no response was recorded for it`);
      else state.violations.push(...contract.check({ method: request.method, path: schemaPath, ...entry }));
    },
  };

  return Object.assign(state, {
    /** A client whose every response is checked. */
    client(options: TexterClientOptions): TexterClient {
      const client = createTexterClient({ ...options, fetch: recording(options.fetch ?? ((input, init) => globalThis.fetch(input, init))) });
      client.use(middleware);
      return client;
    },
  });
}
