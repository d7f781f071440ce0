// The README's CI recipe, run exactly as written in bash from the repository root (where
// node_modules/.bin/texter-mock is), inside a fresh network namespace so that its fixed port
// collides with nothing else on the machine. Afterwards nothing may listen on the port and no
// process the recipe started may be left.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..", "..");
const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
const section = readme.slice(readme.indexOf("### A CI process"));
const RECIPE = section.match(/```sh\n([\s\S]*?)```/)![1]!;

interface Outcome {
  status: number | null;
  output: string;
  /** `ss` lines of listeners on the port, inside the namespace, once the recipe has finished. */
  listeners: string;
  /** Processes of the recipe's session still alive after it finished (`pid args`). */
  leftovers: string[];
}

/** Runs recipe lines with `bash -e` in a new network namespace and session; cleans up what it left. */
async function runRecipe(lines: string): Promise<Outcome> {
  const port = lines.match(/--port (\d+)/)![1];
  const dir = mkdtempSync(join(tmpdir(), "texter-ci-recipe-"));
  const log = join(dir, "recipe.log"); // the recipe's output: a pipe would stay open while a leftover holds it
  const script = `ip link set lo up\nstatus=0\nbash -e -c "$RECIPE" > "$LOG" 2>&1 || status=$?\nss -ltnH "sport = :${port}"\nexit $status`;
  const child = spawn("unshare", ["--net", "bash", "-c", script], { cwd: root, env: { ...process.env, RECIPE: lines, LOG: log }, detached: true });
  let listeners = "";
  child.stdout.on("data", (chunk) => (listeners += chunk));
  child.stderr.on("data", (chunk) => (listeners += chunk));
  const status = await new Promise<number | null>((resolve) => child.once("close", resolve));
  const session = child.pid!;
  const leftovers = execFileSync("ps", ["-e", "-o", "pid=,sid=,args="], { encoding: "utf8" })
    .split("\n")
    .map((line) => line.trim().split(/\s+/))
    .filter(([pid, sid]) => Number(sid) === session && Number(pid) !== session)
    .map(([pid, , ...args]) => `${pid} ${args.join(" ")}`);
  for (const line of leftovers) process.kill(Number(line.split(" ")[0]), "SIGKILL");
  const output = readFileSync(log, "utf8");
  rmSync(dir, { recursive: true, force: true });
  return { status, output, listeners: listeners.trim(), leftovers };
}

describe("the README's CI recipe", () => {
  it("is the bin in the background, a bounded health wait, and kill + wait", () => {
    expect(RECIPE).toContain("node_modules/.bin/texter-mock --port 4010 &");
    expect(RECIPE).toContain("/__health");
    expect(RECIPE).toContain("kill $! && wait $!");
  });

  it("starts the mock, sees it healthy, stops it, and leaves no listener and no process behind", async () => {
    const outcome = await runRecipe(RECIPE);
    expect(outcome.status, outcome.output).toBe(0);
    expect(outcome.output).toContain("texter-mock ready at http://127.0.0.1:4010/server/api/v2");
    expect(outcome.output).toContain('{"status":"ok"}');
    expect(outcome.listeners).toBe("");
    expect(outcome.leftovers).toEqual([]);
  });

  it("catches the old recipe (npx in the background, kill $!), which leaves the server running", async () => {
    const old = "npx texter-mock --port 4010 &\nuntil curl -fs http://127.0.0.1:4010/__health; do sleep 0.2; done\nkill $!\nsleep 1";
    const outcome = await runRecipe(old);
    expect(outcome.listeners).toMatch(/LISTEN .*:4010/);
    expect(outcome.leftovers.join("\n")).toMatch(/texter-mock/);
  });
});
