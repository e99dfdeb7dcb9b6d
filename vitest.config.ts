import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Most tests spawn the built CLI and wait for it: a worker waiting on its child leaves a core free, so
    // one worker per core (vitest's default keeps one core back) nearly halves the suite on two cores.
    maxWorkers: availableParallelism(),
    // Fails the run if any test changed a file in napkin's own folder (tests/installFolder.ts).
    globalSetup: ["tests/installFolder.ts"],
  },
});
