// The docs' request samples run against a real texter-mock, in every language SAMPLE_LANGUAGES
// marks runnable: every operation's sample must get its success status with a body that validates
// against the operation's success response (Ajv against spec/dist).
//
// Substitution, the same for every language: the base URL `https://{projectID}.texterchat.com/server/api/v2`
// becomes `http://127.0.0.1:<port>/run/<language>/<operationId>/server/api/v2` and `<YOUR_API_TOKEN>`
// becomes a test token. That URL points at a recording pass-through in front of the mock, which
// files each exchange under its language and operation; samples print but are not parsed.
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startMock, type RunningMock } from "@texterchat/api-mock";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAjv, documentedExtensions } from "../../../spec/test/support";
import { TOKEN_PLACEHOLDER } from "../src/code-samples.mjs";
import { COLLECTION_FILE } from "../src/dist.mjs";
import { docsSpec } from "../src/docs-spec.mjs";
import { SAMPLE_LANGUAGES } from "../src/languages.mjs";
import { loadSpec, operations, resolve } from "../src/openapi.mjs";
import { builtFile } from "./built";
import { RUNNERS, type Sample } from "./sample-runners";

const TEST_TOKEN = "docs-sample-test-token";
const spec = loadSpec();
const BASE_URL = spec.servers[0].url as string;
const ajv = createAjv(spec, documentedExtensions());
const runnable = SAMPLE_LANGUAGES.filter((language) => language.run);

interface Exchange {
  method: string;
  path: string;
  status: number;
  contentType: string;
  body: string;
}

interface Operation {
  operationId: string;
  method: string;
  path: string;
  /** Source per language label. */
  samples: Record<string, string>;
}

let operationsWithSamples: Operation[];
let mock: RunningMock;
let recorder: Server;
let recorderUrl: string;
const exchanges = new Map<string, Exchange[]>();
const seconds: Record<string, number> = {};

const slug = (label: string) => label.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
const pointerToken = (token: string) => token.replaceAll("~", "~0").replaceAll("/", "~1");

/** Forwards `/run/<language>/<operationId>/<path>` to the mock's `/<path>` and records the exchange. */
function startRecorder(target: string): Promise<Server> {
  const server = createServer((incoming, outgoing) => {
    const match = /^\/run\/([^/]+)\/([^/]+)(\/.*)$/.exec(incoming.url ?? "");
    if (!match) {
      outgoing.writeHead(404, { "content-type": "text/plain" }).end(`not a sample run: ${incoming.url}\n`);
      return;
    }
    const [, language, operationId, path] = match as unknown as [string, string, string, string];
    const sent: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => sent.push(chunk));
    incoming.on("end", () => {
      const { host, connection, ...headers } = incoming.headers;
      const upstream = request(`${target}${path}`, { method: incoming.method, headers }, (answer) => {
        const received: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => received.push(chunk));
        answer.on("end", () => {
          const body = Buffer.concat(received);
          const key = `${language}/${operationId}`;
          exchanges.set(key, [
            ...(exchanges.get(key) ?? []),
            { method: incoming.method!, path, status: answer.statusCode!, contentType: answer.headers["content-type"] ?? "", body: body.toString("utf8") },
          ]);
          const { "transfer-encoding": _encoding, connection: _connection, ...answerHeaders } = answer.headers;
          outgoing.writeHead(answer.statusCode!, { ...answerHeaders, "content-length": body.length }).end(body);
        });
      });
      upstream.on("error", (error) => outgoing.writeHead(502, { "content-type": "text/plain" }).end(`mock unreachable: ${error.message}\n`));
      upstream.end(Buffer.concat(sent));
    });
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

/** The documented substitution: the runner's own first, then base URL → the recorder's per-run URL, token → the test token. */
function substitute(label: string, operationId: string, sample: string): string {
  const source = RUNNERS[label]?.adapt?.(sample, { baseUrl: BASE_URL, token: TOKEN_PLACEHOLDER }) ?? sample;
  for (const placeholder of [BASE_URL, TOKEN_PLACEHOLDER]) {
    if (!source.includes(placeholder)) throw new Error(`The ${label} sample of ${operationId} does not contain ${placeholder}:\n${source}`);
  }
  return source.replaceAll(BASE_URL, `${recorderUrl}/run/${slug(label)}/${operationId}/server/api/v2`).replaceAll(TOKEN_PLACEHOLDER, TEST_TOKEN);
}

function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; output: string }> {
  return new Promise((done) =>
    execFile(command, args, { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024, timeout: 400_000 }, (error, stdout, stderr) =>
      done({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, output: `${stdout}\n${stderr}`.trim() }),
    ),
  );
}

