import { createPubSub } from '@graphql-yoga/subscription';
import { isObjectType, type GraphQLObjectType } from 'graphql';
import { allow } from '../common/rules';
import { permissionMiddleware, RULES } from '../permissions';
import { buildSahayogSchema } from '../schema';

interface DescribableRule {
  name?: string;
  constructor: { name: string };
  getRules?: () => DescribableRule[];
}

/** A rule as a reviewer reads it: `chain(isAuthenticated, hasRole(ORG_ADMIN,SHELTER_COORDINATOR))`. */
function describeRule(rule: DescribableRule): string {
  if (rule.constructor.name === 'RuleTrue') return 'allow';
  if (rule.constructor.name === 'RuleFalse') return 'deny';
  if (rule.getRules) {
    const kind = rule.constructor.name.replace(/^Rule/, '').toLowerCase();
    return `${kind}(${rule.getRules().map(describeRule).join(', ')})`;
  }
  return rule.name ?? '?';
}

describe('permissions', () => {
  it('declare an explicit rule for every query, mutation and subscription', async () => {
    const schema = await buildSahayogSchema({ pubSub: createPubSub() });
    const missing: string[] = [];
    for (const root of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
      if (!root) continue;
      const rules = RULES[root.name] as Record<string, unknown> | undefined;
      for (const field of Object.keys((root as GraphQLObjectType).getFields())) {
        if (!rules || !(field in rules)) missing.push(`${root.name}.${field}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('are reviewed as one map (update the snapshot deliberately)', () => {
    const readable: Record<string, string> = {};
    for (const [type, rules] of Object.entries(RULES)) {
      if ('resolve' in (rules as object)) {
        readable[type] = describeRule(rules as unknown as DescribableRule);
        continue;
      }
      for (const [field, rule] of Object.entries(rules as Record<string, DescribableRule>)) {
        readable[`${type}.${field}`] = describeRule(rule);
      }
    }
    expect(readable).toMatchSnapshot();
  });

  it('leave unwrapped only the types whose every field is allowed', async () => {
    const schema = await buildSahayogSchema({ pubSub: createPubSub(), withPermissions: false });
    const middleware = permissionMiddleware(schema);
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      const wrapped = Object.keys((middleware[type.name] as object | undefined) ?? {});
      expect([type.name, wrapped]).toEqual([
        type.name,
        RULES[type.name] === allow ? [] : Object.keys(type.getFields()),
      ]);
    }
  });
});
