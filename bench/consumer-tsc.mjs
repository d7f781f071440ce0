// Type-checking cost for a consumer: tsc --noEmit on the same twelve API calls written with the
// typed client and written untyped (plain fetch), median of several runs each, in one run.
// Uses the workspace packages (run `npm run build` first).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const RUNS = 5;
const root = fileURLToPath(new URL("..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "texter-tsc-bench-"));
symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));

const calls = [
  ["GET", "/chats/search", `{ params: { query: { search: "Dana" } } }`],
  ["GET", "/chats/{chatId}", `{ params: { path: { chatId: "c1" } } }`],
  ["POST", "/chats/assign", `{ body: { chatId: "c1", agentEmail: "dana@example.org" } }`],
  ["POST", "/chats/{chatId}/resolve", `{ params: { path: { chatId: "c1" } }, body: { notifyClient: true } }`],
  ["GET", "/messages/chat/{chatId}", `{ params: { path: { chatId: "c1" }, query: { botSessionId: "abc" } } }`],
  ["POST", "/messages/send/{chatId}", `{ params: { path: { chatId: "c1" } }, body: { type: "text", text: "Hi" } }`],
  ["GET", "/labels", `{ params: { query: { limit: "50" } } }`],
  ["POST", "/labels", `{ body: { id: "vip", name: "VIP" } }`],
  ["POST", "/whatsapp/templates/send", `{ body: { templateName: "welcome", to: "15550100123" } }`],
  ["GET", "/whatsapp/templates", `{}`],
  ["GET", "/quick-replies", `{}`],
  ["GET", "/scenarios/manage", `{}`],
];
const typed = [
  `import { createTexterClient } from "@texterchat/api-client";`,
  `const texter = createTexterClient({ projectId: "demo", token: "t" });`,
  ...calls.map(([method, path, init], i) => `export const r${i} = await texter.${method}("${path}", ${init});`),
].join("\n");
const untyped = [
  `const base = "https://demo.texterchat.com/server/api/v2";`,
  ...calls.map(([method, path, init], i) => `export const r${i}: unknown = await fetch(base + "${path}", { method: "${method}", body: JSON.stringify(${init}) }).then((r) => r.json());`),
].join("\n");

function median(file) {
  const config = join(dir, `tsconfig.${file}.json`);
  writeFileSync(config, JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, lib: ["ES2022", "DOM"], types: [], skipLibCheck: true }, files: [file] }));
  const times = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    execFileSync(join(root, "node_modules", ".bin", "tsc"), ["-p", config], { cwd: dir, stdio: "inherit" });
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
}

try {
  writeFileSync(join(dir, "typed.mts"), typed);
  writeFileSync(join(dir, "untyped.mts"), untyped);
  const bare = median("untyped.mts");
  const withTypes = median("typed.mts");
  console.log(`consumer tsc --noEmit, ${calls.length} calls, median of ${RUNS} (skipLibCheck on)`);
  console.log(`  untyped (plain fetch)  ${bare.toFixed(0)} ms`);
  console.log(`  typed (api-client)     ${withTypes.toFixed(0)} ms`);
  console.log(`  ratio                  ${(withTypes / bare).toFixed(2)}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
