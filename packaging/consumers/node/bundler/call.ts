// Bundler resolution, bundled by esbuild: the client, its webhooks entry and the types.
import { createTexterClient, TexterError } from "@texterchat/api-client";
import { parseWebhookEvent } from "@texterchat/api-client/webhooks";
import type { Label } from "@texterchat/api-types";

declare const process: { env: Record<string, string | undefined> };

const texter = createTexterClient({ baseUrl: process.env.TEXTER_BASE_URL!, token: "consumer-token" });
const { data, error } = await texter.GET("/labels");
if (error) throw new TexterError("API", `unexpected error ${JSON.stringify(error)}`, { body: error });
const labels: Label[] = data.labels;
const event = parseWebhookEvent('{"eventName":"chatSubscribed","eventData":{"chat":{}}}');
console.log(JSON.stringify({ total: data.total, labels, event: event.eventName }));
