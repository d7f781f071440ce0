// Client overhead: the same GET against the same local server, through bare fetch, through plain
// openapi-fetch, through three steps between them (see LightRequest) and through
// @texterchat/api-client. Two servers, each in its own process so that the numbers are the
// client's: a bare node:http server answering fixed bytes (the worst case: the client's work is all
// there is) and texter-mock (a server that does some work per request). Rounds are interleaved and
// each variant is compared with the bare-fetch and the openapi-fetch rounds next to it; medians of
// those paired ratios are printed, for wall time and for the client process's CPU time.
// Goals (wall): api-client ≤ 1.10 × bare fetch and ≤ 1.00 × openapi-fetch. Loopback only; bounded.
import { spawn } from "node:child_process";
import { createTexterClient } from "@texterchat/api-client";
import createClient from "openapi-fetch";
import { startMockCli } from "./mock-lib.mjs";

const ROUNDS = 15;
const PER_ROUND = 2_000;
const CONCURRENCY = 10;
const SERVER = `
const body = JSON.stringify({ total: 2, labels: [{ id: "hot_lead", name: "HOT LEAD", color: "#2CCCE4" }, { id: "vip", name: "VIP" }] });
require("node:http")
  .createServer((_req, res) => { res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) }); res.end(body); })
  .listen(0, "127.0.0.1", function () { console.log(this.address().port); });`;

async function startBareServer() {
  const child = spawn(process.execPath, ["-e", SERVER], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise((resolve) => child.stdout.once("data", (chunk) => resolve(String(chunk).trim())));
  return { baseUrl: `http://127.0.0.1:${port}/server/api/v2`, stop: () => child.kill() };
}

const token = "bench-token";
const query = { params: { query: { limit: "50" } } };

/**
 * The steps between openapi-fetch and the client, to show what each costs: openapi-fetch given a
 * light request class (a plain object of url + init, as the client's PlainRequest; fetch then
 * builds the only Request); plus an AbortController whose signal fetch follows; plus the timer
 * that aborts it. Every attempt of the client arms those two.
 */
function LightRequest(url, init) {
  return { ...init, url };
}
const sendLight = (request) => fetch(request.url, request);
function sendLightWithSignal(request) {
  request.signal = new AbortController().signal;
  return fetch(request.url, request);
}
function sendLightWithTimeout(request) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error("timeout")), 30_000);
  request.signal = controller.signal;
  return fetch(request.url, request).finally(() => clearTimeout(timer));
}

function variantsFor(baseUrl) {
  const texter = createTexterClient({ baseUrl, token });
  const headers = { authorization: `Bearer ${token}` };
  const plain = createClient({ baseUrl, headers });
  const light = createClient({ baseUrl, headers, Request: LightRequest, fetch: sendLight });
  const lightSignal = createClient({ baseUrl, headers, Request: LightRequest, fetch: sendLightWithSignal });
  const lightTimed = createClient({ baseUrl, headers, Request: LightRequest, fetch: sendLightWithTimeout });
  return {
    "bare fetch": async () => {
      const response = await fetch(`${baseUrl}/labels?limit=50`, { headers: { authorization: `Bearer ${token}` } });
      if (!response.ok) throw new Error(String(response.status));
      await response.json();
    },
    "openapi-fetch": async () => {
      if (!(await plain.GET("/labels", query)).data) throw new Error("no data");
    },
    "oaf light": async () => {
      if (!(await light.GET("/labels", query)).data) throw new Error("no data");
    },
    "+ signal": async () => {
      if (!(await lightSignal.GET("/labels", query)).data) throw new Error("no data");
    },
    "+ sig + timer": async () => {
      if (!(await lightTimed.GET("/labels", query)).data) throw new Error("no data");
    },
    "api-client": async () => {
      if (!(await texter.GET("/labels", query)).data) throw new Error("no data");
    },
  };
}

async function round(call) {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < PER_ROUND) await call();
    }),
  );
  const used = process.cpuUsage(cpu);
  return { wall: Number(process.hrtime.bigint() - started) / 1e3 / PER_ROUND, cpu: (used.user + used.system) / PER_ROUND };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function compare(label, server) {
  const variants = variantsFor(server.baseUrl);
  for (const call of Object.values(variants)) await round(call); // warm-up
  const results = Object.fromEntries(Object.keys(variants).map((name) => [name, []]));
  for (let i = 0; i < ROUNDS; i += 1) {
    const order = i % 2 ? Object.keys(variants).reverse() : Object.keys(variants);
    for (const name of order) results[name].push(await round(variants[name]));
  }
  server.stop();
  /** Median of the paired ratios of `name`'s rounds to `baseline`'s, for wall or cpu time. */
  const ratio = (name, baseline, key) => median(results[name].map((r, i) => r[key] / results[baseline][i][key]));
  console.log(`${label}: ${ROUNDS} interleaved rounds × ${PER_ROUND} GET /labels at concurrency ${CONCURRENCY}`);
  const heads = ["wall µs/req", "cpu µs/req", "wall ×bare", "cpu ×bare", "wall ×oaf", "cpu ×oaf"];
  console.log(`  ${"variant".padEnd(14)} ${heads.map((h) => h.padStart(11)).join(" ")}  (oaf: openapi-fetch)`);
  for (const [name, rounds] of Object.entries(results)) {
    const cells = [median(rounds.map((r) => r.wall)).toFixed(1), median(rounds.map((r) => r.cpu)).toFixed(1)];
    for (const baseline of ["bare fetch", "openapi-fetch"]) cells.push(ratio(name, baseline, "wall").toFixed(3), ratio(name, baseline, "cpu").toFixed(3));
    console.log(`  ${name.padEnd(14)} ${cells.map((c) => c.padStart(11)).join(" ")}`);
  }
  for (const [baseline, goal] of [["bare fetch", 1.1], ["openapi-fetch", 1.0]]) {
    const wall = ratio("api-client", baseline, "wall");
    console.log(`  api-client / ${baseline} (wall): ${wall.toFixed(3)} — goal ≤ ${goal.toFixed(2)}: ${wall <= goal ? "met" : "NOT met"}`);
  }
}

await compare("bare node:http server (fixed bytes)", await startBareServer());
const mock = await startMockCli();
await compare("texter-mock", { baseUrl: mock.baseUrl, stop: () => mock.stop() });
