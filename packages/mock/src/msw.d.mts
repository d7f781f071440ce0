import type { RequestHandler } from "msw";
import type { Sandbox, SandboxOptions } from "./index.d.mts";

/** Options of {@link createTexterHandlers}. */
export interface TexterHandlersOptions extends SandboxOptions {
  /**
   * The API base URL your code calls; the handlers answer below it, and the admin API at its
   * origin's `/__admin/`. Default `https://demo.texterchat.com/server/api/v2`.
   */
  baseUrl?: string;
}

/** MSW handlers of the Texter API mock, and the sandbox behind them. */
export interface TexterHandlers extends Sandbox {
  /** Pass to msw's `setupServer(...handlers)` (or `server.use(...handlers)`). */
  handlers: RequestHandler[];
  /** The base URL the handlers answer under. */
  baseUrl: string;
  /** Stops the world's settle timer and drops the webhook deliveries in flight. */
  close(): Promise<void>;
}

/**
 * Handlers for msw 2.x answering the Texter API in-process with the mock's core: requests are
 * validated, answers checked against the contract (`validateResponses` defaults to `true` here),
 * and the journal, stubs, token scopes and (with `stateful: true`) the world and its webhooks work
 * as on the texter-mock server.
 */
export declare function createTexterHandlers(options?: TexterHandlersOptions): Promise<TexterHandlers>;
