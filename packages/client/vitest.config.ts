import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    name: "client",
    include: ["test/**/*.test.ts"],
    testTimeout: 120_000,
    typecheck: {
      enabled: true,
      include: ["test/**/*.test-d.ts", "test/contract.test.ts"],
      tsconfig: "./tsconfig.json",
    },
  },
});
