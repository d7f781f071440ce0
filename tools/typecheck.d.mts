/** Type-checks files of `dir` (strict, NodeNext) with this repo's node_modules; returns tsc's diagnostics ("" when clean). */
export declare function typecheckFiles(dir: string, files: string[]): Promise<string>;
/** Type-checks snippets in a temporary project that sees this repo's node_modules; returns tsc's diagnostics ("" when clean). */
export declare function typecheckSnippets(snippets: { name: string; code: string }[]): Promise<string>;
