import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { breakingChanges } from "../../tools/api-diff.mjs";
import { loadBundle, readJson, specDir, type JsonObject } from "./support.js";

const current = loadBundle();
const edited = (edit: (doc: any) => void) => {
  const doc = structuredClone(current);
  edit(doc);
  return doc;
};

describe("the API diff finds what breaks consumers", () => {
  it("reports nothing between a document and itself", () => {
    expect(breakingChanges(current, current)).toEqual([]);
  });

  it("lets additions through: a new operation, a new optional request field, a new response field", () => {
    const doc = edited((d) => {
      d.paths["/labels/export"] = { get: structuredClone(d.paths["/labels"].get) };
      d.components.schemas.CreateLabelRequest.properties.description = { type: "string" };
      d.components.schemas.Label.properties.createdAt = { type: "integer" };
    });
    expect(breakingChanges(current, doc)).toEqual([]);
  });

  it.each([
    ["a removed operation", (d: any) => delete d.paths["/labels"].post, "POST /labels: removed"],
    ["a removed webhook", (d: any) => delete d.webhooks.chatPending, "WEBHOOK chatPending: removed"],
    ["a removed response field", (d: any) => delete d.components.schemas.Label.properties.color, "GET /labels 200.labels[].color: removed"],
    ["a response field no longer always present", (d: any) => (d.components.schemas.Label.required = ["id"]), "GET /labels 200.labels[].name: no longer always present"],
    ["a newly required request field", (d: any) => d.components.schemas.CreateLabelRequest.required.push("color"), "POST /labels body.color: now required"],
    ["a field a closed request body no longer accepts", (d: any) => delete d.components.schemas.CreateLabelRequest.properties.color, "POST /labels body.color: no longer accepted"],
    [
      "a request enum value removed",
      (d: any) => d.paths["/chats/search"].get.parameters.find((p: JsonObject) => p.name === "statuses[]").schema.items.enum.pop(),
      'GET /chats/search query statuses[][]: no longer accepts "BULK"',
    ],
    ["a response enum value added", (d: any) => d.components.schemas.ChatStatus.enum.push(5), "GET /chats/search 200.data[].status: may now be 5"],
    ["a new scope", (d: any) => (d.paths["/labels"].get.security = [{ bearerAuth: ["Manage labels"] }]), "GET /labels: now needs the scope(s) Manage labels"],
    ["a new required parameter", (d: any) => (d.paths["/labels"].get.parameters[0].required = true), "GET /labels: query limit parameter now required"],
    ["a field removed from a webhook payload", (d: any) => delete d.components.schemas.Problem.properties.severity, "WEBHOOK channelHealthProblemCreated body.eventData.problem.severity: removed"],
  ])("reports %s", (_label, edit, expected) => {
    expect(breakingChanges(current, edited(edit))).toContain(expected);
  });
});

describe("release gate", () => {
  const releases = readdirSync(join(specDir, "releases"))
    .map((file) => /^openapi-(\d+)\.(\d+)\.(\d+)\.json$/.exec(file))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => ({ file: match[0], version: match.slice(1, 4).map(Number) as [number, number, number] }))
    .sort((a, b) => a.version[0] - b.version[0] || a.version[1] - b.version[1] || a.version[2] - b.version[2]);

  it("spec/releases holds the released contracts", () => {
    expect(releases.length).toBeGreaterThan(0);
  });

  it("breaks nothing since the last release unless the version says so (a major bump; the minor while 0.x)", () => {
    const last = releases.at(-1)!;
    const [major, minor] = String((current.info as JsonObject).version).split(".").map(Number) as [number, number];
    const breakingBump = last.version[0] === 0 ? major > 0 || minor > last.version[1] : major > last.version[0];
    const problems = breakingChanges(readJson(join(specDir, "releases", last.file)), current);
    if (!breakingBump) expect(problems, `breaking changes since ${last.file}; bump info.version or undo them`).toEqual([]);
  });
});
