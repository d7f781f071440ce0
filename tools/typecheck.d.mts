/** Type-checks snippets in a temporary project that sees this repo's node_modules; returns tsc's diagnostics ("" when clean). */
export declare function typecheckSnippets(snippets: { name: string; code: string }[]): Promise<string>;
