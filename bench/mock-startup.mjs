// Startup time of texter-mock (spawn → ready line) against raw `prism mock`, same spec, same run.
// Loopback only; every child is stopped before the next run. Usage: node bench/mock-startup.mjs [runs]
import { PRISM, SPEC, fmt, freePort, median, spawnUntilReady, startMockCli, stopChild } from "./mock-lib.mjs";

const RUNS = Number(process.argv[2] ?? 9);
const GOAL_MS = 1500;

async function measure(label, start) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const { child, readyMs } = await start();
    times.push(readyMs);
    const { code, signal } = await stopChild(child);
    if (i === 0) console.log(`  ${label}: first stop ended with code ${code} signal ${signal}`);
  }
  return times;
}

console.log(`Startup, ${RUNS} runs each (ms from spawn to ready line)`);
const mock = await measure("texter-mock", () => startMockCli());
const prism = await measure("prism mock", async () => {
  const port = await freePort();
  return spawnUntilReady(PRISM, ["mock", SPEC, "--host", "127.0.0.1", "--port", String(port)], /Prism is listening/);
});

const row = (label, times) =>
  console.log(`${label.padEnd(12)} median ${fmt(median(times)).padStart(5)}  min ${fmt(Math.min(...times)).padStart(5)}  max ${fmt(Math.max(...times)).padStart(5)}  runs ${times.map((t) => fmt(t)).join(" ")}`);
row("texter-mock", mock);
row("prism mock", prism);
console.log(`texter-mock / prism median: ${fmt(median(mock) / median(prism), 2)}x (prism is ${fmt(median(prism) / median(mock), 1)}x slower)`);
console.log(`goal: texter-mock median <= ${GOAL_MS} ms: ${median(mock) <= GOAL_MS ? "met" : "NOT met"}`);
