import type { RegistryData } from "./schema.js";
import type { SourceMap } from "./source-map.js";

export interface LoadedRegistry {
  /** As shown in messages. */
  file: string;
  absolutePath: string;
  text: string;
  data: RegistryData;
  source: SourceMap;
}
