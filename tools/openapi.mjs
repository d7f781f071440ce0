// Reading a bundled OpenAPI document in the repo's scripts and tests (docs build, generators,
// API diff, mock tests and benches). Runtime code that ships in a package keeps its own.

/** Follows local `$ref`s (`#/components/...`, JSON Pointer escaping) until a real node. */
export function resolveRef(doc, node) {
  const seen = new Set();
  while (node && typeof node === "object" && typeof node.$ref === "string") {
    if (seen.has(node.$ref)) throw new Error(`reference cycle at ${node.$ref}`);
    seen.add(node.$ref);
    node = node.$ref
      .slice(2)
      .split("/")
      .map((token) => token.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce((parent, token) => parent?.[token], doc);
  }
  return node;
}