/** What is wrong with one operation's exchanges in one language run: nothing, ideally. */
function problemsOf(label: string, { operationId, method, path }: Operation): string[] {
  const got = exchanges.get(`${slug(label)}/${operationId}`) ?? [];
  if (got.length !== 1) return [`${operationId}: ${got.length} requests reached the mock, expected 1`];
  const [exchange] = got as [Exchange];
  const operation = spec.paths[path][method];
  const code = Object.keys(operation.responses).filter((status) => status.startsWith("2")).sort()[0]!;
  if (String(exchange.status) !== code) return [`${operationId}: answered ${exchange.status}, expected ${code}: ${exchange.body.slice(0, 600)}`];
  const response = operation.responses[code];
  const responsePointer = response.$ref ? String(response.$ref).slice(1) : `/paths/${pointerToken(path)}/${method}/responses/${code}`;
  const mediaType = exchange.contentType.split(";")[0]!.trim();
  if (!resolve(spec, response).content?.[mediaType]) return [`${operationId}: answered ${mediaType}, which the ${code} response does not declare`];
  const validate = ajv.validatorAt(`${responsePointer}/content/${pointerToken(mediaType)}/schema`);
  let body: unknown = exchange.body;
  if (/[/+]json$/.test(mediaType)) {
    try {
      body = JSON.parse(exchange.body);
    } catch (error) {
      return [`${operationId}: the ${code} body is not JSON (${(error as Error).message}): ${exchange.body.slice(0, 600)}`];
    }
  }
  return validate(body) ? [] : [`${operationId}: the ${code} body does not validate: ${JSON.stringify(validate.errors)}`];
}

