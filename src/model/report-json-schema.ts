import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The subset of JSON Schema the report schema uses. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  type?: string;
  title?: string;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  pattern?: string;
  format?: string;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
}

/**
 * Where the build writes the schema generated from `schema.ts`: dist/model/. The path goes
 * through `..` so that it holds from the CLI bundle in dist/bundle/ as well.
 */
export const GENERATED_SCHEMA_FILE = join(__dirname, '..', 'model', 'report-schema.json');

let cached: JsonSchema | undefined;

/**
 * The JSON Schema of the data contract. The build generates it from the TypeBox
 * definitions in `schema.ts` (the single source), so the CLI starts without loading
 * TypeBox (~90 ms); running from source (tests), it is built from TypeBox directly.
 */
export function reportJsonSchema(): JsonSchema {
  if (cached) return cached;
  if (existsSync(GENERATED_SCHEMA_FILE)) cached = JSON.parse(readFileSync(GENERATED_SCHEMA_FILE, 'utf8')) as JsonSchema;
  else cached = (require('./schema') as typeof import('./schema')).jsonSchema() as JsonSchema;
  return cached;
}
