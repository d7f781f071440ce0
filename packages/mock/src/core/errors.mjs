// The answers the mock makes itself (routing, auth, validation, Prefer, body size, internal
// errors), in the contract's error shape: `application/json` `{ success: false, error, ...extra }`
// where `error` is one sentence saying what was wrong and where, and `extra` keeps the detail
// (`violations`, `operationId`, …).

/**
 * @typedef {{ location: string, path: string, message: string }} Violation
 * @typedef {{ status: number, type: string, headers?: Record<string, string>, body: string, value?: unknown }} Answer
 */

/** @returns {Answer} */
export function errorAnswer(status, error, extra = {}, headers = {}) {
  const value = { success: false, error, ...extra };
  return { status, type: "application/json", headers, body: JSON.stringify(value), value };
}

/** `METHOD /path (operationId)`, the way the mock names an operation in its messages. */
export const describeOperation = (operation) => `${operation.operationId} (${operation.method.toUpperCase()} ${operation.path})`;

/** "query statuses[] item 0 must be …; body /name is required" */
export function listViolations(violations) {
  return violations.map((v) => `${v.location} ${v.path || "(root)"} ${v.message}`).join("; ");
}

/** An answer listing every violation of a request: 400, or 415 for a content type it does not take. */
export function violationsAnswer(status, operation, violations) {
  const what = status === 415 ? "Unsupported content type" : "Invalid request";
  const count = violations.length === 1 ? "1 violation" : `${violations.length} violations`;
  const error = `${what} to ${describeOperation(operation)}, ${count}: ${listViolations(violations)}.`;
  return errorAnswer(status, error, { operationId: operation.operationId, violations });
}
