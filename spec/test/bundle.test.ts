import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { redocly, specDir } from "./support.js";

const scratch = mkdtempSync(join(tmpdir(), "texter-bundle-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("spec/dist", () => {
  it.each(["openapi.json", "openapi.yaml"])("dist/%s is current with the split source", async (file) => {
    const fresh = join(scratch, file);
    const { code, stderr } = await redocly(["bundle", "openapi.yaml", "-o", fresh]);
    expect(code, stderr).toBe(0);
    const expected = parse(readFileSync(fresh, "utf8"));
    const actual = parse(readFileSync(join(specDir, "dist", file), "utf8"));
    expect(actual, `spec/dist/${file} is stale: run \`npm run build -w @texterchat/openapi\``).toEqual(expected);
  });

  it("the JSON and YAML bundles describe the same document", () => {
    const json = JSON.parse(readFileSync(join(specDir, "dist", "openapi.json"), "utf8"));
    const yaml = parse(readFileSync(join(specDir, "dist", "openapi.yaml"), "utf8"));
    expect(yaml).toEqual(json);
  });
});
