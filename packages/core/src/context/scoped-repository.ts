import type { EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral, Repository } from 'typeorm';

interface Owned extends ObjectLiteral {
  id: string;
  organisationId: string;
}

/**
 * A repository that only ever sees the caller's organisation's rows: every read and write it offers
 * adds `organisation_id = <caller's organisation>`, so a service cannot forget the tenant. Another
 * organisation's row is indistinguishable from a missing one.
 */
export class OwnedRepository<T extends Owned> {
  readonly repository: Repository<T>;

  constructor(
    manager: EntityManager,
    target: EntityTarget<T>,
    readonly organisationId: string,
  ) {
    this.repository = manager.getRepository(target);
  }

  private scope(where: FindOptionsWhere<T>): FindOptionsWhere<T> {
    return { ...where, organisationId: this.organisationId } as FindOptionsWhere<T>;
  }

  findOne(id: string): Promise<T | null> {
    return this.repository.findOneBy(this.scope({ id } as FindOptionsWhere<T>));
  }

  /** Locks the row for the rest of the transaction, for read-modify-write. */
  findOneForUpdate(id: string): Promise<T | null> {
    return this.repository.findOne({
      where: this.scope({ id } as FindOptionsWhere<T>),
      lock: { mode: 'pessimistic_write' },
    });
  }

  find(where: FindOptionsWhere<T> = {}): Promise<T[]> {
    return this.repository.findBy(this.scope(where));
  }

  create(values: Omit<T, 'organisationId' | 'id'> & Partial<Pick<T, 'id'>>): T {
    return this.repository.create({ ...values, organisationId: this.organisationId } as unknown as T);
  }

  save(entity: T): Promise<T> {
    if (entity.organisationId !== this.organisationId) throw new Error('row belongs to another organisation');
    return this.repository.save(entity);
  }
}
