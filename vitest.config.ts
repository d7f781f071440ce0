import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: ["spec", "packages/*", "packaging"],
    reporters: ["default", "./tools/vitest-summary-reporter.mjs"],
  },
});
