// Client overhead: the same GET against the same local server, through @texterchat/api-client
// and through bare fetch, interleaved in rounds within one run. Prints per-request times and
// the ratio client / bare (goal ≤ 1.05). Loopback only; bounded.
import { createServer } from "node:http";
import { createTexterClient } from "@texterchat/api-client";

const ROUNDS = 10;
const PER_ROUND = 1_000;
const CONCURRENCY = 10;
const body = JSON.stringify({ total: 2, labels: [{ id: "hot_lead", name: "HOT LEAD", color: "#2CCCE4" }, { id: "vip", name: "VIP" }] });

const server = createServer((_req, res) => {
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const baseUrl = `http://127.0.0.1:${server.address().port}/server/api/v2`;
const token = "bench-token";

const client = createTexterClient({ baseUrl, token });
const viaClient = async () => {
  const { data } = await client.GET("/labels", { params: { query: { limit: "50" } } });
  if (!data) throw new Error("no data");
};
const viaFetch = async () => {
  const response = await fetch(`${baseUrl}/labels?limit=50`, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(String(response.status));
  await response.json();
};

async function round(call) {
  const started = process.hrtime.bigint();
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next++ < PER_ROUND) await call();
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1e3 / PER_ROUND; // µs per request
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (let i = 0; i < 2; i += 1) await Promise.all([round(viaFetch), round(viaClient)]); // warm-up
const bare = [];
const typed = [];
for (let i = 0; i < ROUNDS; i += 1) {
  bare.push(await round(viaFetch));
  typed.push(await round(viaClient));
}
server.close();
const ratio = median(typed) / median(bare);
console.log(`client overhead: ${ROUNDS} rounds × ${PER_ROUND} GETs at concurrency ${CONCURRENCY}, medians`);
console.log(`  bare fetch   ${median(bare).toFixed(1)} µs/request`);
console.log(`  api-client   ${median(typed).toFixed(1)} µs/request`);
console.log(`  ratio        ${ratio.toFixed(3)} (goal ≤ 1.05) ${ratio <= 1.05 ? "OK" : "OVER"}`);
