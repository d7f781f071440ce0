// The TypeScript examples in the READMEs compile against the packages, as a reader would paste them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { typecheckSnippets } from "../../../tools/typecheck.mjs";

const root = join(import.meta.dirname, "..", "..", "..");
const READMES = ["README.md", "packages/client/README.md", "packages/types/README.md", "packages/mock/README.md"];
/** Names the examples use without defining, as a reader's surrounding code would (a test runner's hooks included). */
const PRELUDE = "declare const rawBody: string;\ndeclare const beforeAll: (fn: () => unknown) => void, afterEach: typeof beforeAll, afterAll: typeof beforeAll;\n";

const examples = READMES.flatMap((readme) =>
  [...readFileSync(join(root, readme), "utf8").matchAll(/```ts\n([\s\S]*?)```/g)].map((match, i) => ({
    name: `${readme.replaceAll("/", "_")}_${i}.mts`,
    code: PRELUDE + match[1]!,
  })),
);

describe("README examples", () => {
  it("there are examples for the client, the types and the webhooks", () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it("all type-check with strict settings", async () => {
    expect(await typecheckSnippets(examples)).toBe("");
  });
});
