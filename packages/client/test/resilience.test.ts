import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createTexterClient, TexterError } from "../src/index.js";
import { json, startServer, TOKEN } from "./helpers.js";

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(...args: Parameters<typeof startServer>) {
  const started = await startServer(...args);
  servers.push(started);
  return started;
}

const fast = { retries: 2, minDelayMs: 10, maxDelayMs: 2_000 };
const labelsPage = { total: 0, labels: [] };

/** Every error a call produced, as text a log would show. */
async function failure(call: () => Promise<unknown>): Promise<TexterError> {
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, "the call should have failed").toBeInstanceOf(TexterError);
  const rendered = [inspect(error, { depth: 10 }), JSON.stringify(error), String(error), String((error as Error).stack)].join("\n");
  expect(rendered).not.toContain(TOKEN);
  return error as TexterError;
}

describe("against a flaky local server", () => {
  it("retries 429 and honours Retry-After in seconds", async () => {
    const s = await server((_req, res, i) => (i === 0 ? json(res, 429, { error: "slow down" }, { "retry-after": "1" }) : json(res, 200, labelsPage)));
    const client = createTexterClient({ token: TOKEN, baseUrl: s.baseUrl, retry: fast });
    const started = Date.now();
    const { data } = await client.GET("/labels");
    expect(data).toEqual(labelsPage);
    expect(s.requests).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("retries 429 for POST too, and honours Retry-After as an HTTP date", async () => {
    const s = await server((_req, res, i) =>
      i === 0 ? json(res, 429, {}, { "retry-after": new Date(Date.now() + 1_500).toUTCString() }) : json(res, 200, { success: true }),
    );
    const client = createTexterClient({ token: TOKEN, baseUrl: s.baseUrl, retry: fast });
    const started = Date.now();
    const { data } = await client.POST("/chats/{chatId}/resolve", { params: { path: { chatId: "c1" } }, body: { notifyClient: false } });
    expect(data).toEqual({ success: true });
    expect(s.requests.map((r) => r.body)).toEqual(['{"notifyClient":false}', '{"notifyClient":false}']);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
  });

  it("does not wait longer than maxDelayMs: a longer Retry-After returns the 429 to the caller", async () => {
    const s = await server((_req, res) => json(res, 429, { error: "quota" }, { "retry-after": "3600" }));
    const client = createTexterClient({ token: TOKEN, baseUrl: s.baseUrl, retry: fast });
    const { error, response } = await client.GET("/labels");
    expect(response.status).toBe(429);
    expect(error).toEqual({ error: "quota" });
    expect(s.requests).toHaveLength(1);
  });

  it("retries GET on 503 but never POST", async () => {
    const s = await server((req, res, i) => (req.method === "GET" && i > 1 ? json(res, 200, labelsPage) : json(res, 503, { error: "down" })));
    const client = createTexterClient({ token: TOKEN, baseUrl: s.baseUrl, retry: fast });
    const post = await client.POST("/labels", { body: { id: "vip", name: "VIP" } });
    expect(post.response.status).toBe(503);
    expect(s.requests).toHaveLength(1);
    const get = await client.GET("/labels");
    expect(get.data).toEqual(labelsPage);
    expect(s.requests.map((r) => r.method)).toEqual(["POST", "GET", "GET"]);
  });

  it("gives up after `retries` retries and returns the last answer", async () => {
    const s = await server((_req, res) => json(res, 502, { error: "bad gateway" }));
    const client = createTexterClient({ token: TOKEN, baseUrl: s.baseUrl, retry: fast });
    const { response } = await client.GET("/labels");
    expect(response.status).toBe(502);
    expect(s.requests).toHaveLength(3);
  });

  it("retry: false sends exactly one request", async () => {
    const s = await server((_req, res) => json(res, 503, {}));
    const client = createTexterClient({ token: TOKEN, baseUrl: s.baseUrl, retry: false });
    await client.GET("/labels");
    expect(s.requests).toHaveLength(1);
  });

  it("times out a hung server per attempt, retries idempotent calls, and says so", async () => {
    const s = await server(() => undefined); // never answers
    const client = createTexterClient({ token: TOKEN, baseUrl: s.baseUrl, timeoutMs: 150, retry: { retries: 1, minDelayMs: 10, maxDelayMs: 10 } });
    const started = Date.now();
    const error = await failure(() => client.GET("/labels/{labelId}", { params: { path: { labelId: "vip" } } }));
    expect(error.code).toBe("TIMEOUT");
    expect(error.message).toBe(`GET ${new URL(s.baseUrl).origin}/server/api/v2/labels/vip timed out after 150 ms (attempt 2)`);
    expect(s.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("times out a body that stops arriving after the headers", async () => {
    const s = await server((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"total": 1, "labels": ['); // and nothing more
    });
    const client = createTexterClient({ token: TOKEN, baseUrl: s.baseUrl, timeoutMs: 200, retry: false });
    const error = await failure(() => client.GET("/labels"));
    expect(error.code).toBe("TIMEOUT");
    expect(error.message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/server\/api\/v2\/labels timed out after 200 ms \(attempt 1\)$/);
  });

  it("does not retry a POST that timed out (it may have been carried out)", async () => {
    const s = await server(() => undefined);
    const client = createTexterClient({ token: TOKEN, baseUrl: s.baseUrl, timeoutMs: 100, retry: fast });
    const error = await failure(() => client.POST("/chats/assign", { body: { chatId: "c1", agentEmail: "dana@example.org" } }));
    expect(error.code).toBe("TIMEOUT");
    expect(s.requests).toHaveLength(1);
  });

  it("retries network failures for GET, and reports them without the token", async () => {
    const s = await server((_req, res) => json(res, 200, labelsPage));
    const baseUrl = s.baseUrl;
    await s.close(); // nothing listens on the port any more
    const client = createTexterClient({ token: TOKEN, baseUrl, retry: { retries: 2, minDelayMs: 5, maxDelayMs: 5 } });
    const error = await failure(() => client.GET("/labels"));
    expect(error.code).toBe("NETWORK");
    expect(error.message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/server\/api\/v2\/labels failed: /);
    expect(error.cause).toBeDefined();
  });

  it("a caller's abort stops at once and is not retried", async () => {
    const s = await server(() => undefined);
    const client = createTexterClient({ token: TOKEN, baseUrl: s.baseUrl, timeoutMs: 10_000, retry: fast });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("user cancelled")), 100);
    await expect(client.GET("/labels", { signal: controller.signal })).rejects.toThrow("user cancelled");
    expect(s.requests).toHaveLength(1);
  });

  it("keeps the token out of error bodies returned to the caller", async () => {
    const s = await server((_req, res) => json(res, 401, { success: false, error: "Missing or invalid bearer token" }));
    const client = createTexterClient({ token: TOKEN, baseUrl: s.baseUrl });
    const result = await client.GET("/labels");
    expect(s.requests[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(result.response.status).toBe(401);
    expect(inspect(result.error, { depth: 10 })).not.toContain(TOKEN);
  });
});
