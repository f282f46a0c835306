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
function inputArgumentName(info: GraphQLResolveInfo, typeName: string): string {
  const field = info.parentType.getFields()[info.fieldName];
  return field?.args.find((arg) => getNamedType(arg.type).name === typeName)?.name ?? 'input';
}

/** A scalar argument reaches the validator as the value graphql-js coerced, so it is found by identity. */
function scalarArgumentName(value: unknown, args: Record<string, unknown>): string {
  return Object.entries(args).find(([, arg]) => arg === value)?.[0] ?? 'input';
}

/**
 * Control characters other than tab and line breaks, and lone UTF-16 surrogates: PostgreSQL refuses NUL in
 * text, the driver would silently turn a lone surrogate into U+FFFD, and neither belongs in a name or a note.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSTORABLE_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|\p{Surrogate}/u;

function unstorableTextPaths(value: unknown, path: string): string[] {
  if (typeof value === 'string') return UNSTORABLE_TEXT.test(value) ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((item, index) => unstorableTextPaths(item, `${path}.${index}`));
  if (value !== null && typeof value === 'object' && !(value instanceof Date))
    return Object.entries(value).flatMap(([key, item]) => unstorableTextPaths(item, `${path}.${key}`));
  return [];
}

/**
 * Every argument of every resolver passes here before its service sees it: text that cannot be stored is
 * refused in any argument, and class-validator runs on every input object. Both are reported as
 * BAD_USER_INPUT with the offending input paths (`input.capacity`), so a form can point at the field.
 */
export const validateInput: ValidatorFn = async (value, type, resolverData: ResolverData) => {
  if (value === null || value === undefined) return;
  const isInputObject = typeof value === 'object' && typeof type === 'function';
  const name = isInputObject
    ? inputArgumentName(resolverData.info, type.name)
    : scalarArgumentName(value, resolverData.args);
  const unstorable = unstorableTextPaths(value, name);
  if (unstorable.length) {
    throw new BadUserInputError(`${unstorable.join(', ')}: contains control characters or broken text.`, unstorable, {
      reason: 'UNSTORABLE_TEXT',
    });
  }
  if (!isInputObject) return;
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
