import { quoteArg } from "../command-line/quote-command-line.js";
import { checkPort, sentences } from "./fix-helpers.js";
import type { FixOs, FixText } from "./fix-text.js";
import { fixWords } from "../words/fix-words.js";

const SOCKETFILTERFW = "/usr/libexec/ApplicationFirewall/socketfilterfw";

/** macOS filters by program: give `program`, the listening binary's full path, for the allow commands. */
export function firewallFix(os: FixOs, port: number, program?: string): FixText {
  checkPort(port);
  const t = fixWords().firewall;
  const acl = t.tailscaleAcl(port);
  switch (os) {
    case "macos": {
      const check = [`${SOCKETFILTERFW} --getglobalstate`, `${SOCKETFILTERFW} --getblockall`, `${SOCKETFILTERFW} --listapps`];
      if (program === undefined || program === "") return { summary: sentences(t.macos(port), t.macosNoProgram, acl), commands: check };
      const path = quoteArg(program, "posix");
      return {
        summary: sentences(t.macos(port), t.macosAllow, acl),
        commands: [...check, `sudo ${SOCKETFILTERFW} --add ${path}`, `sudo ${SOCKETFILTERFW} --unblockapp ${path}`],
      };
    }
    case "windows":
      return {
        summary: sentences(t.windows(port), acl),
        commands: [
          "Get-NetFirewallProfile | Format-Table Name,Enabled,DefaultInboundAction",
          `Get-NetFirewallPortFilter -Protocol TCP | Where-Object LocalPort -eq ${port} | Get-NetFirewallRule | Format-Table DisplayName,Enabled,Direction,Action,Profile`,
          "Get-NetFirewallRule -Direction Inbound -Action Block -Enabled True | Format-Table DisplayName,Profile",
          `New-NetFirewallRule -DisplayName "sparkport ${port}" -Direction Inbound -Protocol TCP -LocalPort ${port} -Action Allow -RemoteAddress 100.64.0.0/10`,
        ],
      };
    case "linux":
      return {
        summary: sentences(t.linux(port), acl),
        commands: [
          "sudo ufw status verbose",
          `sudo ufw allow in on tailscale0 to any port ${port} proto tcp`,
          "sudo nft list ruleset",
          "sudo firewall-cmd --list-all",
        ],
      };
  }
}
