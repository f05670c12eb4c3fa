import type { CommandRunner } from "../io/command-runner.js";
import { LinuxSocketTable, type ReadText } from "./linux-socket-table.js";
import type { SocketTable } from "./listener.js";
import { MacosSocketTable } from "./macos-socket-table.js";
import { WindowsSocketTable } from "./windows-socket-table.js";

export function createSocketTable(platform: NodeJS.Platform, runner: CommandRunner, readText: ReadText): SocketTable {
  switch (platform) {
    case "linux":
      return new LinuxSocketTable({ readText, runner });
    case "win32":
      return new WindowsSocketTable(runner);
    default:
      return new MacosSocketTable(runner);
  }
}
