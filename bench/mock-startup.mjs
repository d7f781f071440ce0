// Startup of texter-mock against raw `prism mock`, same spec, same run: the time from spawn to the
// ready line (and the CPU time the process used until then, which a busy machine disturbs less
// than the wall time), and the latency of the first request after it (GET labels with a token, on a fresh
// connection), for the CLI, for `startMock()` in-process (a fresh Node process per run, the
// request sent from that process once startMock resolved) and for Prism.
// Loopback only; every child is stopped before the next run. Usage: node bench/mock-startup.mjs [runs]
import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { PRISM, SPEC, cpuMs, fmt, freePort, median, spawnUntilReady, startMockCli, stopChild, timedRequest } from "./mock-lib.mjs";

const RUNS = Number(process.argv[2] ?? 9);
const READY_GOAL_MS = 1500;
const FIRST_REQUEST_GOAL_MS = 20;

async function measure(label, start, path) {
  const ready = [];
  const cpu = [];
  const first = [];
  for (let i = 0; i < RUNS; i++) {
    const { child, readyMs, origin } = await start();
    ready.push(readyMs);
    cpu.push(cpuMs(child.pid));
    const { ms, status } = await timedRequest(origin + path);
    if (status !== 200) throw new Error(`${label}: first request answered ${status}`);
    first.push(ms);
    const { code, signal } = await stopChild(child);
    if (i === 0) console.log(`  ${label}: first stop ended with code ${code} signal ${signal}`);
  }
  return { ready, cpu, first };
}

/** startMock in a fresh process: the first request is sent from that process, right after startMock resolves. */
async function measureInProcess() {
  const lib = new URL("./mock-lib.mjs", import.meta.url).href;
  const mock = new URL("../packages/mock/src/index.mjs", import.meta.url).href;
  const script = `
    import { startMock } from ${JSON.stringify(mock)};
    import { timedRequest } from ${JSON.stringify(lib)};
    const mock = await startMock({ port: 0 });
    const { ms, status } = await timedRequest(mock.baseUrl + "/labels");
    await mock.close();
    console.log(JSON.stringify({ ms, status }));`;
  const first = [];
  for (let i = 0; i < RUNS; i++) {
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script], { cwd: fileURLToPath(new URL("..", import.meta.url)) });
    const { ms, status } = JSON.parse(stdout.trim().split("\n").at(-1));
    if (status !== 200) throw new Error(`startMock: first request answered ${status}`);
    first.push(ms);
  }
  return first;
}

console.log(`Startup, ${RUNS} runs each: ms from spawn to ready line, then ms for the first request`);
const mock = await measure("texter-mock", async () => startMockCli(), "/server/api/v2/labels");
const prism = await measure(
  "prism mock",
  async () => {
    const port = await freePort();
    const run = await spawnUntilReady(PRISM, ["mock", SPEC, "--host", "127.0.0.1", "--port", String(port)], /Prism is listening/);
    return { ...run, origin: `http://127.0.0.1:${port}` };
  },
  "/labels",
);
const inProcess = await measureInProcess();

const row = (label, times) =>
  console.log(`${label.padEnd(26)} median ${fmt(median(times), 1).padStart(7)}  min ${fmt(Math.min(...times), 1).padStart(7)}  max ${fmt(Math.max(...times), 1).padStart(7)}  runs ${times.map((t) => fmt(t, 1)).join(" ")}`);
console.log("ready line (ms)");
row("texter-mock", mock.ready);
row("prism mock", prism.ready);
console.log("CPU time until the ready line (ms)");
row("texter-mock", mock.cpu);
row("prism mock", prism.cpu);
console.log("first request after ready (ms)");
row("texter-mock (CLI)", mock.first);
row("startMock (in-process)", inProcess);
row("prism mock", prism.first);
console.log(`ready: texter-mock / prism median ${fmt(median(mock.ready) / median(prism.ready), 2)}x`);
console.log(`first request: CLI / prism ${fmt(median(mock.first) / median(prism.first), 2)}x, startMock / prism ${fmt(median(inProcess) / median(prism.first), 2)}x`);
const met = (value, goal) => (value <= goal ? "met" : "NOT met");
console.log(`goal: texter-mock ready median <= ${READY_GOAL_MS} ms: ${met(median(mock.ready), READY_GOAL_MS)}`);
console.log(`goal: first request median <= ${FIRST_REQUEST_GOAL_MS} ms: CLI ${met(median(mock.first), FIRST_REQUEST_GOAL_MS)}, startMock ${met(median(inProcess), FIRST_REQUEST_GOAL_MS)}`);
