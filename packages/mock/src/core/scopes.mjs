// Token scopes (`--tokens <file>`): a JSON file maps each token to the scopes it holds, spelled as
// the contract's security requirements spell them (Texter's UI names), or ["*"] for all of them.
// An operation needs every scope of one of its security requirements (OpenAPI semantics).
// Without a tokens file, any well-formed token holds every scope.
import { readFileSync } from "node:fs";

/**
 * @typedef {Map<string, Set<string>>} TokenScopes token → scopes ("*": all)
 * @typedef {{ status: 401 | 403, contentType: "application/json", body: { success: false, error: string, missingScopes?: string[] } }} ScopeRefusal
 */

/** Every scope the contract's security requirements name. */
export function contractScopes(spec) {
  const scopes = new Set();
  const collect = (security) => (security ?? []).forEach((requirement) => Object.values(requirement).flat().forEach((scope) => scopes.add(scope)));
  collect(spec.doc.security);
  for (const item of Object.values(spec.doc.paths ?? {})) {
    for (const operation of Object.values(spec.deref(item).node)) if (operation?.operationId) collect(operation.security);
  }
  return scopes;
}

/**
 * Reads and checks a tokens file: `{ "<token>": ["Manage labels", …], … }`.
 * @returns {TokenScopes} throws an Error that names the file and what is wrong in it
 */
export function loadTokens(file, spec) {
  let text;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new Error(`Cannot read the tokens file ${file}: ${error.message}`);
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`The tokens file ${file} is not valid JSON: ${error.message}`);
  }
  return parseTokens(value, spec, `The tokens file ${file}`);
}

/**
 * Checks a token → scopes object (the content of a tokens file, or a startMock option).
 * @returns {TokenScopes} throws an Error listing every problem
 */
export function parseTokens(value, spec, source = "The tokens") {
  const problems = [];
  const known = contractScopes(spec);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`${source} must be a JSON object mapping each token to its list of scopes, e.g. {"ci-token": ["Manage labels"]}`);
  }
  const tokens = new Map();
  for (const [token, scopes] of Object.entries(value)) {
    const at = `token ${JSON.stringify(abbreviate(token))}`;
    if (!/^[\x21-\x7e]+$/.test(token)) problems.push(`${at}: a token is one or more visible ASCII characters, without spaces`);
    if (!Array.isArray(scopes) || !scopes.every((scope) => typeof scope === "string")) {
      problems.push(`${at}: the scopes must be an array of strings`);
      continue;
    }
    const unknown = scopes.filter((scope) => scope !== "*" && !known.has(scope));
    if (unknown.length) problems.push(`${at}: unknown scope${unknown.length > 1 ? "s" : ""} ${unknown.map((s) => JSON.stringify(s)).join(", ")}`);
    tokens.set(token, new Set(scopes));
  }
  if (problems.length) {
    const count = problems.length > 1 ? `${problems.length} problems` : "1 problem";
    throw new Error(`${source}: ${count}:\n  ${problems.join("\n  ")}\nKnown scopes: ${[...known].sort().join(", ")}`);
  }
  return tokens;
}

/**
 * @param {{ spec: any, tokens?: TokenScopes }} options without `tokens`, every token holds every scope
 */
export function createScopeCheck({ spec, tokens }) {
  const cache = new Map();
  const requirementsOf = (operation) => {
    if (!cache.has(operation.operationId)) {
      const raw = spec.deref({ $ref: `#${operation.at}` }).node;
      const security = raw.security ?? spec.doc.security ?? [];
      cache.set(operation.operationId, security.map((requirement) => Object.values(requirement).flat()));
    }
    return cache.get(operation.operationId);
  };

  return {
    /**
     * Null when the token may call the operation; else the 401 (unknown token) or 403 (missing
     * scopes, named in `missingScopes`) answer in the contract's error shape.
     * @param {{ operationId: string, at: string }} operation
     * @param {string} token the bearer token, already checked to be well-formed
     * @returns {ScopeRefusal | null}
     */
    check(operation, token) {
      if (!tokens) return null;
      const requirements = requirementsOf(operation);
      if (requirements.length === 0) return null; // `security: []`: no token needed
      const held = tokens.get(token);
      if (!held) return refusal(401, { error: "Unknown token: it is not in the mock's tokens file" });
      if (held.has("*")) return null;
      const missing = requirements.map((scopes) => scopes.filter((scope) => !held.has(scope)));
      if (missing.some((list) => list.length === 0)) return null;
      const closest = missing.reduce((best, list) => (list.length < best.length ? list : best));
      const names = closest.map((scope) => `"${scope}"`).join(", ");
      return refusal(403, { error: `The token lacks the scope${closest.length > 1 ? "s" : ""} ${names} that ${operation.operationId} requires`, missingScopes: closest });
    },
  };
}

const refusal = (status, detail) => ({ status, contentType: "application/json", body: { success: false, ...detail } });

/** A token shown in an error message: enough to find it in the file, not the whole secret. */
const abbreviate = (token) => (token.length > 8 ? `${token.slice(0, 4)}…` : token);
