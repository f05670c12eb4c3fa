// Regenerates registry/ports.schema.json from the zod schema (run `npm run schema`).
// test/json-schema.test.ts fails when the checked-in file is stale.
import { writeFileSync } from "node:fs";
import { registryJsonSchemaText } from "../dist/registry/json-schema.js";

const target = new URL("../registry/ports.schema.json", import.meta.url);
writeFileSync(target, registryJsonSchemaText());
console.log(`wrote ${target.pathname}`);
