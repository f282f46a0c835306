// Regenerates packages/core/schema.graphql from the built core: run `npm run schema`.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { servedSchemaSDL } = require('../packages/core/dist/index.js');
const target = fileURLToPath(new URL('../packages/core/schema.graphql', import.meta.url));
writeFileSync(target, await servedSchemaSDL());
console.log(`wrote ${target}`);
