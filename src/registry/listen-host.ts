import { isIP } from "node:net";
import { isLoopbackHost } from "../util/loopback.js";
import type { AccessScope } from "./schema.js";

/** Every scope the guide names lets another machine connect: the backend on the Mac mini calls the desktop's Ollama. */
const REACHED_FROM: { readonly [S in AccessScope]: "network" | "local" } = {
  "all-nodes": "network",
  "backend-only": "network",
  "developers-browser": "network",
  "test-only": "network",
  "staging-only": "network",
  "preview-only": "network",
};

/**
 * The HOST a service started by `run` listens on: every address, unless its node is reached on loopback only; then the
 * node's own address (127.0.0.2 is where the others, and wait, status and doctor, look for it), 127.0.0.1 for a name.
 */
export function listenHost(access: AccessScope, nodeAddress: string | undefined): string {
  if (nodeAddress !== undefined && isLoopbackHost(nodeAddress)) {
    const address = nodeAddress.replace(/^\[|\]$/g, "");
    return isIP(address) === 0 ? "127.0.0.1" : address;
  }
  return REACHED_FROM[access] === "network" ? "0.0.0.0" : "127.0.0.1";
}
