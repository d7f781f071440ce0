// The request journal: what every request sent and got, and every webhook delivery attempt, in a
// bounded ring (the oldest entries are dropped), so a long-running mock keeps a fixed memory.

export const DEFAULT_JOURNAL_LIMIT = 10000;

/**
 * @typedef {{ id: number, time: string, kind: "request", method: string, path: string,
 *   query: Record<string, string | string[]>, headers: Record<string, string | string[]>, body: unknown,
 *   operationId?: string, status: number, violations: unknown[] }} RequestEntry
 * @typedef {{ id: number, time: string, kind: "webhook" } & import("./dispatcher.mjs").DeliveryReport} WebhookEntry
 * @typedef {RequestEntry | WebhookEntry} JournalEntry
 */

/** @param {{ limit?: number }} [options] `limit`: entries kept (default 10,000) */
export function createJournal({ limit = DEFAULT_JOURNAL_LIMIT } = {}) {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`The journal limit must be a whole number of entries, at least 1 (got ${limit})`);
  /** @type {(JournalEntry | undefined)[]} */
  const ring = new Array(limit);
  let next = 0; // total entries ever added; the next one goes to ring[next % limit]
  let first = 0; // the oldest entry still kept

  const add = (entry) => {
    const stored = Object.freeze({ id: next + 1, ...entry });
    ring[next % limit] = stored;
    next++;
    if (next - first > limit) first = next - limit;
    return stored;
  };

  return {
    limit,
    /**
     * Records a request and the answer it got. The Authorization header is masked; `query` may
     * be URLSearchParams or an object; `time` defaults to now.
     * @param {{ time?: string, method: string, path: string, query?: URLSearchParams | Record<string, string | string[]>,
     *   headers?: Record<string, string | string[] | undefined>, body?: unknown, operationId?: string, status: number, violations?: unknown[] }} request
     * @returns {RequestEntry}
     */
    record({ time = new Date().toISOString(), method, path, query, headers = {}, body, operationId, status, violations = [] }) {
      return add({
        time,
        kind: "request",
        method: String(method).toUpperCase(),
        path,
        query: queryObject(query),
        headers: maskedHeaders(headers),
        body,
        ...(operationId && { operationId }),
        status,
        violations,
      });
    },
    /**
     * Records a webhook delivery attempt (the dispatcher's report; `time` defaults to now).
     * @param {Omit<import("./dispatcher.mjs").DeliveryReport, "time"> & { time?: string }} report
     * @returns {WebhookEntry}
     */
    recordDelivery(report) {
      return add({ kind: "webhook", ...report, time: report.time ?? new Date().toISOString() });
    },
    /**
     * The kept entries, oldest first. `operationId` keeps the requests of that operation;
     * `since` (ISO 8601 date-time or epoch ms) keeps entries at or after that time; `kind`
     * keeps `request` or `webhook` entries.
     * @param {{ operationId?: string, since?: string | number, kind?: "request" | "webhook" }} [filters]
     * @returns {JournalEntry[]}
     */
    list({ operationId, since, kind } = {}) {
      const from = since === undefined ? undefined : parseSince(since);
      const entries = [];
      for (let i = first; i < next; i++) {
        const entry = ring[i % limit];
        if (operationId !== undefined && entry.operationId !== operationId) continue;
        if (kind !== undefined && entry.kind !== kind) continue;
        if (from !== undefined && Date.parse(entry.time) < from) continue;
        entries.push(entry);
      }
      return entries;
    },
    /** Number of entries kept. */
    get size() {
      return next - first;
    },
    /** Drops every entry. */
    clear() {
      ring.fill(undefined);
      first = next;
    },
  };
}

/** `since` as epoch ms; throws a RangeError that says what is accepted. */
export function parseSince(since) {
  const text = String(since);
  const ms = /^\d+$/.test(text) ? Number(text) : /^\d{4}-\d{2}-\d{2}T/.test(text) ? Date.parse(text) : NaN;
  if (!Number.isFinite(ms)) {
    throw new RangeError(`since must be an ISO 8601 date-time such as 2026-01-01T00:00:00Z or epoch milliseconds (got ${JSON.stringify(since)})`);
  }
  return ms;
}

function queryObject(query) {
  if (!query) return {};
  if (!(query instanceof URLSearchParams)) return { ...query };
  const object = {};
  for (const name of new Set(query.keys())) {
    const values = query.getAll(name);
    object[name] = values.length === 1 ? values[0] : values;
  }
  return object;
}

/** Headers with Authorization reduced to its scheme, so no token is kept (undefined values dropped). */
function maskedHeaders(headers) {
  const masked = { ...headers };
  for (const name in masked) {
    if (masked[name] === undefined) delete masked[name];
    else if (name.length === 13 && name.toLowerCase() === "authorization") masked[name] = [masked[name]].flat().map(mask).join(", ");
  }
  return masked;
}

const mask = (value) => {
  const [scheme, ...rest] = String(value).trim().split(/\s+/);
  return rest.length ? `${scheme} ***` : "***";
};
