import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createContractCheck } from "../../../tools/contract-check.mjs";

export const CLI = fileURLToPath(new URL("../bin/texter-mock.mjs", import.meta.url));
export const BUNDLED_SPEC = fileURLToPath(new URL("../dist/openapi.json", import.meta.url));
export const AUTH = { Authorization: "Bearer test-token" };

export interface CliRun {
  child: ChildProcess;
  /** The first stdout line, once printed. */
  ready: Promise<string>;
  /** Exit code (or signal name) and the time it took after `kill()` was called. */
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stdout: () => string;
  stderr: () => string;
}

/** Starts texter-mock: this workspace's CLI, or `cli` (e.g. one installed from the packed tarball). */
export function spawnCli(args: string[], cli = CLI): CliRun {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk;
      if (out.includes("\n")) resolve(out.split("\n")[0]!);
    });
    child.once("exit", (code) => reject(new Error(`texter-mock exited (${code}) before it was ready: ${err}`)));
  });
  ready.catch(() => {});
  child.stderr!.on("data", (chunk: Buffer) => (err += chunk));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, ready, exit, stdout: () => out, stderr: () => err };
}

/** Runs the CLI to completion. */
export async function runCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const run = spawnCli(args);
  const { code } = await run.exit;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

export interface Received {
  method: string;
  headers: IncomingMessage["headers"];
  body: string;
}

/** A local webhook receiver answering `status` to every delivery. */
export async function startReceiver(status = 200) {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk));
    req.on("end", () => {
      received.push({ method: req.method!, headers: req.headers, body });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The body of every answer the mock makes itself: the contract's error shape. */
export interface ContractError {
  success: false;
  error: string;
  operationId?: string;
  violations?: { location: string; path: string; message: string }[];
}

/** A copy of the bundled spec, changed by `edit`, in a temporary file; `remove()` deletes it. */
export function specVariant(edit: (doc: any) => void) {
  const doc = JSON.parse(readFileSync(BUNDLED_SPEC, "utf8"));
  edit(doc);
  const dir = mkdtempSync(join(tmpdir(), "texter-mock-"));
  writeFileSync(join(dir, "openapi.json"), JSON.stringify(doc));
  return { file: join(dir, "openapi.json"), remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The repo's independent contract check over the bundled spec. */
export const contract = createContractCheck(JSON.parse(readFileSync(BUNDLED_SPEC, "utf8")));
