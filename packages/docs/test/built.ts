import { existsSync } from "node:fs";
import { join } from "node:path";
import { distDir } from "../src/dist.mjs";

/** The path of a file in packages/docs/dist; fails with a clear message when it was not built. */
export function builtFile(name: string): string {
  const file = join(distDir, name);
  if (!existsSync(file)) throw new Error(`${file} is missing: run npm run build`);
  return file;
}
