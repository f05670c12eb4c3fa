import { z } from "zod";
import { registrySchema } from "./schema.js";

/** The JSON Schema of ports.yaml, as checked in at registry/ports.schema.json. */
export function registryJsonSchemaText(): string {
  const schema = z.toJSONSchema(registrySchema, { io: "input", target: "draft-7" });
  return `${JSON.stringify({ ...schema, title: "sparkport ports.yaml" }, null, 2)}\n`;
}
