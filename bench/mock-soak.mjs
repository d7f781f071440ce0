// Soak: 60 s of mixed valid and invalid requests over 50 concurrent keep-alive connections
// against the mock CLI, on loopback, with the request journal on (as always; it keeps the newest
// 10,000 entries, so it is full within the warm-up). Passes when there is no 5xx, no connection failure, every answer has
// its expected status class, and the mock's RSS floor grows by less than 20 % from the first half
// after the warm-up to the second.
// Usage: node bench/mock-soak.mjs [seconds] [connections]
import { exampleRequests, fetchInit } from "../packages/mock/test/example-requests.mjs";
import { fmt, keepAliveClient, loadDoc, rssKiB, startMockCli } from "./mock-lib.mjs";

const SECONDS = Number(process.argv[2] ?? 60);
const CONNECTIONS = Number(process.argv[3] ?? 50);
const WARMUP_SECONDS = Math.min(10, SECONDS / 6);
const MAX_RSS_GROWTH = 0.2;

const valid = exampleRequests(loadDoc()).map((r) => ({ url: r.url, init: fetchInit(r), expect: r.status }));
const invalid = valid.flatMap(({ url, init }) => {
  const { Authorization, ...noAuth } = init.headers;
  const cases = [{ url, init: { ...init, headers: noAuth }, expect: 401 }];
  if (init.body) cases.push({ url, init: { ...init, body: '{"__soak": ' }, expect: 400 });
  return cases;
});
invalid.push({ url: "/no/such/path", init: valid[0].init, expect: 404 });
const mix = [...valid, ...invalid];

const mock = await startMockCli();
const pid = mock.child.pid;
const client = keepAliveClient(CONNECTIONS);
const counts = { requests: 0, byStatus: {}, unexpected: 0, connectionErrors: 0 };
const examples = [];
const rss = [];
const started = performance.now();
const elapsed = () => (performance.now() - started) / 1000;
const sampler = setInterval(() => rss.push({ t: elapsed(), kib: rssKiB(pid) }), 1000);

async function worker(seed) {
  let i = seed;
  while (elapsed() < SECONDS) {
    const request = mix[(i = (i * 7 + 13) % mix.length)];
    try {
      const response = await client.send(mock.baseUrl + request.url, request.init);
      counts.byStatus[response.status] = (counts.byStatus[response.status] ?? 0) + 1;
      if (response.status !== request.expect) {
        counts.unexpected++;
        if (examples.length < 5) examples.push(`${request.init.method} ${request.url} -> ${response.status}, expected ${request.expect}`);
      }
    } catch (error) {
      counts.connectionErrors++;
      if (examples.length < 5) examples.push(`${request.init.method} ${request.url}: ${error.code ?? error.message}`);
    }
    counts.requests++;
  }
}

await Promise.all(Array.from({ length: CONNECTIONS }, (_, i) => worker(i)));
clearInterval(sampler);
const health = await client.send(`${mock.origin}/__health`).then((r) => r.status, () => 0);
client.close();
const journal = await fetch(`${mock.origin}/__admin/requests?kind=request`).then((r) => r.json(), () => ({ total: 0 }));
const stopped = await mock.stop();

const window = (from, to) => rss.filter((s) => s.t >= from && s.t < to).map((s) => s.kib);
// RSS follows the garbage collector's saw-tooth (tens of MiB under this load), so a point reading
// says more about where the last collection fell than about what is retained. The leak measure
// compares the floors: the lowest RSS of the first half after the warm-up with that of the second
// half (each half spans several collections). The point readings are printed beside it.
const half = WARMUP_SECONDS + (SECONDS - WARMUP_SECONDS) / 2;
const baseline = Math.min(...window(WARMUP_SECONDS, half));
const final = Math.min(...window(half, SECONDS + 1));
const pointBaseline = Math.max(...window(WARMUP_SECONDS - 2, WARMUP_SECONDS + 2));
const pointFinal = Math.max(...window(SECONDS - 5, SECONDS + 1));
const peak = Math.max(...rss.map((s) => s.kib));
const growth = final / baseline - 1;
const fiveXX = Object.entries(counts.byStatus).filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);

console.log(`Soak: ${SECONDS} s, ${CONNECTIONS} connections, ${valid.length} valid + ${invalid.length} invalid request kinds, loopback`);
console.log(`requests ${counts.requests} (${fmt(counts.requests / SECONDS)} req/s); by status ${JSON.stringify(counts.byStatus)}`);
console.log(`5xx ${fiveXX}; connection errors ${counts.connectionErrors}; unexpected status ${counts.unexpected}`);
for (const line of examples) console.log(`  ${line}`);
console.log(`RSS floor ${fmt(WARMUP_SECONDS)}–${fmt(half)} s ${fmt(baseline / 1024, 1)} MiB; floor ${fmt(half)}–${fmt(SECONDS)} s ${fmt(final / 1024, 1)} MiB; growth ${fmt(growth * 100, 1)} % (limit ${MAX_RSS_GROWTH * 100} %)`);
console.log(`RSS point readings: after the warm-up ${fmt(pointBaseline / 1024, 1)} MiB, at the end ${fmt(pointFinal / 1024, 1)} MiB (${fmt((pointFinal / pointBaseline - 1) * 100, 1)} %); peak ${fmt(peak / 1024, 1)} MiB`);
const timeline = rss.filter((sample, i) => i % 10 === 9).map((sample) => `${fmt(sample.t)}s ${fmt(sample.kib / 1024)}`);
console.log(`RSS MiB every 10 s: ${timeline.join(", ")}`);
console.log(`journal: ${journal.total} entries kept at the end`);
console.log(`afterwards: /__health ${health}; SIGTERM -> exit code ${stopped.code}`);
const ok = fiveXX === 0 && counts.connectionErrors === 0 && counts.unexpected === 0 && growth < MAX_RSS_GROWTH && health === 200 && journal.total > 0;
console.log(ok ? "PASS" : "FAIL");
process.exitCode = ok ? 0 : 1;
