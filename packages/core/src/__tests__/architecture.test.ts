import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const modulesDir = path.resolve(__dirname, '../modules');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === '__tests__' ? [] : sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

describe('feature modules', () => {
  const files = sourceFiles(modulesDir);

  it('reach the database only through the request context', () => {
    // A data source or a repository taken outside the request's transaction escapes its tenant scope.
    const forbidden = [/\bDataSource\b/, /\.getRepository\(/, /\bgetManager\(/, /\bcreateQueryRunner\(/];
    const allowedFiles = new Set(['audit/audit.chain.ts']); // appends failed sign-ins in a transaction of its own
    const offences = files
      .filter((file) => !allowedFiles.has(path.relative(modulesDir, file)))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, index) => ({ line, index }))
          .filter(({ line }) => forbidden.some((pattern) => pattern.test(line)))
          .map(({ index }) => `${path.relative(modulesDir, file)}:${index + 1}`),
      );
    expect(offences).toEqual([]);
  });

  it('keep resolvers thin: no repositories, no organisation ids taken from arguments', () => {
    const resolvers = files.filter((file) => file.endsWith('.resolver.ts'));
    expect(resolvers.length).toBeGreaterThan(0);
    for (const file of resolvers) {
      const source = readFileSync(file, 'utf8');
      expect({ file, repo: /ctx\.(repo|owned|db)\(/.test(source) }).toEqual({ file, repo: false });
      expect({ file, orgArg: /@Arg\('organisationId'/.test(source) }).toEqual({ file, orgArg: false });
    }
  });

  it('never expose entities as API types', () => {
    const entityFiles = files.filter((file) => file.endsWith('.entity.ts'));
    for (const file of entityFiles) {
      expect({ file, field: /@Field\(/.test(readFileSync(file, 'utf8')) }).toEqual({ file, field: false });
    }
  });

  it('declare object types with ApiObjectType, so that plain fields run no resolver of their own', () => {
    const sources = sourceFiles(path.resolve(__dirname, '..')).filter((file) => !file.endsWith('api-object-type.ts'));
    const offences = sources.filter((file) => /@ObjectType\(/.test(readFileSync(file, 'utf8')));
    expect(offences.map((file) => path.relative(modulesDir, file))).toEqual([]);
  });
});
