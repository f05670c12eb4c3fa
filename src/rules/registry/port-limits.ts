export const MIN_PORT = 1;
export const MAX_PORT = 65535;
/** Below this, binding needs root on macOS and Linux. */
export const FIRST_UNPRIVILEGED_PORT = 1024;
