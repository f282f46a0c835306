import { servedSchemaSDL } from '@sahayog/core';
import { requestLimits } from '@sahayog/gateway';
import { buildSchema, validate, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import * as generated from '../../src/gql/graphql';

const operations = Object.values(generated).filter(
  (value): value is DocumentNode => typeof value === 'object' && value !== null && value.kind === 'Document',
);

function operationName(document: DocumentNode): string {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === 'OperationDefinition',
  );
  return operation?.name?.value ?? '(anonymous)';
}

describe("the dashboard's operations", () => {
  it('all stay within the depth, alias and cost limits the gateway refuses requests beyond', async () => {
    const schema = buildSchema(await servedSchemaSDL());
    const { validationRules } = requestLimits(true);
    expect(operations.length).toBeGreaterThan(40);
    const refused = operations
      .map((document) => ({
        operation: operationName(document),
        errors: validate(schema, document, validationRules).map((error) => error.message),
      }))
      .filter(({ errors }) => errors.length > 0);
    expect(refused).toEqual([]);
  });
});
