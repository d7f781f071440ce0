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

/**
 * Recording is on every request's path and reading is rare, so the ring keeps no object per
 * entry: columns hold what `record` was given, and an entry is built (token masked, query as an
 * object, ISO time) and frozen when it is first read. Keeping even a small object per request
 * costs the garbage collector more than the rest of the pipeline; so a request whose path and
 * headers equal the previous entry's shares that entry's strings and header object.
 * @param {{ limit?: number }} [options] `limit`: entries kept (default 10,000)
 */
export function createJournal({ limit = DEFAULT_JOURNAL_LIMIT } = {}) {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`The journal limit must be a whole number of entries, at least 1 (got ${limit})`);
  const column = () => new Array(limit).fill(undefined);
  const ms = new Float64Array(limit); // when (epoch ms), for `since`
  const times = column(); // the time the caller gave, kept as given
  const methods = column();
  const paths = column();
  const queries = column(); // undefined when there was none
  const headerSets = column(); // as given: masked when read
  const bodies = column();
  const operationIds = column();
  const statuses = column();
  const violationLists = column(); // undefined when there were none
  const deliveries = column(); // a webhook entry's report; undefined for a request
  const built = column(); // entries already read
  let next = 0; // total entries ever added; the next one goes to slot next % limit
  let first = 0; // the oldest entry still kept

  /** Takes the next slot (dropping the oldest entry when full); returns its index. */
  const take = (time) => {
    const slot = next % limit;
    ms[slot] = time === undefined ? Date.now() : Date.parse(time);
    times[slot] = time;
    built[slot] = undefined;
    next++;
    if (next - first > limit) first = next - limit;
    return slot;
  };

  /** The entry with this id (in the ring), built on first read. */
  const entry = (id) => {
    const slot = (id - 1) % limit;
    if (built[slot]) return built[slot];
    const time = times[slot] ?? new Date(ms[slot]).toISOString();
    const report = deliveries[slot];
    const operationId = operationIds[slot];
    built[slot] = Object.freeze(
      report
        ? { id, kind: "webhook", ...report, time }
        : {
            id,
            time,
            kind: "request",
            method: String(methods[slot]).toUpperCase(),
            path: paths[slot],
            query: queryObject(queries[slot]),
            headers: maskedHeaders(headerSets[slot] ?? {}),
            body: bodies[slot],
            ...(operationId && { operationId }),
            status: statuses[slot],
            violations: violationLists[slot] ?? [],
          },
    );
    return built[slot];
  };

  return {
    limit,
    /**
     * Records a request and the answer it got. The Authorization header is masked; `query` may
     * be URLSearchParams or an object; `time` defaults to now. The journal keeps `query`,
     * `headers`, `body` and `violations` as given: the caller must not change them afterwards.
     * @param {{ time?: string, method: string, path: string, query?: URLSearchParams | Record<string, string | string[]>,
     *   headers?: Record<string, string | string[] | undefined>, body?: unknown, operationId?: string, status: number, violations?: unknown[] }} request
     * @returns {number} the entry's id
     */
    record({ time, method, path, query, headers, body, operationId, status, violations }) {
      const previous = (next + limit - 1) % limit; // the latest entry's slot (when there is one)
      const slot = take(time);
      methods[slot] = method === methods[previous] ? methods[previous] : method;
      paths[slot] = path === paths[previous] ? paths[previous] : path;
      headerSets[slot] = sameHeaders(headers, headerSets[previous]) ? headerSets[previous] : headers;
      queries[slot] = isEmpty(query) ? undefined : query;
      bodies[slot] = body;
      operationIds[slot] = operationId;
      statuses[slot] = status;
      violationLists[slot] = violations?.length ? violations : undefined;
      deliveries[slot] = undefined;
      return next;
    },
    /**
     * Records a webhook delivery attempt (the dispatcher's report; `time` defaults to now).
     * @param {Omit<import("./dispatcher.mjs").DeliveryReport, "time"> & { time?: string }} report
     * @returns {number} the entry's id
     */
    recordDelivery(report) {
      const slot = take(report.time);
      deliveries[slot] = report;
      operationIds[slot] = undefined;
      for (const values of [methods, paths, queries, headerSets, bodies, statuses, violationLists]) values[slot] = undefined;
      return next;
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
        const slot = i % limit;
        if (operationId !== undefined && operationIds[slot] !== operationId) continue;
        if (kind !== undefined && (deliveries[slot] ? "webhook" : "request") !== kind) continue;
        if (from !== undefined && ms[slot] < from) continue;
        entries.push(entry(i + 1));
      }
      return entries;
    },
    /** Number of entries kept. */
    get size() {
      return next - first;
    },
    /** Drops every entry. */
    clear() {
      for (const values of [times, methods, paths, queries, headerSets, bodies, operationIds, statuses, violationLists, deliveries, built]) values.fill(undefined);
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

const isEmpty = (query) => !query || (query instanceof URLSearchParams ? query.size === 0 : Object.keys(query).length === 0);

/** Whether two header sets hold the same names and values (array values only when the same array). */
function sameHeaders(a, b) {
  if (a === b) return true;
  if (!a || !b) return false;
  let count = 0;
  for (const name in a) {
    if (a[name] !== b[name]) return false;
    count++;
  }
  for (const name in b) count--;
  return count === 0;
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
