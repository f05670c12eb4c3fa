import { fileURLToPath } from "node:url";

/**
 * The real command outputs in shared/fixtures/os-output, beside the
 * repository (CI clones the repo next to a copy of shared/).
 */
export const OS_FIXTURES = fileURLToPath(new URL("../../../shared/fixtures/os-output/", import.meta.url));
