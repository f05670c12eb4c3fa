import type { Command } from "./define-command.js";
import { allocateCommand } from "./allocate/command.js";
import { checkCommand } from "./check/command.js";
import { completionCommand } from "./completion/command.js";
import { diffCommand } from "./diff/command.js";
import { docsCommand } from "./docs/command.js";
import { doctorCommand } from "./doctor/command.js";
import { explainCommand } from "./explain/command.js";
import { exportCommand } from "./export/command.js";
import { initCommand } from "./init/command.js";
import { lintCommand } from "./lint/command.js";
import { listCommand } from "./list/command.js";
import { moveCommand } from "./move/command.js";
import { nextCommand } from "./next/command.js";
import { releaseCommand } from "./release/command.js";
import { requestCommand } from "./request/command.js";
import { runCommand } from "./run/command.js";
import { serveCommand } from "./serve/command.js";
import { setStatusCommand } from "./set-status/command.js";
import { statusCommand } from "./status/command.js";
import { waitCommand } from "./wait/command.js";

/** In the order --help lists them. */
export const commands: readonly Command[] = [
  lintCommand,
  checkCommand,
  runCommand,
  waitCommand,
  nextCommand,
  statusCommand,
  doctorCommand,
  allocateCommand,
  requestCommand,
  releaseCommand,
  setStatusCommand,
  moveCommand,
  diffCommand,
  listCommand,
  docsCommand,
  exportCommand,
  serveCommand,
  initCommand,
  explainCommand,
  completionCommand,
];
