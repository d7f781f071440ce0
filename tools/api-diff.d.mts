/** Breaking changes from one bundled OpenAPI document to another, one readable line each. */
export declare function breakingChanges(oldDoc: unknown, newDoc: unknown): string[];
