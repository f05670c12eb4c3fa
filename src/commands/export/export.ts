import path from "node:path";
import { UsageError } from "../../findings/errors.js";
import { fileError } from "../../io/file-error.js";
import { errorCode } from "../../io/file-system.js";
import { buildModel } from "../../registry/model.js";
import { openRegistry, type RegistryOptions } from "../../registry/open-registry.js";
import { prometheusTargets, targetsJson, type PrometheusTargets } from "../../render/prometheus-targets.js";
import { unknownNameText } from "../../util/unknown-name.js";
import { exportWords } from "../../words/export-words.js";
import { EXPORT_TARGETS, SD_FORMATS } from "./export-names.js";


export interface ExportOptions extends RegistryOptions {
  target: string;
  format: string;
  write?: string | undefined;
}

export interface ExportResult extends PrometheusTargets {
  format: (typeof SD_FORMATS)[number];
  json: string;
  written: string | null;
  /** With --write: created, replaced, or already the same bytes (then left alone, so Prometheus re-reads nothing). */
  outcome: "created" | "updated" | "unchanged" | null;
}

function known<T extends string>(value: string, list: readonly T[], head: string, label: string): T {
  const found = list.find((v) => v === value);
  if (found === undefined) throw new UsageError(unknownNameText(head, value, list, label));
  return found;
}

/** The registry's ports as Prometheus service discovery JSON, printed or written atomically to a file. */
export async function exportTargets(options: ExportOptions): Promise<ExportResult> {
  const w = exportWords();
  known(options.target, EXPORT_TARGETS, w.unknownTarget(options.target), w.targets);
  const format = known(options.format, SD_FORMATS, w.unknownFormat(options.format), w.formats);
  const targets = prometheusTargets(buildModel(await openRegistry(options)));
  const json = targetsJson(targets.groups);
  const file = options.write;
  if (file === undefined) return { ...targets, format, json, written: null, outcome: null };
  const absolute = path.resolve(options.cwd, file);
  let before: string | undefined;
  try {
    before = new TextDecoder("utf-8").decode(await options.fs.readFile(absolute));
  } catch (error) {
    if (errorCode(error) !== "ENOENT") throw fileError(error, "read", file);
  }
  if (before === json) return { ...targets, format, json, written: file, outcome: "unchanged" };
  try {
    await options.fs.writeFile(absolute, json);
  } catch (error) {
    throw errorCode(error) === undefined ? error : fileError(error, "write", file);
  }
  return { ...targets, format, json, written: file, outcome: before === undefined ? "created" : "updated" };
}
