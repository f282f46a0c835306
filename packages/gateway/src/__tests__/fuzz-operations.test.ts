import { ErrorCode, servedSchemaSDL } from '@sahayog/core';
import { TestGateway, registerSubject, type GraphQLClient } from '@sahayog/testing';
import fc from 'fast-check';
import {
  buildSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Random and malformed input to every mutation and query, as a network's worth of buggy integrations would send it:
 * only coded errors may come back (never INTERNAL_SERVER_ERROR), and a refused call writes nothing.
 */
const RUNS_PER_FIELD = 25;
/** A refused sign-in or step is itself audited. */
const UNCHECKED_TABLES = ['audit_event'];
/** Every contract code but the one that means we failed. */
const CODES: ReadonlySet<string> = new Set(
  Object.values(ErrorCode).filter((code) => code !== ErrorCode.INTERNAL_SERVER_ERROR),
);

let t: TestGateway;
let schema: GraphQLSchema;
let clients: GraphQLClient[];
let knownIds: string[];

beforeAll(async () => {
  t = await TestGateway.start({ throttleLimits: { perAccount: 1000, perAddress: 100_000, windowSeconds: 60 } });
  schema = buildSchema(await servedSchemaSDL());
  // Several roles, so random calls get past the permission rules into the services.
  clients = await Promise.all(
    [
      'admin@jkps.demo',
      'caseworker@jkps.demo',
      'coordinator@mahima.demo',
      'liaison@newlight.demo',
      'network@sahayog.demo',
    ].map((email) => t.signIn(email)),
  );
  await registerSubject(clients[1] as GraphQLClient);
  const rows = await t.sql<{ id: string }>(
    `SELECT id::text FROM organisation UNION ALL SELECT id::text FROM facility UNION ALL SELECT id::text FROM bed_unit
     UNION ALL SELECT id::text FROM subject UNION ALL SELECT id::text FROM app_user LIMIT 60`,
  );
  knownIds = rows.map((row) => row.id);
});
afterAll(() => t.close());

/** Mostly well-typed values with hostile content, so most calls pass coercion and reach the services. */
function scalarValue(name: string): fc.Arbitrary<unknown> {
  const junk = fc.oneof(fc.string({ maxLength: 40 }), fc.integer(), fc.boolean(), fc.constant(''));
  const typed = (arbitrary: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
    fc.oneof({ weight: 12, arbitrary }, { weight: 1, arbitrary: junk });
  switch (name) {
    case 'ID':
      return typed(
        fc.oneof(
          { weight: 4, arbitrary: fc.constantFrom(...knownIds) },
          { weight: 2, arbitrary: fc.uuid() },
          { weight: 1, arbitrary: fc.string({ maxLength: 50 }) },
        ),
      );
    case 'Int':
      return typed(
        fc.oneof({ weight: 4, arbitrary: fc.integer({ min: -5, max: 200 }) }, { weight: 1, arbitrary: fc.integer() }),
      );
    case 'Float':
      return typed(fc.double({ noNaN: true }));
    case 'Boolean':
      return typed(fc.boolean());
    case 'DateTime':
      return typed(
        fc
          .date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2200-01-01') })
          .map((d) => d.toISOString()),
      );
    case 'Date':
      return typed(
        fc
          .date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2200-01-01') })
          .map((d) => d.toISOString().slice(0, 10)),
      );
    default:
      return typed(
        fc.oneof(
          fc.string({ maxLength: 300 }),
          fc.string({ unit: 'binary', maxLength: 50 }),
          fc.constant('x'.repeat(5000)),
          fc.constant('   '),
          fc.constantFrom('IN', 'BD', 'np', 'ZZ', "'; DROP TABLE subject; --", '<script>alert(1)</script>'),
        ),
      );
  }
}

function inputValue(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type))
    return fc.oneof(
      { weight: 9, arbitrary: inputValue(type.ofType, depth) },
      { weight: 1, arbitrary: fc.constant(null) },
    );
  if (isListType(type))
    return fc.oneof(fc.array(inputValue(type.ofType, depth + 1), { maxLength: 4 }), scalarValue('String'));
  if (isEnumType(type))
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...type.getValues().map((v) => v.value as string)) },
      { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
    );
  if (isInputObjectType(type)) {
    if (depth > 3) return fc.constant(null);
    const fields = Object.values(type.getFields());
    return fc.record(Object.fromEntries(fields.map((field) => [field.name, inputValue(field.type, depth + 1)])), {
      requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name),
    });
  }
  if (isScalarType(type)) return scalarValue(type.name);
  return fc.anything();
}

/** The cheapest selection a mutation's answer allows. */
function selection(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (!isObjectType(type)) return '';
  const fields = type.getFields();
  return fields['id'] ? '{ id }' : '{ __typename }';
}

const OPERATIONS = [
  // Queries first: the mutations' random calls may deactivate the very accounts the clients are signed in with.
  { kind: 'query', fields: () => schema.getQueryType()?.getFields(), atLeast: 15 },
  { kind: 'mutation', fields: () => schema.getMutationType()?.getFields(), atLeast: 25 },
] as const;

describe.each(OPERATIONS)('fuzzing every $kind', ({ kind, fields, atLeast }) => {
  const total = { calls: 0, refused: 0, reachedServices: 0 };
  afterAll(() => {
    console.log(
      `fuzzing ${kind} fields: ${total.calls} calls, ${total.refused} refused with a coded error, none internal, ${total.reachedServices} past coercion`,
    );
  });

  it('answers random and malformed input with coded errors only, and a refusal writes nothing', async () => {
    const operations = Object.values(fields() ?? {});
    expect(operations.length).toBeGreaterThan(atLeast);
    for (const field of operations) {
      const variables = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
      const args = field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
      const query = `${kind} Fuzz${variables ? `(${variables})` : ''} { ${field.name}${args ? `(${args})` : ''} ${selection(field)} }`;
      const argsArbitrary = fc.record(Object.fromEntries(field.args.map((arg) => [arg.name, inputValue(arg.type)])));
      await fc.assert(
        fc.asyncProperty(argsArbitrary, fc.nat({ max: clients.length - 1 }), async (values, who) => {
          const before = await t.snapshot(UNCHECKED_TABLES);
          const response = await (clients[who] as GraphQLClient).request(query, values);
          total.calls++;
          const codes = (response.errors ?? []).map((error) => error.extensions?.['code'] as string);
          for (const code of codes) {
            if (!CODES.has(code))
              throw new Error(
                `${field.name} answered ${code}: ${JSON.stringify(response.errors)} for ${JSON.stringify(values)}`,
              );
          }
          if (!response.errors?.some((error) => error.extensions?.['reason'])) total.reachedServices++;
          if (codes.length > 0) {
            total.refused++;
            expect({ field: field.name, tables: await t.snapshot(UNCHECKED_TABLES) }).toEqual({
              field: field.name,
              tables: before,
            });
          }
          expect([200, 400]).toContain(response.status);
        }),
        { numRuns: RUNS_PER_FIELD },
      );
    }
  }, 300_000);
});
