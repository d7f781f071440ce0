// The client README's first example, as published in the installed package, run by a test runner
// against texter-mock. The registry test fills in the README's imports and code below. The example
// talks to https://demo.texterchat.com, so fetch is pointed at the mock (TEXTER_BASE_URL) instead.
import { expect, test } from "@jest/globals";
/* README imports */

test("the client README's example runs against texter-mock", async () => {
  const production = "https://demo.texterchat.com/server/api/v2";
  const statuses: number[] = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    if (!url.startsWith(production)) throw new Error(`the example called ${url}`);
    const target = process.env.TEXTER_BASE_URL + url.slice(production.length);
    const response = await realFetch(typeof input === "string" || input instanceof URL ? target : new Request(target, input), init);
    statuses.push(response.status);
    return response;
  };
  process.env.TEXTER_TOKEN = "readme-token";
  try {
    /* README example */
  } finally {
    globalThis.fetch = realFetch;
  }
  expect(statuses.length).toBeGreaterThanOrEqual(4);
  expect(statuses.filter((status) => status < 200 || status > 299)).toEqual([]);
});
