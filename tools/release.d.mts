export interface WorkspacePackage {
  name: string;
  /** Relative to the repository root, e.g. `packages/client`. */
  dir: string;
  manifest: Record<string, any>;
}
/** The workspace packages. */
export declare function workspacePackages(root?: string): WorkspacePackage[];
/** The packages ordered so that each comes after every workspace package it depends on. */
export declare function publishOrder(packages: WorkspacePackage[]): WorkspacePackage[];
/** The contract's version: `info.version` of spec/openapi.yaml. */
export declare function contractVersion(root?: string): string;
/** Why the packages cannot be released as `version`: one line per disagreeing version or pin. */
export declare function versionProblems(packages: WorkspacePackage[], version: string): string[];
