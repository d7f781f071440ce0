// The answers a world handler returns, and the small helpers every resource module shares.

/**
 * @typedef {{ status: number, contentType: string, body: unknown }} Answer
 * @typedef {{ pathParams: Record<string, string>, query: URLSearchParams, body: any }} WorldRequest
 */

/** @returns {Answer} */
export const json = (body, status = 200) => ({ status, contentType: "application/json", body });

/** The plain-text `OK` that several operations answer. @returns {Answer} */
export const ok = () => ({ status: 200, contentType: "text/plain", body: "OK" });

/** 404 in the contract's error shape, naming what was not found. @returns {Answer} */
export const notFound = (what) => json({ success: false, error: `${what} not found` }, 404);

/** 400 (the contract's `default` error response) saying what is wrong. @returns {Answer} */
export const invalid = (error) => json({ success: false, error }, 400);

/**
 * A deep copy of a JSON value: what the world stores never leaks into an answer and back. (The
 * world holds JSON only; a JSON round trip copies it at about twice structuredClone's speed.)
 */
export const copy = (value) => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));

/** The page of `items` that the `skip` and `limit` query strings ask for. */
export function page(items, query, defaultLimit = Infinity) {
  const skip = Number(query.get("skip") ?? 0);
  const limit = query.has("limit") ? Number(query.get("limit")) : defaultLimit;
  return items.slice(skip, skip + limit);
}

/** ISO 8601 of an epoch-ms time. */
export const iso = (ms) => new Date(ms).toISOString();

/**
 * Ids shaped like Texter's (24 lowercase hex digits, as MongoDB ObjectIds): the clock's seconds
 * then a counter, so ids are unique, sortable by creation and deterministic for a given clock.
 */
export function idFactory(clock) {
  let counter = 0;
  return () => {
    const seconds = Math.floor(clock.now() / 1000).toString(16).padStart(8, "0").slice(-8);
    return seconds + (++counter).toString(16).padStart(16, "0");
  };
}
