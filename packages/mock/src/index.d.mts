import type { OperationId, RequestEntry, RequestsFunction, Stub, StubFunction, WebhookEntry } from "./core/types.d.mts";

export type { OperationId, RequestEntry, RequestsFunction, Stub, StubBody, StubFunction, StubStatus, TypedStub, WebhookEntry } from "./core/types.d.mts";

/** Options of the mock's core, shared by {@link startMock} and `createTexterHandlers` (`@texterchat/api-mock/msw`). */
export interface SandboxOptions {
  /** Generate responses from the schemas instead of answering the examples. Default `false`. */
  dynamic?: boolean;
  /** Seed for generated responses: the same seed gives the same responses. */
  seed?: string | number;
  /**
   * Check every answer against the contract (declared status, media type and schema): an answer
   * that breaks it is replaced by a 500 in the contract's error shape naming the violations.
   * Generated (`dynamic`) answers are always checked and regenerated until valid. Default `false`.
   */
  validateResponses?: boolean;
  /** A bundled OpenAPI 3.1 JSON document to serve instead of the packaged one. */
  spec?: string;
  /**
   * The stateful sandbox: an in-memory world seeded from the spec's examples, in which writes
   * change later reads and actions fire webhooks to the imported subscriptions. Default `false`.
   */
  stateful?: boolean;
  /**
   * Token scopes: a JSON file, or its content, mapping each token to the scopes it holds
   * (`{ "ci": ["Manage labels"] }`, `["*"]` for all). Unknown tokens get 401, missing scopes 403.
   * Default: any token holds every scope.
   */
  tokens?: string | Record<string, string[]>;
  /** Journal entries kept (the oldest are dropped). Default 10,000. */
  journalLimit?: number;
  /**
   * Milliseconds after a send at which a message becomes Delivered (default 1000) and Seen
   * (default 3000) on the world's clock.
   */
  messageDelays?: { delivered?: number; seen?: number };
  /** Waits before the retries of a failed webhook delivery. Default `[1000, 5000, 30000]`. */
  retryDelays?: readonly number[];
}

/** Options of {@link startMock}. */
export interface MockOptions extends SandboxOptions {
  /** Port to listen on; `0` picks a free one. Default `4010`. */
  port?: number;
  /** Address to listen on. Default `"127.0.0.1"`. */
  host?: string;
  /** Log every request to stdout. Default `false`. */
  verbose?: boolean;
}

/** What the simulations take and the clock of the stateful world. */
export interface SimulatedIncomingMessage {
  chatId: string;
  text?: string;
  media?: { url: string; mimeType?: string; fileName?: string; caption?: string }[];
}

/**
 * The sandbox's programmatic API, the same on {@link startMock}'s mock and on the MSW handlers.
 * The clock and the simulations need `stateful: true` (they throw otherwise).
 */
export interface Sandbox {
  /** The journal's requests of an operation (oldest first), their bodies typed by the contract. */
  requests: RequestsFunction;
  /** The journal's webhook delivery attempts (oldest first). */
  webhooks(filter?: { since?: string | number }): Promise<WebhookEntry[]>;
  /**
   * Adds a stub checked against the contract (typed: a body the contract does not declare fails
   * to compile). Rejects with `StubRejected`, listing every violation, at run time too.
   */
  stub: StubFunction;
  /** Removes every stub. */
  clearStubs(): Promise<void>;
  /** Restores the seed, and drops every stub and journal entry. */
  reset(): Promise<void>;
  /** Resolves once every webhook delivery started so far (retries included) has ended. */
  webhooksIdle(): Promise<void>;
  /** The world's clock: `now()` in epoch ms; `advance(ms)` applies what falls due (message statuses). */
  readonly clock: { now(): number; advance(ms: number): Promise<number> };
  /** A customer's message arriving in a chat (fires newIncomingMessage and friends); resolves to the stored message. */
  simulateIncomingMessage(input: SimulatedIncomingMessage): Promise<unknown>;
  /** Opens a channel-health problem; resolves to the problem. */
  simulateChannelProblem(input: { accountId: string; [key: string]: unknown }): Promise<unknown>;
  /** Moves an outgoing message to a delivery status (0–6), firing messageStatusChanged (and messageFailed). */
  setMessageStatus(messageId: string, status: number, error?: string): Promise<void>;
}

/** A stub the mock refused: `violations` lists everything wrong with it. */
export declare class StubRejected extends Error {
  violations: { location: string; path: string; message: string }[];
}

/** A running mock. */
export interface RunningMock extends Sandbox {
  /** The origin, e.g. `http://127.0.0.1:4010`. `GET ${url}/__health` answers `{"status":"ok"}`. */
  url: string;
  /** The API's base URL on the mock, e.g. `http://127.0.0.1:4010/server/api/v2`. */
  baseUrl: string;
  /** The admin API's base URL, e.g. `http://127.0.0.1:4010/__admin` (see admin-openapi.yaml). */
  adminUrl: string;
  /** Stops listening, closes open connections and drops the webhook deliveries in flight. */
  close(): Promise<void>;
}

/** Starts the Texter API mock in this process. */
export declare function startMock(options?: MockOptions): Promise<RunningMock>;

/** Options of {@link sendWebhook}. */
export interface SendWebhookOptions {
  /** The receiver's URL. */
  to: string;
  /** The named example of the webhook to send. Default: its first example. */
  example?: string;
  /** A bundled OpenAPI 3.1 JSON document to take the webhook from instead of the packaged one. */
  spec?: string;
}

/** The outcome of a webhook delivery. */
export interface WebhookDelivery {
  /** The receiver's HTTP status. */
  status: number;
  /** The envelope that was sent: `{ eventName, eventData }`. */
  payload: { eventName: string; eventData: unknown; [key: string]: unknown };
}

/**
 * POSTs the webhook's example envelope as JSON to `to`, after validating it against the webhook's
 * schema. Throws on an unknown event (the message lists the known ones), an unknown example, an
 * invalid payload or a network error; a non-2xx answer is returned, not thrown.
 */
export declare function sendWebhook(eventName: string, options: SendWebhookOptions): Promise<WebhookDelivery>;

/** The webhook event names of the spec (`newMessage`, `chatResolved`, …). */
export declare function listWebhookEvents(options?: { spec?: string }): string[];
