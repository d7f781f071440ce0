import type { Middleware } from "openapi-fetch";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createTexterClient } from "../src/index.js";
import { json, startServer, TOKEN } from "./helpers.js";

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  vi.unstubAllGlobals();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A local server that answers every request with 200 and what it received. */
async function echoServer(firstStatus?: number) {
  const s = await startServer((req, res, index) =>
    index === 0 && firstStatus ? json(res, firstStatus, {}, { "retry-after": "0" }) : json(res, 200, { success: true, received: req.body }),
  );
  servers.push(s);
  return s;
}

/** Counts the `Request` objects built outside fetch (fetch's own come from undici's internal class). */
function countRequests() {
  const counter = { built: 0 };
  vi.stubGlobal(
    "Request",
    class extends Request {
      constructor(...args: ConstructorParameters<typeof Request>) {
        super(...args);
        counter.built += 1;
      }
    },
  );
  return counter;
}

const resolve = { params: { path: { chatId: "c1" } }, body: { notifyClient: true } } as const;

/** Changes a header and the JSON body of the request, and the answer's body; records what it saw. */
function rewriting(seen: { authorization?: string | null; status?: number; answer?: unknown }): Middleware {
  return {
    async onRequest({ request }) {
      seen.authorization = request.headers.get("authorization");
      const body = (await request.json()) as Record<string, unknown>;
      const headers = new Headers(request.headers);
      headers.set("x-trace-id", "trace-1");
      return new Request(request.url, { method: request.method, headers, body: JSON.stringify({ ...body, notifyClient: false }) });
    },
    async onResponse({ response }) {
      seen.status = response.status;
      seen.answer = await response.clone().json();
      const headers = new Headers(response.headers);
      headers.delete("content-length");
      return new Response(JSON.stringify({ success: true, via: "middleware" }), { status: response.status, headers });
    },
  };
}

describe("users' middleware (client.use) against a local server", () => {
  it("reads and changes headers and the body of the request, sees the response and replaces it", async () => {
    const s = await echoServer();
    const client = createTexterClient({ token: TOKEN, baseUrl: s.baseUrl });
    const seen: Parameters<typeof rewriting>[0] = {};
    client.use(rewriting(seen));

    const { data, response } = await client.POST("/chats/{chatId}/resolve", resolve);

    expect(seen.authorization).toBe(`Bearer ${TOKEN}`);
    expect(s.requests).toHaveLength(1);
    expect(s.requests[0]!.headers["x-trace-id"]).toBe("trace-1");
    expect(s.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(s.requests[0]!.body).toBe('{"notifyClient":false}');
    expect(seen.status).toBe(200);
    expect(seen.answer).toEqual({ success: true, received: '{"notifyClient":false}' });
    expect(response.status).toBe(200);
    expect(data).toEqual({ success: true, via: "middleware" });
  });

  it("a request changed by middleware is sent whole on every retry", async () => {
    const s = await echoServer(429);
    const client = createTexterClient({ token: TOKEN, baseUrl: s.baseUrl, retry: { retries: 1, minDelayMs: 1, maxDelayMs: 1_000 } });
    client.use(rewriting({}));
    const { data } = await client.POST("/chats/{chatId}/resolve", resolve);
    expect(s.requests.map((r) => [r.body, r.headers["x-trace-id"]])).toEqual([
      ['{"notifyClient":false}', "trace-1"],
      ['{"notifyClient":false}', "trace-1"],
    ]);
    expect(data).toEqual({ success: true, via: "middleware" });
  });

  it("builds Request objects only while middleware is registered, for the client or for one call", async () => {
    const s = await echoServer();
    const client = createTexterClient({ token: TOKEN, baseUrl: s.baseUrl });
    const counter = countRequests();
    const headerOnly: Middleware = {
      onRequest({ request }) {
        request.headers.set("x-from-middleware", "yes");
      },
    };

    await client.POST("/chats/{chatId}/resolve", resolve);
    await client.GET("/labels");
    expect(counter.built).toBe(0);

    client.use(headerOnly);
    client.use(headerOnly); // registered twice: one eject leaves one
    await client.GET("/labels");
    client.eject(headerOnly);
    await client.POST("/chats/{chatId}/resolve", resolve);
    expect(counter.built).toBe(2);
    client.eject(headerOnly);
    await client.GET("/labels");
    expect(counter.built).toBe(2);

    await client.GET("/labels", { middleware: [headerOnly] });
    expect(counter.built).toBe(3);

    expect(s.requests.map((r) => [r.method, r.body, r.headers["x-from-middleware"]])).toEqual([
      ["POST", '{"notifyClient":true}', undefined],
      ["GET", "", undefined],
      ["GET", "", "yes"],
      ["POST", '{"notifyClient":true}', "yes"],
      ["GET", "", undefined],
      ["GET", "", "yes"],
    ]);
  });
});
