import { ObjectType, type ObjectTypeOptions } from 'type-graphql';

/**
 * Declares an object type of the API whose plain fields read their property with no resolver around them
 * (type-graphql's `simpleResolvers`). type-graphql otherwise wraps every field in a resolver of its own, and
 * the compiled executor then calls it per field of every row: on the bed board, thousands of calls a request
 * and the most garbage of any part of it. Field resolvers and permission rules are not affected.
 */
export function ApiObjectType(name: string, options: Omit<ObjectTypeOptions, 'simpleResolvers'> = {}): ClassDecorator {
  return ObjectType(name, { ...options, simpleResolvers: true });
}
