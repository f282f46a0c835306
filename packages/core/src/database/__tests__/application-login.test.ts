import { applicationLogin } from '../application-login';

describe("the request pool's login", () => {
  it("uses the owner's host and database as sahayog_app, with a password derived from the owner's", () => {
    const login = applicationLogin('postgres://owner:owner-secret@db.internal:5433/sahayog?sslmode=require');
    const url = new URL(login.url);
    expect({
      user: url.username,
      host: url.host,
      database: url.pathname,
      ssl: url.searchParams.get('sslmode'),
    }).toEqual({ user: 'sahayog_app', host: 'db.internal:5433', database: '/sahayog', ssl: 'require' });
    expect(login.managedPassword).toBe(decodeURIComponent(url.password));
    expect(login.managedPassword).toHaveLength(43);
    expect(login.managedPassword).not.toContain('owner-secret');
    // Every replica and test database on one server derives the same one.
    expect(applicationLogin('postgres://owner:owner-secret@elsewhere/other').managedPassword).toBe(
      login.managedPassword,
    );
    expect(applicationLogin('postgres://owner:another@db.internal:5433/sahayog').managedPassword).not.toBe(
      login.managedPassword,
    );
  });

  it('needs no password where the owner has none (trust or peer authentication)', () => {
    const login = applicationLogin('postgres://postgres@127.0.0.1:5432/test');
    expect(login).toEqual({ url: 'postgres://sahayog_app@127.0.0.1:5432/test', managedPassword: undefined });
  });

  it("takes the operator's password or whole URL instead", () => {
    const withPassword = applicationLogin('postgres://owner:x@db/sahayog', { password: 'p@ss word' });
    expect(withPassword.managedPassword).toBe('p@ss word');
    expect(decodeURIComponent(new URL(withPassword.url).password)).toBe('p@ss word');
    const given = 'postgres://gateway:own@replica-pool/sahayog';
    expect(applicationLogin('postgres://owner:x@db/sahayog', { url: given })).toEqual({
      url: given,
      managedPassword: undefined,
    });
  });
});
