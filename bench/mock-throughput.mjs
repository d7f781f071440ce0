// Throughput and p99 latency of texter-mock, answering from the examples and in stateful mode
// (--stateful: the world answers, the journal records), against a bare node:http server that
// returns the same bytes, side by side: wrk, 10 connections, ~10 s each, loopback only.
// Usage: node bench/mock-throughput.mjs [seconds]
import { execFileSync, spawn } from "node:child_process";
import { AUTH, fmt, spawnUntilReady, startMockCli, stopChild } from "./mock-lib.mjs";

const SECONDS = Number(process.argv[2] ?? 10);
const CONNECTIONS = 10;
const PATH = "/labels"; // List All Labels
const GOALS = { ratio: 0.1, statefulRatio: 0.5, p99Ms: 10 };

function ensureWrk() {
  try {
    execFileSync("wrk", ["--version"], { stdio: "ignore" });
  } catch (error) {
    if (error.code !== "ENOENT" && error.status !== 1) throw error;
    if (error.code === "ENOENT") {
      console.log("installing wrk from Debian…");
      execFileSync("apt-get", ["install", "-y", "wrk"], { stdio: "inherit" });
    }
  }
}

/** Runs wrk against a loopback URL; returns requests/s, p99 in ms and the error lines. */
function wrk(url, seconds = SECONDS) {
  const header = `Authorization: ${AUTH.Authorization}`;
  const args = ["-t2", `-c${CONNECTIONS}`, `-d${seconds}s`, "--latency", "-H", header, url];
  return new Promise((resolve, reject) => {
    const child = spawn("wrk", args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.once("exit", (code) => {
      if (code !== 0) return reject(new Error(`wrk exited ${code}: ${out}`));
      const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)[1]);
      const [, value, unit] = /99%\s+([\d.]+)(us|ms|s)/.exec(out);
      const p99Ms = Number(value) * { us: 0.001, ms: 1, s: 1000 }[unit];
      const problems = out.split("\n").filter((l) => /Socket errors|Non-2xx/.test(l));
      resolve({ rps, p99Ms, problems });
    });
  });
}

// The bare floor: node:http answering the mock's exact bytes, in its own process like the mock.
const BARE_SERVER = `
const { createServer } = require("node:http");
const [status, type, body] = JSON.parse(process.argv[1]);
const server = createServer((req, res) => { res.writeHead(status, { "Content-Type": type, "Content-Length": Buffer.byteLength(body) }); res.end(body); });
server.listen(0, "127.0.0.1", () => console.log("bare ready at http://127.0.0.1:" + server.address().port));
process.on("SIGTERM", () => { server.close(); server.closeAllConnections(); process.exit(0); });
`;

/** The mock's answer to GET PATH: status, content type and body. */
async function sample(url) {
  const response = await fetch(url, { headers: AUTH });
  const bytes = [response.status, response.headers.get("content-type"), await response.text()];
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${bytes[2]}`);
  return bytes;
}

ensureWrk();
const mock = await startMockCli();
const stateful = await startMockCli(["--stateful"]);
const url = mock.baseUrl + PATH;
const statefulUrl = stateful.baseUrl + PATH;
const bytes = await sample(url);
const statefulBytes = await sample(statefulUrl);
// The seeded world lists the example's labels: the floor answers the same bytes for both.
if (statefulBytes[2] !== bytes[2]) throw new Error(`the stateful answer differs from the example: ${statefulBytes[2]}`);
const bare = await spawnUntilReady(process.execPath, ["-e", BARE_SERVER, JSON.stringify(bytes)], /bare ready at /);
const bareUrl = bare.line.replace("bare ready at ", "").trim() + PATH;

try {
  console.log(`wrk -t2 -c${CONNECTIONS} -d${SECONDS}s GET ${PATH} (${Buffer.byteLength(bytes[2])} bytes of JSON), loopback`);
  for (const target of [url, statefulUrl, bareUrl]) await wrk(target, 2); // warm-up: JIT, the validator
  const results = { "texter-mock": await wrk(url), "--stateful": await wrk(statefulUrl), "bare node:http": await wrk(bareUrl) };
  for (const [label, r] of Object.entries(results)) {
    console.log(`${label.padEnd(15)} ${fmt(r.rps).padStart(7)} req/s   p99 ${fmt(r.p99Ms, 2).padStart(6)} ms ${r.problems.join("; ")}`);
  }
  const floor = results["bare node:http"].rps;
  const ratio = results["texter-mock"].rps / floor;
  console.log(`ratio mock/bare: ${fmt(ratio, 3)}x (goal >= ${GOALS.ratio}x: ${ratio >= GOALS.ratio ? "met" : "NOT met"})`);
  const statefulRatio = results["--stateful"].rps / floor;
  console.log(`ratio stateful/bare: ${fmt(statefulRatio, 3)}x (goal >= ${GOALS.statefulRatio}x: ${statefulRatio >= GOALS.statefulRatio ? "met" : "NOT met"})`);
  for (const label of ["texter-mock", "--stateful"]) {
    const p99 = results[label].p99Ms;
    console.log(`${label} p99: ${fmt(p99, 2)} ms (goal <= ${GOALS.p99Ms} ms: ${p99 <= GOALS.p99Ms ? "met" : "NOT met"})`);
  }
} finally {
  await Promise.all([mock.stop(), stateful.stop(), stopChild(bare.child)]);
}
