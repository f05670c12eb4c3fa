import type { RegistryData } from "./schema.js";
import type { SourceMap } from "./source-map.js";

/** A registry read, parsed and validated, with the source map its findings are located by. */
export interface LoadedRegistry {
  /** The path as shown in messages. */
  file: string;
  /** The path on disk. */
  absolutePath: string;
  text: string;
  data: RegistryData;
  source: SourceMap;
}
