export { startMock } from "./http/server.mjs";
export { listWebhookEvents, sendWebhook } from "./webhooks.mjs";
