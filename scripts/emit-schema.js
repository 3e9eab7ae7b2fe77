#!/usr/bin/env node
'use strict';
// Build step: writes the JSON Schema generated from src/model/schema.ts (TypeBox) next to
// the compiled module, so the CLI reads JSON at run time instead of loading TypeBox.
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { jsonSchema } = require('../dist/model/schema.js');
const { GENERATED_SCHEMA_FILE } = require('../dist/model/report-json-schema.js');
writeFileSync(GENERATED_SCHEMA_FILE, JSON.stringify(jsonSchema(), null, 2) + '\n');
