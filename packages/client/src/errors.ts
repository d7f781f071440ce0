/** What went wrong, for programmatic handling. */
export type TexterErrorCode = "INVALID_OPTIONS" | "TIMEOUT" | "NETWORK" | "API" | "INVALID_WEBHOOK";

/**
 * The one error class this client throws. Messages say what was wrong and where; they never
 * contain the API token (requests and their headers are never attached).
 */
export class TexterError extends Error {
  override readonly name = "TexterError";
  /** HTTP status, for `API` errors. */
  readonly status?: number;
  /** Parsed error body, for `API` errors. */
  readonly body?: unknown;

  constructor(
    readonly code: TexterErrorCode,
    message: string,
    details: { status?: number; body?: unknown; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    if (details.status !== undefined) this.status = details.status;
    if (details.body !== undefined) this.body = details.body;
  }
}
