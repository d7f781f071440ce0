// An independent check of API responses against the bundled contract, for the repo's tests: the
// status must be declared by the operation (its code, its range such as 4XX, or `default` for an
// error status), the media type must be one its response declares, and the body must validate
// against that media type's schema (Ajv, JSON Schema 2020-12). It shares no code with the mock,
// so the mock cannot pass it by agreeing with itself.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const ID = "contract-check:openapi.json";
const escape = (token) => String(token).replaceAll("~", "~0").replaceAll("/", "~1");

/** @param {any} doc a bundled OpenAPI 3.1 document */
export function createContractCheck(doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: ID });

  /** The node at a JSON pointer (`#/paths/...`), following `$ref`s, and the pointer it was found at. */
  function follow(at) {
    const get = (pointer) => pointer.slice(2).split("/").map((t) => t.replaceAll("~1", "/").replaceAll("~0", "~")).reduce((parent, token) => parent?.[token], doc);
    let node = get(at);
    while (node && typeof node.$ref === "string") [at, node] = [node.$ref, get(node.$ref)];
    return { at, node };
  }

  /** @type {typeof import("./contract-check.d.mts").ContractCheck.prototype.check} */
  function check({ method, path, status, contentType, body }) {
    const where = `${method.toUpperCase()} ${path} → ${status}`;
    const item = follow(`#/paths/${escape(path)}`);
    const operation = item.node?.[method.toLowerCase()];
    if (!operation) return [`${where}: the contract has no operation ${method.toUpperCase()} ${path}`];
    const responses = operation.responses ?? {};
    const code = [String(status), `${String(status)[0]}XX`].find((c) => c in responses) ?? (status >= 400 && "default" in responses ? "default" : undefined);
    if (code === undefined) return [`${where}: status ${status} is not declared (declared: ${Object.keys(responses).join(", ")})`];
    const response = follow(`${item.at}/${method.toLowerCase()}/responses/${escape(code)}`);
    const content = response.node.content ?? {};
    const mediaType = (contentType ?? "").split(";")[0].trim().toLowerCase();
    if (Object.keys(content).length === 0) return body === "" ? [] : [`${where}: the ${code} response has no content, but a body was sent`];
    if (!(mediaType in content)) return [`${where}: media type ${mediaType || "(none)"} is not declared for ${code} (declared: ${Object.keys(content).join(", ")})`];
    if (!content[mediaType].schema) return [];
    let value = body;
    if (mediaType === "application/json" || mediaType.endsWith("+json")) {
      try {
        value = JSON.parse(body);
      } catch (error) {
        return [`${where}: the body is not JSON: ${error.message}`];
      }
    }
    const validate = ajv.getSchema(`${ID}${response.at}/content/${escape(mediaType)}/schema`);
    if (!validate) return [`${where}: the contract has no schema at ${response.at}/content/${escape(mediaType)}/schema`];
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => `${where}: body${e.instancePath || " (root)"} ${e.message} ${JSON.stringify(e.params)}`);
  }

  return { check };
}
