import { $ZodArray, $ZodDefault, $ZodNullable, $ZodObject, $ZodOptional, $ZodPipe, $ZodRecord, type $ZodIssue, type $ZodType } from "zod/v4/core";
import { makeFinding, type Finding } from "../findings/finding.js";
import { didYouMean } from "../util/did-you-mean.js";
import { formatPath, type PathSegment, type SourceMap } from "./source-map.js";
import { isRecord } from "../util/is-record.js";
import { plural } from "../util/plural.js";

type Issue = $ZodIssue;

/** Walks through arrays, records and optionals. */
export function allowedKeysAt(schema: AnySchema, path: readonly PathSegment[]): string[] {
  let current: AnySchema | undefined = schema;
  for (const segment of path) {
    current = current === undefined ? undefined : childSchema(unwrap(current), segment);
  }
  const object = current === undefined ? undefined : unwrap(current);
  return object instanceof $ZodObject ? Object.keys(object._zod.def.shape) : [];
}

type AnySchema = $ZodType;

function unwrap(schema: AnySchema): AnySchema {
  let current = schema;
  for (;;) {
    if (current instanceof $ZodOptional || current instanceof $ZodNullable || current instanceof $ZodDefault) current = current._zod.def.innerType;
    else if (current instanceof $ZodPipe) current = current._zod.def.in;
    else return current;
  }
}

function childSchema(schema: AnySchema, segment: PathSegment): AnySchema | undefined {
  if (schema instanceof $ZodObject && typeof segment === "string") return schema._zod.def.shape[segment];
  if (schema instanceof $ZodArray) return schema._zod.def.element;
  if (schema instanceof $ZodRecord) return schema._zod.def.valueType;
  return undefined;
}

function describeReceived(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  if (typeof value === "string") return `"${value.length > 40 ? `${value.slice(0, 37)}...` : value}"`;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return typeof value;
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let current = data;
  for (const segment of path) {
    if (!isRecord(current)) return undefined;
    current = current[String(segment)];
  }
  return current;
}

function expectedText(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "object" ? "a mapping" : issue.expected === "array" ? "a list" : `a ${issue.expected}`;
    case "invalid_value":
      return issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "too_small":
      return issue.origin === "array"
        ? `at least ${plural(Number(issue.minimum), "item")}`
        : issue.origin === "string"
          ? "a non-empty string"
          : `a number >= ${String(issue.minimum)}`;
    case "too_big":
      return `a value <= ${String(issue.maximum)}`;
    case "invalid_format":
      return issue.format === "regex" ? issue.message.replace(/^Invalid string: must match pattern .*$/, "a valid identifier") : `a valid ${issue.format}`;
    case "invalid_key":
      return "a valid key (lower-case letters, digits, '.', '_' or '-')";
    default:
      return issue.message;
  }
}

export function zodIssuesToFindings(
  issues: readonly Issue[],
  schema: $ZodType,
  data: unknown,
  source: SourceMap,
): Finding[] {
  const findings: Finding[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((p): p is PathSegment => typeof p !== "symbol");
    if (issue.code === "unrecognized_keys") {
      const allowed = allowedKeysAt(schema, path);
      for (const key of issue.keys) {
        const suggestion = didYouMean(key, allowed);
        const args = suggestion === undefined ? { key, allowed } : { key, allowed, suggestion };
        findings.push(makeFinding("schema-unknown-key", "error", args, source.keyAt(path, key)));
      }
      continue;
    }
    if (issue.code === "invalid_key") {
      const key = path.at(-1);
      findings.push(
        makeFinding("schema-invalid", "error", { expected: expectedText(issue), received: JSON.stringify(key) }, source.keyAt(path.slice(0, -1), String(key))),
      );
      continue;
    }
    const value = valueAt(data, path);
    const received = value === undefined ? `nothing: the required key "${String(path.at(-1))}" is missing` : describeReceived(value);
    // A misspelt choice (`status: runing`) gets the close one.
    const suggestion = issue.code === "invalid_value" && typeof value === "string" ? didYouMean(value, issue.values.filter((v): v is string => typeof v === "string")) : undefined;
    const args = suggestion === undefined ? { expected: expectedText(issue), received } : { expected: expectedText(issue), received, suggestion };
    findings.push(makeFinding("schema-invalid", "error", args, { ...source.at(path), path: formatPath(path) }));
  }
  return findings;
}