/** Runs the given samples of one language in one batch; returns the seconds it took. */
async function runLanguage(label: string, samples: Sample[], runner = RUNNERS[label]): Promise<number> {
  if (!runner) throw new Error(`SAMPLE_LANGUAGES says ${label} runs, but test/sample-runners.ts has no runner for it`);
  const missing = runner.requires.filter((file) => !existsSync(file));
  if (missing.length) throw new Error(`${label}: ${missing.join(", ")} missing: run node tools/ensure-runtimes.mjs (as root)`);
  const dir = mkdtempSync(join(tmpdir(), `texter-samples-${slug(label)}-`));
  const started = performance.now();
  try {
    for (const step of runner.prepare(dir, samples)) {
      const { code, output } = await run(step.command, step.args, dir, step.env);
      if (code !== 0) throw new Error(`${label}: \`${step.command} ${step.args[0]} …\` exited ${code}:\n${output.slice(-4000)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return (performance.now() - started) / 1000;
}

beforeAll(async () => {
  const collection = JSON.parse(readFileSync(builtFile(COLLECTION_FILE), "utf8"));
  const docs = await docsSpec(spec, collection);
  operationsWithSamples = [...operations(docs)].map(({ method, path, operation }) => ({
    operationId: operation.operationId,
    method,
    path,
    samples: Object.fromEntries(operation["x-codeSamples"].map(({ label, source }: { label: string; source: string }) => [label, source])),
  }));
  mock = await startMock({ port: 0 });
  recorder = await startRecorder(mock.url);
  recorderUrl = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}`;
});

afterAll(async () => {
  recorder?.closeAllConnections();
  await new Promise((done) => (recorder ? recorder.close(done) : done(undefined)));
  await mock?.close();
  if (Object.keys(seconds).length) console.log(`docs samples: seconds per language: ${JSON.stringify(seconds)}`);
});

describe("docs request samples", () => {
  it("every language either runs here or says why not; at least 6 run", () => {
    for (const language of SAMPLE_LANGUAGES) {
      expect(Boolean(language.run) !== Boolean(language.notRun), `${language.label}: exactly one of run and notRun`).toBe(true);
    }
    expect(Object.keys(RUNNERS).sort()).toEqual(runnable.map(({ label }) => label).sort());
    expect(runnable.length).toBeGreaterThanOrEqual(6);
  });

  it("every operation has a sample in every language (at least 10)", () => {
    expect(SAMPLE_LANGUAGES.length).toBeGreaterThanOrEqual(10);
    expect(operationsWithSamples).toHaveLength([...operations(spec)].length);
    for (const { operationId, samples } of operationsWithSamples) {
      expect(Object.keys(samples), operationId).toEqual(SAMPLE_LANGUAGES.map(({ label }) => label));
      for (const [label, source] of Object.entries(samples)) expect(source.trim().length, `${operationId} ${label}`).toBeGreaterThan(40);
    }
  });

  it("reports a sample that the mock rejects (check of the check)", async () => {
    const label = "curl";
    const [good, bad] = operationsWithSamples.filter(({ method }) => method === "post");
    const withAuth = substitute(label, bad!.operationId, bad!.samples[label]!);
    const withoutAuth = withAuth.replace(/^--header 'Authorization: [^']*'(?: \\\n)?/m, "");
    expect(withoutAuth, "the curl sample's Authorization line").not.toBe(withAuth);
    await runLanguage(label, [
      { operationId: good!.operationId, source: substitute(label, good!.operationId, good!.samples[label]!) },
      { operationId: bad!.operationId, source: withoutAuth },
    ]);
    expect(problemsOf(label, good!)).toEqual([]);
    expect(problemsOf(label, bad!).join("\n")).toMatch(new RegExp(`^${bad!.operationId}: answered 401, expected 20\\d`));
    exchanges.clear();
  });

  it("reports a body that does not validate, one that is not JSON, and an undeclared content type (check of the check)", () => {
    const json = operationsWithSamples.find(({ operationId }) => operationId === "getChat")!;
    const exchange = { method: "GET", path: "/server/api/v2/chats/x", status: 200, contentType: "application/json" };
    exchanges.set(`check/${json.operationId}`, [{ ...exchange, body: JSON.stringify({ success: "yes" }) }]);
    expect(problemsOf("check", json).join("\n")).toMatch(/^getChat: the 200 body does not validate: .*boolean/);
    exchanges.set(`check/${json.operationId}`, [{ ...exchange, body: "{ not json" }]);
    expect(problemsOf("check", json).join("\n")).toMatch(/^getChat: the 200 body is not JSON/);
    exchanges.set(`check/${json.operationId}`, [{ ...exchange, contentType: "text/html", body: "<p>OK</p>" }]);
    expect(problemsOf("check", json)).toEqual(["getChat: answered text/html, which the 200 response does not declare"]);
    exchanges.clear();
  });

  it("fails, naming the install command, when a runtime is missing", async () => {
    const runner = { ...RUNNERS.curl!, requires: ["/usr/bin/curl", "/nonexistent/bin/curl"] };
    await expect(runLanguage("curl", [], runner)).rejects.toThrow("curl: /nonexistent/bin/curl missing: run node tools/ensure-runtimes.mjs");
  });

  it.each(runnable.map(({ label }) => label))(
    "%s: every operation's sample gets its 2xx with a body valid against the spec",
    async (label) => {
      const samples = operationsWithSamples.map(({ operationId, samples }) => ({ operationId, source: substitute(label, operationId, samples[label]!) }));
      seconds[label] = Math.round((await runLanguage(label, samples)) * 10) / 10;
      expect(operationsWithSamples.flatMap((operation) => problemsOf(label, operation))).toEqual([]);
    },
    480_000,
  );
});
