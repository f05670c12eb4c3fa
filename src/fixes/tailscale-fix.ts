import { quoteArg } from "../command-line/quote-command-line.js";
import { styleOf } from "../command-line/split-command-line.js";
import { sentences } from "./fix-helpers.js";
import type { FixOs, FixText } from "./fix-text.js";
import { fixWords } from "../words/fix-words.js";

export type TailscaleProblem = "stopped" | "needs-login" | "peer-offline" | "userspace";

function startTailscale(os: FixOs): string[] {
  switch (os) {
    case "macos":
      return ["open -a Tailscale", "tailscale up"];
    case "windows":
      return ["Start-Service Tailscale", "tailscale up"];
    case "linux":
      return ["sudo systemctl enable --now tailscaled", "sudo tailscale up"];
  }
}

/** For "peer-offline", `os` is the peer's; give its name as `peer` for the ping from here. */
export function tailscaleFix(problem: TailscaleProblem, os: FixOs, peer?: string): FixText {
  const t = fixWords().tailscale;
  switch (problem) {
    case "stopped":
      return { summary: sentences(t.stopped, t.stoppedHow[os]), commands: [...startTailscale(os), "tailscale status"] };
    case "needs-login":
      return { summary: t.needsLogin, commands: [os === "linux" ? "sudo tailscale login" : "tailscale login", "tailscale status"] };
    case "peer-offline": {
      const here = peer === undefined || peer === "" ? ["tailscale status"] : ["tailscale status", `tailscale ping ${quoteArg(peer, styleOf(os))}`];
      return { summary: sentences(t.peerOffline(peer), os === "macos" ? t.macSleep : ""), commands: [...startTailscale(os), ...here] };
    }
    case "userspace": {
      const commands =
        os === "linux"
          ? ["ls -l /dev/net/tun", "systemctl cat tailscaled", "sudo systemctl restart tailscaled", "tailscale status --json"]
          : os === "macos"
            ? ["pgrep -lf tailscaled", "open -a Tailscale", "tailscale status --json"]
            : ["Restart-Service Tailscale", "tailscale status --json"];
      return { summary: sentences(t.userspace, t.userspaceHow[os]), commands };
    }
  }
}
