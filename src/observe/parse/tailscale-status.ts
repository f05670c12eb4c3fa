import * as z from "zod/mini";
import { useEnglishMessages } from "../../util/zod-english.js";

/** One node of the tailnet as `tailscale status --json` describes it. */
export interface Peer {
  /** The machine's own host name; not unique (iOS devices all report "localhost"). */
  hostName: string;
  /** The MagicDNS name with its trailing dot, e.g. "unagi.tail8b25a2.ts.net."; unique in the tailnet; "" when unknown. */
  dnsName: string;
  /** Tailscale addresses, IPv4 first as tailscale lists them; empty when none are assigned yet. */
  ips: string[];
  online: boolean;
  /** As tailscale spells it: "windows", "linux", "macOS", "iOS", "android", ... */
  os: string;
}

export interface TailscaleStatus {
  /** "Running" is up; "Stopped", "NeedsLogin", "NeedsMachineAuth", "Starting", "NoState", "InUseOtherUser" are not. */
  backendState: string;
  /** Whether tailscaled uses a kernel TUN device; undefined when the output does not say (older versions). */
  tun: boolean | undefined;
  /** This machine; undefined when tailscale reports none (Self is null before the first login). */
  self: Peer | undefined;
  peers: Peer[];
  /** The tailnet's MagicDNS suffix without dots, e.g. "tail8b25a2.ts.net". */
  magicDnsSuffix: string | undefined;
}

/** `tailscale status --json` output that is not JSON, or not the expected shape. */
export class TailscaleStatusError extends Error {
  readonly kind: "invalid-json" | "unexpected-shape";
  /** One line per problem, e.g. "Peer.nodekey:af8d….Online: expected boolean, received string". */
  readonly details: readonly string[];

  constructor(kind: "invalid-json" | "unexpected-shape", details: readonly string[]) {
    const what = kind === "invalid-json" ? "is not valid JSON" : "does not have the expected shape";
    super(`tailscale status --json output ${what}: ${details.join("; ")}`);
    this.name = "TailscaleStatusError";
    this.kind = kind;
    this.details = details;
  }
}

// Go writes absent slices and pointers as null, and fields vary across
// versions, so everything but BackendState may be null or missing. Unknown
// fields are dropped (z.object strips them).
const peerSchema = z.object({
  HostName: z.nullish(z.string()),
  DNSName: z.nullish(z.string()),
  TailscaleIPs: z.nullish(z.array(z.string())),
  Online: z.nullish(z.boolean()),
  OS: z.nullish(z.string()),
});

const statusSchema = z.object({
  BackendState: z.string(),
  TUN: z.nullish(z.boolean()),
  Self: z.nullish(peerSchema),
  Peer: z.nullish(z.record(z.string(), peerSchema)),
  MagicDNSSuffix: z.nullish(z.string()),
  CurrentTailnet: z.nullish(z.object({ MagicDNSSuffix: z.nullish(z.string()) })),
});

type RawPeer = z.output<typeof peerSchema>;

function toPeer(raw: RawPeer): Peer {
  return { hostName: raw.HostName ?? "", dnsName: raw.DNSName ?? "", ips: raw.TailscaleIPs ?? [], online: raw.Online ?? false, os: raw.OS ?? "" };
}

/** Parse `tailscale status --json` output; throws TailscaleStatusError for anything else. */
export function parseTailscaleStatus(text: string): TailscaleStatus {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new TailscaleStatusError("invalid-json", [text.trim() === "" ? "the output is empty" : reason]);
  }
  useEnglishMessages();
  const parsed = statusSchema.safeParse(data);
  if (!parsed.success) {
    throw new TailscaleStatusError(
      "unexpected-shape",
      parsed.error.issues.map((issue) => `${issue.path.length === 0 ? "(top level)" : issue.path.map(String).join(".")}: ${issue.message}`),
    );
  }
  const raw = parsed.data;
  const suffix = raw.CurrentTailnet?.MagicDNSSuffix ?? raw.MagicDNSSuffix ?? "";
  return {
    backendState: raw.BackendState,
    tun: raw.TUN ?? undefined,
    self: raw.Self ? toPeer(raw.Self) : undefined,
    peers: Object.values(raw.Peer ?? {}).map(toPeer),
    magicDnsSuffix: suffix === "" ? undefined : suffix,
  };
}
