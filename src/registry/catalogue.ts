import * as z from "zod/mini";
import { readPackageFile } from "../io/package-root.js";
import { useEnglishMessages } from "../util/zod-english.js";

const catalogueSchema = z.strictObject({
  description: z.string(),
  ports: z.array(
    z.strictObject({
      port: z.number().check(z.int(), z.gte(1), z.lte(65535)),
      tool: z.string().check(z.minLength(1)),
      /** Other names the tool goes by in a registry (a service named "fastapi" runs uvicorn). */
      aliases: z._default(z.array(z.string()), []),
      note: z.optional(z.string()),
    }),
  ),
});

export type Catalogue = z.output<typeof catalogueSchema>;
export type CatalogueEntry = Catalogue["ports"][number];

export const CATALOGUE_FILE = "well-known-ports.json";

export function parseCatalogue(text: string): Catalogue {
  useEnglishMessages();
  return catalogueSchema.parse(JSON.parse(text));
}

/** The catalogue shipped in registry/; a broken one is a packaging bug, so it throws. */
export function loadCatalogue(): Catalogue {
  return parseCatalogue(readPackageFile("registry", CATALOGUE_FILE));
}

const normalise = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Whether any of `names` is the entry's tool or one of its aliases. */
export function catalogueEntryMatches(entry: CatalogueEntry, names: readonly string[]): boolean {
  const wanted = new Set([entry.tool, ...entry.aliases].map(normalise));
  return names.some((name) => {
    const n = normalise(name);
    return wanted.has(n) || [...wanted].some((w) => w.length >= 4 && n.startsWith(w));
  });
}
