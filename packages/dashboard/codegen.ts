import type { CodegenConfig } from '@graphql-codegen/cli';

/** Where the code goes: src/gql, or a scratch folder when the freshness test compares a fresh run with it. */
const OUTPUT = process.env['SAHAYOG_CODEGEN_OUTPUT'] ?? 'src/gql/';

/** Typed operations from the served SDL; `npm run codegen` rewrites src/gql, a test checks it is current. */
const config: CodegenConfig = {
  schema: '../core/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    [OUTPUT]: {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string', Date: 'string', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};

export default config;
