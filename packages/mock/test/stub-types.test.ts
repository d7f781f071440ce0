import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { typecheckSnippets } from "../../../tools/typecheck.mjs";

const TYPES = fileURLToPath(new URL("../src/core/types.mjs", import.meta.url)); // resolves to types.d.mts

const snippet = (body: string) => `import type { StubFunction, RequestsFunction } from ${JSON.stringify(TYPES)};
declare const stub: StubFunction;
declare const requests: RequestsFunction;
${body}`;

describe("typed stubs", () => {
  it("accept bodies the contract declares and reject the rest at compile time", async () => {
    // One tsc run: the right and wrong stubs (marked @ts-expect-error) must compile cleanly, and
    // the unmarked wrong body of wrong.mts must be reported (the check can fail).
    const diagnostics = await typecheckSnippets([
      {
        name: "stubs.mts",
        code: snippet(`
await stub("getLabel", { match: { path: { labelId: "vip" } }, response: { status: 200, body: { id: "vip", name: "VIP", color: "#2CCCE4" } } });
await stub("getLabel", { response: { status: 404, body: { success: false, error: "gone" } } });
await stub("updateLabel", { response: { status: 200, body: "OK" } });
await stub("listLabels", { response: { status: 429, body: { success: false, error: "slow down" } }, times: 1 });
await stub("sendMessage", { match: { body: { type: "text" } }, response: { status: 200, body: { success: true, messages: [] } } });
// @ts-expect-error name is required by Label
await stub("getLabel", { response: { status: 200, body: { id: "vip" } } });
// @ts-expect-error color is a string
await stub("getLabel", { response: { status: 200, body: { id: "vip", name: "VIP", color: 5 } } });
// @ts-expect-error updateLabel answers the text OK
await stub("updateLabel", { response: { status: 200, body: { ok: true } } });
// @ts-expect-error 201 is not a status of listLabels
await stub("listLabels", { response: { status: 201, body: { total: 0, labels: [] } } });
// @ts-expect-error not an operation
await stub("getLabels", { response: { status: 200, body: {} } });
const sent = await requests({ operationId: "createLabel" });
const name: string | undefined = sent[0]?.body?.name;
// @ts-expect-error Create Label bodies have no text
sent[0]?.body?.text;
`),
      },
      { name: "wrong.mts", code: snippet(`await stub("getLabel", { response: { status: 200, body: { id: "vip" } } });`) },
      {
        // The fronts' own stub functions, as a user imports them from the package.
        name: "fronts.mts",
        code: `import { startMock } from "@texterchat/api-mock";
import { createTexterHandlers } from "@texterchat/api-mock/msw";
const mock = await startMock({ port: 0, stateful: true });
await mock.stub("getLabel", { response: { status: 200, body: { id: "vip", name: "VIP" } } });
await mock.stub("getLabel", { response: { status: 200, body: { id: "vip" } } });
const texter = await createTexterHandlers({ stateful: true });
await texter.stub("getLabel", { response: { status: 200, body: { id: "vip", color: "#2CCCE4" } } });
const created = await texter.requests({ operationId: "createLabel" });
const name: string | undefined = created[0]?.body?.name;
`,
      },
    ]);
    const errors = diagnostics.split("\n").filter((line) => /error TS/.test(line));
    expect(errors).toEqual([
      expect.stringMatching(/^fronts\.mts\(5,\d+\): error TS2741: Property 'name' is missing/),
      expect.stringMatching(/^fronts\.mts\(7,\d+\): error TS2741: Property 'name' is missing/),
      expect.stringMatching(/^wrong\.mts\(4,\d+\): error TS2741: Property 'name' is missing/),
    ]);
  });
});
