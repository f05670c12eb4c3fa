import { toJSONSchema } from "zod/mini";
import { registrySchema } from "./schema.js";

/** As checked in at registry/ports.schema.json. */
export function registryJsonSchemaText(): string {
  const schema = toJSONSchema(registrySchema, { io: "input", target: "draft-7" });
  return `${JSON.stringify({ ...schema, title: "sparkport ports.yaml" }, null, 2)}\n`;
}
