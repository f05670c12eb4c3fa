import * as z from "zod/mini";
import { useEnglishMessages } from "../../util/zod-english.js";

export interface Peer {
  /** Not unique: iOS devices all report "localhost". */
  hostName: string;
  /** With its trailing dot; unique in the tailnet. */
  dnsName: string;
  ips: string[];
  online: boolean;
  os: string;
}

export interface TailscaleStatus {
  /** "Running" is up; "Stopped", "NeedsLogin", "Starting" and others are not. */
  backendState: string;
  /** Undefined in older versions' output. */
  tun: boolean | undefined;
  /** Self is null before the first login. */
  self: Peer | undefined;
  peers: Peer[];
  magicDnsSuffix: string | undefined;
}

export class TailscaleStatusError extends Error {
  readonly kind: "invalid-json" | "unexpected-shape";
  readonly details: readonly string[];

  constructor(kind: "invalid-json" | "unexpected-shape", details: readonly string[]) {
    const what = kind === "invalid-json" ? "is not valid JSON" : "does not have the expected shape";
    super(`tailscale status --json output ${what}: ${details.join("; ")}`);
    this.name = "TailscaleStatusError";
    this.kind = kind;
    this.details = details;
  }
}

// Go writes absent slices and pointers as null, and fields vary across versions: all but BackendState are optional.
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
