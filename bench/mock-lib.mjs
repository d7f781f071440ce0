// Shared by bench/mock-*.mjs: start the mock CLI as a child process on loopback, and small stats.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export const CLI = fileURLToPath(new URL("../packages/mock/bin/texter-mock.mjs", import.meta.url));
export const SPEC = fileURLToPath(new URL("../packages/mock/dist/openapi.json", import.meta.url));
export const PRISM = fileURLToPath(new URL("../node_modules/.bin/prism", import.meta.url));
export const AUTH = { Authorization: "Bearer bench-token" };

export const loadDoc = () => JSON.parse(readFileSync(SPEC, "utf8"));

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Spawns a process and resolves once a stdout line matches `readyPattern`.
 * @returns {Promise<{ child: import("node:child_process").ChildProcess, line: string, readyMs: number }>}
 */
export function spawnUntilReady(command, args, readyPattern, timeoutMs = 30000) {
  const started = performance.now();
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`${command} not ready after ${timeoutMs} ms: ${out}`));
    }, timeoutMs);
    child.stdout.on("data", (chunk) => {
      out += chunk;
      const line = out.split("\n").find((l) => readyPattern.test(l));
      if (line) {
        clearTimeout(timer);
        child.stdout.removeAllListeners("data");
        child.stdout.resume();
        resolve({ child, line, readyMs: performance.now() - started });
      }
    });
    child.stderr.resume();
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${command} exited (${code}) before it was ready: ${out}`));
    });
  });
}

/** Starts `texter-mock` on a free loopback port. */
export async function startMockCli(extraArgs = []) {
  const run = await spawnUntilReady(process.execPath, [CLI, "--port", "0", "--host", "127.0.0.1", ...extraArgs], /ready at /);
  const baseUrl = run.line.replace(/^texter-mock ready at /, "").trim();
  return { ...run, baseUrl, origin: new URL(baseUrl).origin, stop: () => stopChild(run.child) };
}

/** SIGTERM, then SIGKILL after `graceMs`; resolves with how it ended. */
export function stopChild(child, graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal });
    });
    child.kill("SIGTERM");
  });
}

/**
 * One request on a fresh connection (no keep-alive agent); resolves with the milliseconds until
 * the whole response was read, and its status.
 */
export function timedRequest(url, headers = AUTH) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent: false }, (res) => {
      res.resume();
      res.once("end", () => resolve({ ms: performance.now() - started, status: res.statusCode }));
      res.once("error", reject);
    });
    req.once("error", reject);
    req.end();
  });
}

/** CPU time (user + system) a process has used so far, in ms (Linux, 100 clock ticks per second). */
export function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** Resident set size of a process in KiB (Linux). */
export function rssKiB(pid) {
  const match = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return match ? Number(match[1]) : NaN;
}

/**
 * A keep-alive HTTP client cheaper than fetch, so that load generation costs less CPU than the
 * server under test. `send(url, { method, headers, body })` resolves with `{ status }`.
 */
export function keepAliveClient(connections) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const send = (url, { method = "GET", headers = {}, body } = {}) =>
    new Promise((resolve, reject) => {
      const req = request(url, { method, headers, agent }, (res) => {
        res.resume();
        res.once("end", () => resolve({ status: res.statusCode }));
        res.once("error", reject);
      });
      req.once("error", reject);
      req.end(body);
    });
  return { send, close: () => agent.destroy() };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export const fmt = (n, digits = 0) => n.toFixed(digits);
