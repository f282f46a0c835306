import { validate, type ValidationError } from 'class-validator';
import { getNamedType, type GraphQLResolveInfo } from 'graphql';
import type { ResolverData, ValidatorFn } from 'type-graphql';
import { BadUserInputError } from './errors';

function flatten(errors: ValidationError[], prefix: string): { path: string; messages: string[] }[] {
  return errors.flatMap((error) => {
    const path = `${prefix}.${error.property}`;
    const own = error.constraints ? [{ path, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/** Input classes share their GraphQL name, so the argument holding one can be found on the field. */
function argumentName(info: GraphQLResolveInfo, typeName: string): string {
  const field = info.parentType.getFields()[info.fieldName];
  return field?.args.find((arg) => getNamedType(arg.type).name === typeName)?.name ?? 'input';
}

/**
 * class-validator on every input object, reported as BAD_USER_INPUT with the offending input paths
 * (`input.capacity`), so a form can point at the field.
 */
export const validateInput: ValidatorFn = async (value, type, resolverData: ResolverData) => {
  if (value === null || value === undefined || typeof value !== 'object' || typeof type !== 'function') return;
  const name = argumentName(resolverData.info, type.name);
  const items: [object, string][] = Array.isArray(value)
    ? value.map((item: object, index) => [item, `${name}.${index}`])
    : [[value as object, name]];
  const problems = [];
  for (const [item, path] of items) {
    problems.push(...flatten(await validate(item, { forbidUnknownValues: false }), path));
  }
  if (problems.length) {
    const message = problems.map(({ path, messages }) => `${path}: ${messages.join('; ')}`).join('. ');
    throw new BadUserInputError(
      message,
      problems.map(({ path }) => path),
    );
  }
};
