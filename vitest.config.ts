import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: ["spec", "packages/*"],
    reporters: ["default", "./tools/vitest-summary-reporter.mjs"],
  },
});
