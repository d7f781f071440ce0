import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { answerViolations, findOperation } from "../src/core/contract.mjs";
import { createScopeCheck, loadTokens, parseTokens } from "../src/core/scopes.mjs";
import { loadSpec } from "../src/spec.mjs";
import { SPEC_FILE } from "./world-support.js";

const spec = loadSpec(SPEC_FILE);
const op = (operationId: string) => findOperation(spec, { operationId })!;
const dir = mkdtempSync(join(tmpdir(), "texter-tokens-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

describe("token scopes", () => {
  const tokens = loadTokens(file("tokens.json", JSON.stringify({ reader: ["View quick replies"], admin: ["*"], scenarios: ["View scenarios"] })), spec);
  const { check } = createScopeCheck({ spec, tokens });

  it("a token without Manage labels gets 403 on Create Label naming the scope, in the contract's error shape", () => {
    const refused = check(op("createLabel"), "reader");
    expect(refused).toEqual({
      status: 403,
      contentType: "application/json",
      body: { success: false, error: 'The token lacks the scope "Manage labels" that createLabel requires', missingScopes: ["Manage labels"] },
    });
    expect(answerViolations(spec, op("createLabel"), refused!)).toEqual([]);
  });

  it("lets a token through with the scopes, with *, or where no scope is needed; 401 for an unknown token", () => {
    expect(check(op("listQuickReplies"), "reader")).toBeNull();
    expect(check(op("createLabel"), "admin")).toBeNull();
    expect(check(op("listLabels"), "reader")).toBeNull(); // security: bearerAuth with no scopes
    const unknown = check(op("listLabels"), "stranger");
    expect(unknown).toMatchObject({ status: 401, body: { success: false, error: expect.stringMatching(/Unknown token/) } });
    expect(answerViolations(spec, op("listLabels"), unknown!)).toEqual([]);
  });

  it("needs every scope of a requirement", () => {
    expect(check(op("listSubscriptions"), "scenarios")?.body.missingScopes).toEqual(["Manage scenarios on behalf of user"]);
  });

  it("without a tokens file, any token holds every scope", () => {
    expect(createScopeCheck({ spec }).check(op("createLabel"), "whatever")).toBeNull();
  });

  it("says what is wrong with a bad tokens file", () => {
    expect(() => loadTokens(join(dir, "missing.json"), spec)).toThrow(/Cannot read the tokens file .*missing\.json/);
    expect(() => loadTokens(file("bad.json", "{ reader: [] }"), spec)).toThrow(/bad\.json is not valid JSON/);
    expect(() => loadTokens(file("list.json", "[]"), spec)).toThrow(/list\.json must be a JSON object mapping each token/);
    let message = "";
    try {
      parseTokens({ "a token": ["Manage labels"], ci: "Manage labels", ops: ["Manage label", "Manage labels"] }, spec, "The tokens file t.json");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("The tokens file t.json: 3 problems:");
    expect(message).toContain('token "a token": a token is one or more visible ASCII characters');
    expect(message).toContain('token "ci": the scopes must be an array of strings');
    expect(message).toContain('token "ops": unknown scope "Manage label"');
    expect(message).toMatch(/Known scopes: .*Manage labels/);
  });
});
