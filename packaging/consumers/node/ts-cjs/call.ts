// TypeScript compiled to CommonJS (moduleResolution Node10 and Node16), run with require(esm) off.
import { createTexterClient } from "@texterchat/api-client";
import { parseWebhookEvent } from "@texterchat/api-client/webhooks";
import type { Label } from "@texterchat/api-types";

declare const process: { env: Record<string, string | undefined>; exitCode?: number };

async function main() {
  const texter = createTexterClient({ baseUrl: process.env.TEXTER_BASE_URL!, token: "consumer-token" });
  const { data, error } = await texter.GET("/labels");
  if (error) throw new Error(`unexpected error ${JSON.stringify(error)}`);
  const labels: Label[] = data.labels;
  const event = parseWebhookEvent('{"eventName":"chatSubscribed","eventData":{"chat":{}}}');
  console.log(JSON.stringify({ total: data.total, labels, event: event.eventName }));
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
