import { isObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type ResolverMethod = (...params: unknown[]) => unknown;

/**
 * Calls the field resolvers that take only their parent and the request context (`BedUnit.facility`,
 * `Referral.subject`, … one call per row of a list) directly, instead of through type-graphql's handler,
 * which sorts the parameter list and builds an object for the call every time: on the bed board that was the
 * largest source of garbage left. A resolver with arguments, `info`, middlewares or role checks keeps
 * type-graphql's handler. Parents are passed as they are: every service hands out instances of the API
 * classes, which is what type-graphql's handler would convert them to.
 */
export function callFieldResolversDirectly(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  const typeNames = new Map(storage.objectTypes.map((type) => [type.target, type.name]));
  const resolverInstances = new Map<unknown, Record<string, ResolverMethod>>();
  for (const resolver of storage.fieldResolvers) {
    if (resolver.kind !== 'external' || resolver.middlewares?.length || resolver.roles?.length) continue;
    const params = [...(resolver.params ?? [])].sort((a, b) => a.index - b.index);
    const parentOnly = params.every(
      (param) => (param.kind === 'root' || param.kind === 'context') && param.propertyName === undefined,
    );
    const typeName = resolver.getObjectType && typeNames.get(resolver.getObjectType());
    const type = typeName ? schema.getType(typeName) : undefined;
    const field = isObjectType(type) ? type.getFields()[resolver.schemaName] : undefined;
    if (!parentOnly || !field) continue;
    let instance = resolverInstances.get(resolver.target);
    if (!instance) {
      instance = new (resolver.target as new () => Record<string, ResolverMethod>)();
      resolverInstances.set(resolver.target, instance);
    }
    const method = (instance[resolver.methodName] as ResolverMethod).bind(instance);
    const rootFirst = params[0]?.kind === 'root';
    field.resolve =
      params.length === 1
        ? (parent, _args, ctx) => method(rootFirst ? parent : ctx)
        : rootFirst
          ? (parent, _args, ctx) => method(parent, ctx)
          : (parent, _args, ctx) => method(ctx, parent);
  }
}
