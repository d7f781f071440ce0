// The rendered docs page in a real browser (Debian's Chromium), opened from disk with the network
// closed: every tag, operation and webhook renders, deep links land on their operation, the
// unverified badge and the samples of every language show, and the page requests nothing but itself.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { type BrowserContext, chromium, type Locator, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DOCS_PAGE } from "../src/dist.mjs";
import { DOCS_TITLE, UNVERIFIED_BADGE } from "../src/docs-spec.mjs";
import { SAMPLE_LANGUAGES } from "../src/languages.mjs";
import { loadSpec, operations, webhooks } from "../src/openapi.mjs";
import { builtFile } from "./built";

const CHROMIUM = "/usr/bin/chromium";
const SCREENSHOT = fileURLToPath(new URL("../test-results/docs.png", import.meta.url));

const spec = loadSpec();
/** What each tag's page must show: its operations' summaries and paths (sidebar and overview),
 * its webhooks' summaries and names. */
const entries = [
  ...[...operations(spec)].map(({ path, operation }) => ({ operation, texts: [operation.summary, path] })),
  ...[...webhooks(spec)].map(({ name, operation }) => ({ operation, texts: [operation.summary, name] })),
];

let userDataDir: string;
let context: BrowserContext;
let page: Page;
let pageUrl: string;
const outsideRequests: string[] = [];
const failedRequests: string[] = [];
const consoleErrors: string[] = [];

/** The heading of an operation or tag: Redoc 3 links every heading to its own `#/…` route. */
const headingFor = (target: Page, route: string): Locator => target.locator(`#redoc h2:has(a[href="${route}"])`).first();

async function expectInViewport(heading: Locator, what: string) {
  const inViewport = () =>
    heading.evaluate((el) => {
      const { top, bottom } = el.getBoundingClientRect();
      return top >= 0 && bottom <= window.innerHeight;
    });
  await expect.poll(inViewport, { message: `${what} is scrolled into view`, timeout: 10_000 }).toBe(true);
}

beforeAll(async () => {
  pageUrl = pathToFileURL(builtFile(DOCS_PAGE)).href;
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run node tools/ensure-runtimes.mjs`);
  userDataDir = mkdtempSync(join(tmpdir(), "texter-docs-chromium-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    outsideRequests.push(url);
    return route.abort("blockedbyclient");
  });
  context.on("requestfailed", (request) => failedRequests.push(`${request.url()}: ${request.failure()?.errorText}`));
  context.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  context.on("weberror", (error) => consoleErrors.push(String(error.error())));
  page = context.pages()[0] ?? (await context.newPage());
  await page.goto(pageUrl);
});

afterAll(async () => {
  await context?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

describe("docs page (dist/index.html)", () => {
  it("renders the branded intro", async () => {
    await expect.poll(() => page.title()).toBe(DOCS_TITLE);
    await page.locator("#redoc h1", { hasText: DOCS_TITLE }).waitFor();
    await page.locator("#redoc").getByText("Loading...").waitFor({ state: "hidden" }); // the search index
    mkdirSync(dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it("renders every tag page with all its operations and webhooks", async () => {
    for (const tag of spec.tags) {
      await page.getByRole("link", { name: tag.name, exact: true }).first().click();
      const tagRoute = new URL(page.url()).hash;
      expect(tagRoute, `route of tag ${tag.name}`).toMatch(/^#\/.+/);
      await expectInViewport(headingFor(page, tagRoute), `heading of tag ${tag.name} (${tagRoute})`);
      const tagged = entries.filter(({ operation }) => operation.tags?.[0] === tag.name);
      expect(tagged.length, `operations tagged ${tag.name}`).toBeGreaterThan(0);
      // Redoc renders sections as they near the viewport, so visit each one through its link.
      for (const { operation, texts } of tagged) {
        const route = `${tagRoute}/${String(operation.operationId).toLowerCase()}`;
        await page.locator(`#redoc a[href="${route}"]`).first().click();
        const heading = headingFor(page, route);
        await expectInViewport(heading, `heading of ${operation.operationId} (${route})`);
        const missing = async () => {
          const rendered = await page.locator("#redoc").innerText();
          return texts.filter((text) => !rendered.includes(text));
        };
        await expect.poll(missing, { message: `${route} shows its summary and path or name`, timeout: 10_000 }).toEqual([]);
      }
    }
    const usedTags = new Set(entries.map(({ operation }) => operation.tags?.[0]));
    expect([...usedTags].sort()).toEqual(spec.tags.map((tag: { name: string }) => tag.name).sort());
  });

  it("opens a deep link on its operation, with the unverified badge and reason and samples in every language", async () => {
    const unverified = [...operations(spec)].find(({ operation }) => operation["x-texter-unverified"])!.operation;
    await page.getByRole("link", { name: unverified.tags[0], exact: true }).first().click();
    const route = `${new URL(page.url()).hash}/${unverified.operationId.toLowerCase()}`;
    const deepLinked = await context.newPage();
    await deepLinked.goto(`${pageUrl}${route}`);
    const heading = headingFor(deepLinked, route);
    await expectInViewport(heading, `heading of deep link ${route}`);
    expect(await deepLinked.evaluate(() => window.scrollY), "scrolled down to the operation").toBeGreaterThan(0);
    await heading.getByText(UNVERIFIED_BADGE.name, { exact: true }).waitFor({ state: "visible" });
    await deepLinked.getByText(unverified["x-texter-unverified"], { exact: true }).first().waitFor({ state: "visible" });
    await deepLinked.getByText("curl --location", { exact: false }).first().waitFor({ state: "visible" });
    // The language menu lists every sample language; picking one shows its sample.
    await deepLinked.getByText(SAMPLE_LANGUAGES[0]!.label, { exact: true }).first().click();
    for (const { label } of SAMPLE_LANGUAGES) await deepLinked.getByText(label, { exact: true }).first().waitFor({ state: "attached" });
    await deepLinked.getByText("Python (requests)", { exact: true }).first().click();
    await deepLinked.getByText("import requests", { exact: true }).first().waitFor({ state: "visible" });
    await deepLinked.close();
  });

  it("requests nothing outside the page and logs no error", () => {
    expect(outsideRequests, "requests outside file://").toEqual([]);
    expect(failedRequests, "failed requests").toEqual([]);
    expect(consoleErrors, "console errors").toEqual([]);
  });
});
