/// <reference types="vitest/config" />
import { getViteConfig } from "astro/config";

// Statistical tests run thousands of replicates; the generous timeout keeps a loaded 2-core machine from
// failing a correct test (speed is measured by `npm run bench`, never asserted here).
export default getViteConfig({
  test: { include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 120_000, hookTimeout: 120_000 },
});
