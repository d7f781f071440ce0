// The answers a world handler returns, and the small helpers every resource module shares.

/**
 * @typedef {{ status: number, contentType: string, body: unknown, text?: string }} Answer
 *   `text`: a JSON answer's body, serialized
 * @typedef {{ pathParams: Record<string, string>, query: URLSearchParams, body: any }} WorldRequest
 */

/**
 * A JSON answer, serialized now: the answer is a snapshot that later actions on the world cannot
 * change, and a front that sends it uses `text` as is. `body` is parsed from the text when first
 * read (its own copy: nothing the world holds leaks out).
 * @returns {Answer}
 */
export const json = (value, status = 200) => new JsonAnswer(value, status);

class JsonAnswer {
  contentType = "application/json";
  #body;
  constructor(value, status) {
    this.status = status;
    this.text = JSON.stringify(value);
  }
  get body() {
    return (this.#body ??= JSON.parse(this.text));
  }
}

/** The plain-text `OK` that several operations answer. @returns {Answer} */
export const ok = () => ({ status: 200, contentType: "text/plain", body: "OK" });

/** 404 in the contract's error shape, naming what was not found. @returns {Answer} */
export const notFound = (what) => json({ success: false, error: `${what} not found` }, 404);

/** 400 (the contract's `default` error response) saying what is wrong. @returns {Answer} */
export const invalid = (error) => json({ success: false, error }, 400);

/**
 * A deep copy of a JSON value: what a request or an event carries never shares objects with what
 * the world stores. (The world holds JSON only; a JSON round trip copies it at about twice
 * structuredClone's speed.)
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
