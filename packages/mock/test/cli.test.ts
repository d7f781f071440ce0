import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AUTH, contract, runCli, spawnCli, startReceiver, type CliRun, type ContractError } from "./support.js";

let mock: CliRun;
let origin: string;
let baseUrl: string;

beforeAll(async () => {
  mock = spawnCli(["--port", "0", "--validate-responses"]);
  const line = await mock.ready;
  baseUrl = line.replace(/^texter-mock ready at /, "");
  origin = new URL(baseUrl).origin;
});

afterAll(() => {
  mock.child.kill("SIGTERM");
});

async function call(method: string, path: string, init: { headers?: Record<string, string>; body?: unknown } = {}) {
  const headers: Record<string, string> = { ...AUTH, ...init.headers };
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === "string" ? init.body : JSON.stringify(init.body);
    headers["Content-Type"] ??= "application/json";
  }
  const response = await fetch(baseUrl + path, { method, headers, body });
  const type = response.headers.get("content-type") ?? "";
  const text = await response.text();
  return { status: response.status, type, text, json: () => JSON.parse(text) as ContractError & Record<string, unknown>, headers: response.headers };
}

describe("texter-mock CLI server", () => {
  it("prints one ready line with the base URL and the real port", () => {
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:(\d+)\/server\/api\/v2$/);
    expect(Number(new URL(baseUrl).port)).toBeGreaterThan(0);
    expect(mock.stdout().trim().split("\n")).toHaveLength(1);
  });

  it("answers the health check outside the base path", async () => {
    const response = await fetch(`${origin}/__health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("401s without a token in the contract's 401 shape, explaining why", async () => {
    const response = await fetch(`${baseUrl}/labels`);
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(contract.check({ method: "GET", path: "/labels", status: 401, contentType: response.headers.get("content-type"), body: text })).toEqual([]);
    expect(response.headers.get("content-type")).toBe("application/json");
    const body = JSON.parse(text) as ContractError;
    expect(body).toMatchObject({ success: false, error: expect.stringMatching(/Authorization header .* is missing/), operationId: "listLabels" });
    expect(body.violations).toEqual([{ location: "header", path: "Authorization", message: expect.stringContaining("missing") }]);
  });

  it("401s for a Basic scheme, even on an operation that needs no scope", async () => {
    const { status, json } = await call("GET", "/labels", { headers: { Authorization: "Basic x" } });
    expect(status).toBe(401);
    expect(json().error).toContain("Basic");
  });

  it("names the missing body field (Create Label without name)", async () => {
    const { status, type, json } = await call("POST", "/labels", { body: { id: "vip" } });
    expect(status).toBe(400);
    expect(type).toBe("application/json");
    expect(json()).toMatchObject({ success: false, error: "Invalid request to createLabel (POST /labels), 1 violation: body /name is required.", operationId: "createLabel" });
    expect(json().violations).toEqual([{ location: "body", path: "/name", message: "is required" }]);
  });

  it("lists every violation at once", async () => {
    const { status, json } = await call("POST", "/labels", { body: { color: "red", extra: 1 } });
    expect(status).toBe(400);
    const paths = json().violations!.map((v) => v.path).sort();
    expect(paths).toEqual(["/color", "/extra", "/id", "/name"]);
  });

  it("names the tag of a tagged body with the values it takes", async () => {
    const { status, json } = await call("POST", "/messages/send/64de3b15398a8e09c47a9f62", { body: { type: "bogus" } });
    expect(status).toBe(400);
    expect(json().violations).toEqual([{ location: "body", path: "/type", message: expect.stringMatching(/text, media.*"bogus"/) }]);
  });

  it("rejects a malformed percent-encoding in the path as a path violation", async () => {
    const { status, json } = await call("GET", "/labels/%E0%A4%A");
    expect(status).toBe(400);
    expect(json().violations).toEqual([{ location: "path", path: "labelId", message: "is not valid percent-encoding" }]);
  });

  it("validates bracket query parameters: statuses[]", async () => {
    const { status, json } = await call("GET", "/chats/search?statuses[]=SOLVED");
    expect(status).toBe(400);
    expect(json().violations).toEqual([{ location: "query", path: "statuses[]", message: expect.stringContaining("SOLVED") }]);
  });

  it("validates bracket query parameters: more than 100 labels[]", async () => {
    const query = Array.from({ length: 101 }, (_, i) => `labels%5B%5D=l${i}`).join("&");
    const { status, json } = await call("GET", `/chats/search?${query}`);
    expect(status).toBe(400);
    expect(json().violations).toEqual([{ location: "query", path: "labels[]", message: expect.stringContaining("100") }]);
  });

  it("applies x-texter-parameter-rules: channel[name] needs channel[accountId]", async () => {
    const { status, json } = await call("GET", "/chats/search?channel[name]=whatsapp");
    expect(status).toBe(400);
    expect(json().violations).toEqual([{ location: "query", path: "channel[accountId]", message: expect.stringContaining("together") }]);
  });

  it("answers a valid search with its first example", async () => {
    const { status, type } = await call("GET", "/chats/search?statuses[]=PENDING&statuses[]=ASSIGNED&channel[name]=whatsapp&channel[accountId]=15550100000");
    expect(status).toBe(200);
    expect(type).toContain("application/json");
  });

  it("answers plain-text OK for Assign Chat", async () => {
    const { status, type, text } = await call("POST", "/chats/assign", { body: { chatId: "64de3b15398a8e09c47a9f62", agentEmail: "dana.levi@example.org" } });
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain/);
    expect(text).toBe("OK");
  });

  it("415s for a wrong content type", async () => {
    const { status, json } = await call("POST", "/labels", { body: "id=x", headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    expect(status).toBe(415);
    expect(json().violations![0]).toMatchObject({ location: "header", path: "Content-Type" });
  });

  it("404s for an unknown path, naming it", async () => {
    const { status, json } = await call("GET", "/no/such/thing");
    expect(status).toBe(404);
    expect(json().error).toContain("/server/api/v2/no/such/thing");
  });

  it("404s outside the base path, naming the base path", async () => {
    const response = await fetch(`${origin}/labels`, { headers: AUTH });
    expect(response.status).toBe(404);
    expect(((await response.json()) as ContractError).error).toContain("/server/api/v2");
  });

  it("405s for a wrong method, with Allow", async () => {
    const { status, type, headers, json } = await call("PUT", "/labels");
    expect(status).toBe(405);
    expect(type).toBe("application/json");
    expect(headers.get("allow")).toBe("GET, POST");
    expect(json()).toMatchObject({ success: false, error: expect.stringContaining("PUT") });
  });

  describe("routes literal paths before templated ones (OpenAPI path matching)", () => {
    it.each([
      ["PATCH", "/chats/assign", "POST"], // not Update Chat Properties with chatId "assign"
      ["DELETE", "/scenarios/manage/import", "POST"], // not Delete Subscription with scenarioId "import"
      ["OPTIONS", "/scenarios/manage/import", "POST"], // Allow never lists DELETE of /scenarios/manage/{scenarioId}
      ["POST", "/whatsapp/templates/unsubscribed", "GET"], // not Create New Template with accountId "unsubscribed"
      ["PUT", "/whatsapp/templates/send", "POST"],
    ])("%s %s → 405 with Allow: %s", async (method, path, allow) => {
      const { status, headers, json } = await call(method, path, { body: {} });
      expect(status).toBe(405);
      expect(headers.get("allow")).toBe(allow);
      expect(json().error).toContain(`${method} is not defined for /server/api/v2${path}`);
    });

    it("still serves the templated path for other ids", async () => {
      const { status } = await call("PATCH", "/chats/64de3b15398a8e09c47a9f62", { body: { displayName: "Dana" } });
      expect(status).toBe(200);
    });
  });

  it("serves named examples with Prefer: example=unsubscribed on Send Template Message", async () => {
    const body = { templateName: "inbox_marketing_95", to: "15550100123" };
    const { status, json } = await call("POST", "/whatsapp/templates/send", { body, headers: { Prefer: "example=unsubscribed" } });
    expect(status).toBe(200);
    expect(json().success).toBe(false);
  });

  it("serves an error response with Prefer: code=404", async () => {
    const { status } = await call("GET", "/labels/hot_lead", { headers: { Prefer: "code=404" } });
    expect(status).toBe(404);
  });

  it("400s for a Prefer example the response does not have, listing the ones it has", async () => {
    const { status, json } = await call("GET", "/labels", { headers: { Prefer: "example=nope" } });
    expect(status).toBe(400);
    expect(json().violations![0]).toMatchObject({ location: "header", path: "Prefer" });
  });
});

describe("texter-mock process", () => {
  it("exits 0 within a second of SIGTERM", async () => {
    const run = spawnCli(["--port", "0"]);
    const line = await run.ready;
    await fetch(`${line.replace(/^texter-mock ready at /, "")}/labels`, { headers: AUTH, keepalive: true });
    const started = performance.now();
    run.child.kill("SIGTERM");
    const { code } = await run.exit;
    expect(code).toBe(0);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("rejects bad flags with usage and exit code 2", async () => {
    const { code, stderr } = await runCli(["--port", "abc"]);
    expect(code).toBe(2);
    expect(stderr).toContain("--port");
    expect(stderr).toContain("Usage:");
    expect((await runCli(["--nope"])).code).toBe(2);
  });

  it("--stateful --tokens: writes change later reads, scopes are enforced, the admin API answers", async () => {
    const dir = mkdtempSync(join(tmpdir(), "texter-mock-tokens-"));
    const tokens = join(dir, "tokens.json");
    writeFileSync(tokens, JSON.stringify({ ci: ["*"], reader: ["View quick replies"] }));
    const run = spawnCli(["--port", "0", "--stateful", "--tokens", tokens, "--validate-responses"]);
    try {
      const baseUrl = (await run.ready).replace(/^texter-mock ready at /, "");
      const as = (token: string) => ({ Authorization: `Bearer ${token}`, "Content-Type": "application/json" });
      const create = (token: string) => fetch(`${baseUrl}/labels`, { method: "POST", headers: as(token), body: JSON.stringify({ id: "cli", name: "CLI" }) });
      expect((await create("reader")).status).toBe(403);
      expect((await create("someone")).status).toBe(401);
      expect((await create("ci")).status).toBe(200);
      expect(await (await fetch(`${baseUrl}/labels/cli`, { headers: as("ci") })).json()).toMatchObject({ id: "cli", name: "CLI" });
      const journal = await (await fetch(`${new URL(baseUrl).origin}/__admin/requests?operationId=createLabel`)).json();
      expect(journal.entries.map((e: { status: number }) => e.status)).toEqual([403, 401, 200]);
    } finally {
      run.child.kill("SIGTERM");
      await run.exit;
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("exits 1 naming the problem for a tokens file with an unknown scope", async () => {
    const dir = mkdtempSync(join(tmpdir(), "texter-mock-tokens-"));
    writeFileSync(join(dir, "tokens.json"), JSON.stringify({ ci: ["Manage lables"] }));
    try {
      const { code, stderr } = await runCli(["--port", "0", "--tokens", join(dir, "tokens.json")]);
      expect(code).toBe(1);
      expect(stderr).toContain('unknown scope "Manage lables"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("exits 1 with a clear message for a spec it cannot read", async () => {
    const { code, stderr } = await runCli(["--port", "0", "--spec", "/nonexistent/openapi.json"]);
    expect(code).toBe(1);
    expect(stderr).toContain("Cannot read the spec /nonexistent/openapi.json");
  });
});

describe("texter-mock send-webhook", () => {
  it("POSTs the validated example envelope and prints the receiver's status", async () => {
    const receiver = await startReceiver(204);
    try {
      const { code, stdout } = await runCli(["send-webhook", "chatResolved", "--to", receiver.url]);
      expect(code).toBe(0);
      expect(stdout).toContain("204");
      expect(receiver.received).toHaveLength(1);
      const [delivery] = receiver.received;
      expect(delivery!.headers["content-type"]).toBe("application/json");
      expect(JSON.parse(delivery!.body)).toMatchObject({ eventName: "chatResolved", eventData: expect.any(Object) });
    } finally {
      await receiver.close();
    }
  });

  it("exits non-zero for a receiver that answers an error", async () => {
    const receiver = await startReceiver(500);
    try {
      expect((await runCli(["send-webhook", "newMessage", "--to", receiver.url])).code).not.toBe(0);
    } finally {
      await receiver.close();
    }
  });

  it("exits non-zero for an unknown event, listing the known ones", async () => {
    const { code, stderr } = await runCli(["send-webhook", "chatExploded", "--to", "http://127.0.0.1:9/"]);
    expect(code).not.toBe(0);
    expect(stderr).toContain("chatExploded");
    expect(stderr).toContain("newIncomingMessage");
  });
});
