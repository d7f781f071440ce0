/** What went wrong, for programmatic handling. */
export type TexterErrorCode = "INVALID_OPTIONS" | "TIMEOUT" | "NETWORK" | "API" | "INVALID_WEBHOOK";

/**
 * The one error class this client throws. Messages say what was wrong and where; they never
 * contain the API token (requests and their headers are never attached).
 */
export class TexterError extends Error {
  override readonly name = "TexterError";
  /** HTTP status, for `API` errors. */
  declare readonly status: number | undefined;
  /** Parsed error body, for `API` errors. */
  declare readonly body: unknown;

  constructor(
    readonly code: TexterErrorCode,
    message: string,
    { status, body, cause }: { status?: number; body?: unknown; cause?: unknown } = {},
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.status = status;
    this.body = body;
  }
}
