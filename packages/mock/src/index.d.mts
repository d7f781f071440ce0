/** Options of {@link startMock}. */
export interface MockOptions {
  /** Port to listen on; `0` picks a free one. Default `4010`. */
  port?: number;
  /** Address to listen on. Default `"127.0.0.1"`. */
  host?: string;
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
  /** Log every request to stdout. Default `false`. */
  verbose?: boolean;
}

/** A running mock. */
export interface RunningMock {
  /** The origin, e.g. `http://127.0.0.1:4010`. `GET ${url}/__health` answers `{"status":"ok"}`. */
  url: string;
  /** The API's base URL on the mock, e.g. `http://127.0.0.1:4010/server/api/v2`. */
  baseUrl: string;
  /** Stops listening and closes open connections. */
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
