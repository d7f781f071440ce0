import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { createTexterClient, TexterError, type TexterClientOptions } from "../src/index.js";
import { fakeFetch, jsonResponse, TOKEN } from "./helpers.js";

function optionsError(options: unknown): TexterError {
  try {
    createTexterClient(options as TexterClientOptions);
  } catch (error) {
    expect(error).toBeInstanceOf(TexterError);
    expect((error as TexterError).code).toBe("INVALID_OPTIONS");
    expect(inspect(error, { depth: 5 })).not.toContain(TOKEN);
    return error as TexterError;
  }
  throw new Error(`createTexterClient accepted ${JSON.stringify(options)}`);
}

describe("createTexterClient options", () => {
  it.each([
    ["no options", undefined, /options \{ token, baseUrl \| projectId \} are required/],
    ["no token", { baseUrl: "https://x.test" }, /token is required/],
    ["empty token", { token: " ", projectId: "demo" }, /token is required/],
    ["token with a newline", { token: `${TOKEN}\n`, projectId: "demo" }, /whitespace/],
    ["neither baseUrl nor projectId", { token: TOKEN }, /give exactly one of baseUrl and projectId/],
    ["both baseUrl and projectId", { token: TOKEN, baseUrl: "https://x.test", projectId: "demo" }, /give exactly one of baseUrl and projectId/],
    ["a relative baseUrl", { token: TOKEN, baseUrl: "/server/api/v2" }, /absolute http\(s\) URL, got "\/server\/api\/v2"/],
    ["a non-http baseUrl", { token: TOKEN, baseUrl: "ftp://x.test" }, /absolute http\(s\) URL/],
    ["a projectId with a dot", { token: TOKEN, projectId: "demo.evil.com" }, /sub-domain/],
    ["a negative timeout", { token: TOKEN, projectId: "demo", timeoutMs: -1 }, /timeoutMs must be a positive number/],
    ["an infinite timeout", { token: TOKEN, projectId: "demo", timeoutMs: Infinity }, /below 2\^31, got Infinity/],
    ["retry as a number", { token: TOKEN, projectId: "demo", retry: 3 }, /retry must be false or/],
    ["fractional retries", { token: TOKEN, projectId: "demo", retry: { retries: 1.5 } }, /retry.retries must be a non-negative integer, got 1.5/],
    ["maxDelayMs below minDelayMs", { token: TOKEN, projectId: "demo", retry: { minDelayMs: 100, maxDelayMs: 10 } }, /retry.maxDelayMs ≥ retry.minDelayMs/],
    ["a non-function fetch", { token: TOKEN, projectId: "demo", fetch: "yes" }, /fetch must be a function/],
    ["a multi-line user agent", { token: TOKEN, projectId: "demo", userAgent: "a\r\nb" }, /userAgent must be a single-line string/],
  ])("rejects %s with a clear message", (_label, options, message) => {
    expect(optionsError(options).message).toMatch(message);
  });

  it("builds the production base URL from projectId", async () => {
    const { fetch, calls } = fakeFetch(() => jsonResponse({ total: 0, labels: [] }));
    const client = createTexterClient({ token: TOKEN, projectId: "demo", fetch });
    await client.GET("/labels");
    expect(calls[0]!.url).toBe("https://demo.texterchat.com/server/api/v2/labels");
  });

  it("sends the bearer token and the user agent on every request", async () => {
    const { fetch, calls } = fakeFetch(() => jsonResponse({ total: 0, labels: [] }));
    const client = createTexterClient({ token: TOKEN, baseUrl: "http://mock.test/server/api/v2/", fetch, userAgent: "crm-sync/1.0" });
    await client.GET("/labels", { params: { query: { limit: "10" } } });
    expect(calls[0]!.url).toBe("http://mock.test/server/api/v2/labels?limit=10");
    expect(calls[0]!.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(calls[0]!.headers.get("user-agent")).toBe("crm-sync/1.0");
  });

  it("serialises bracket-named query parameters as repeated keys", async () => {
    const { fetch, calls } = fakeFetch(() => jsonResponse({ total: 0, data: [] }));
    const client = createTexterClient({ token: TOKEN, baseUrl: "http://mock.test/server/api/v2", fetch });
    await client.GET("/chats/search", { params: { query: { "statuses[]": ["PENDING", "ASSIGNED"], "labels[]": ["vip"] } } });
    const url = new URL(calls[0]!.url);
    expect(url.searchParams.getAll("statuses[]")).toEqual(["PENDING", "ASSIGNED"]);
    expect(url.searchParams.getAll("labels[]")).toEqual(["vip"]);
  });
});
