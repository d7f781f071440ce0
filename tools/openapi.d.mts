/** Follows local `$ref`s (`#/components/...`) until a real node. */
export declare function resolveRef<T = any>(doc: unknown, node: unknown): T;
