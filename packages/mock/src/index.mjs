export { startMock } from "./server.mjs";
export { listWebhookEvents, sendWebhook } from "./webhooks.mjs";
