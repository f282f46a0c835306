import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { assertRequestRole, buildSahayogSchema, ErrorCode, type RequestContext } from '@sahayog/core';
import cors from 'cors';
import express, { type ErrorRequestHandler } from 'express';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { WebSocketServer } from 'ws';
import type { GatewayConfig } from './config';
import { createErrorFormatter } from './errors';
import { compiledSchemaGateway } from './executor';
import { Maintenance } from './maintenance';
import { createPlatform, type PlatformOptions } from './platform';
import { bearerToken, ContextFactory } from './request-context';
import type { ResponseCache } from './response-cache';
import { subscriptionServerOptions } from './subscriptions';

export interface Gateway {
  url: string;
  httpServer: Server;
  contexts: ContextFactory;
  maintenance: Maintenance;
  /** Null when the configuration turns it off. */
  responseCache: ResponseCache | null;
  close(): Promise<void>;
}

export interface GatewayOptions extends PlatformOptions {
  logger: Logger;
  /** Where the dashboard's build is; browser tests serve a build of their own. */
  dashboardDir?: string;
}

const BODY_LIMIT = '256kb';

/**
 * Ends each request's unit of work: a mutation that reported any error writes nothing; a query commits
 * what it recorded (identity reads are audited even when another field failed). A commit that fails turns
 * the answer into an error, so nobody is told a change happened that did not.
 */
function unitOfWorkPlugin(exposeStatementCount: boolean): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response, operation }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          const failed = Boolean(result.errors?.length);
          if (failed && operation?.operation !== 'query') {
            await contextValue.unitOfWork.rollback();
          } else {
            try {
              await contextValue.unitOfWork.commit();
            } catch {
              result.data = null;
              result.errors = [
                new GraphQLError('Something went wrong on our side. Nothing was changed; please try again.', {
                  extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
                }).toJSON(),
              ];
            }
          }
          if (exposeStatementCount) {
            result.extensions = { ...result.extensions, sqlStatements: contextValue.unitOfWork.statements };
          }
        },
      };
    },
  };
}

function loggingPlugin(logger: Logger): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ request }) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ response, contextValue }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          // Operation names and error codes only: variables and results can carry identities.
          logger.info(
            {
              operation: request.operationName ?? null,
              ms: Number(process.hrtime.bigint() - started) / 1e6,
              statements: contextValue.unitOfWork.statements,
              errors: errors.map((error) => error.extensions?.['code']),
            },
            'graphql request',
          );
        },
      };
    },
  };
}

/** The dashboard's build, beside the gateway in the monorepo (`src/` under ts-jest, `dist/` when compiled). */
const DASHBOARD_DIR = path.resolve(__dirname, '../../dashboard/dist');

/**
 * The dashboard's own policy, in development too: its build has no inline script or style, and talks only to
 * this origin, over HTTP and the same host's WebSocket.
 */
function dashboardContentSecurityPolicy(): express.RequestHandler {
  // The Host header is the client's to write: only a plain host[:port] goes into the policy.
  const sameHostSocket = (req: IncomingMessage): string => {
    const host = /^[\w.-]+(:\d+)?$|^\[[\d:a-f]+\](:\d+)?$/i.test(req.headers.host ?? '')
      ? req.headers.host
      : 'localhost';
    return `ws://${host} wss://${host}`;
  };
  return helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'", sameHostSocket],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  });
}

/** Serves the built dashboard with its hashed assets cached for good and every other page path as the app. */
function dashboardRouter(directory: string): express.Router {
  const router = express.Router();
  const indexFile = path.join(directory, 'index.html');
  router.use(dashboardContentSecurityPolicy());
  router.use(
    express.static(directory, {
      index: false,
      setHeaders: (res, file) => {
        const hashed = file.startsWith(path.join(directory, 'assets') + path.sep);
        res.setHeader('Cache-Control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  router.get(/.*/, (req, res, next) => {
    if (req.path === '/healthz' || req.path.startsWith('/graphql')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile);
  });
  return router;
}

/** Malformed JSON, an oversized body: answered in the contract's shape, never as an HTML stack trace. */
const requestErrorHandler: ErrorRequestHandler = (error: { status?: number; type?: string }, _req, res, next) => {
  if (res.headersSent) return next(error);
  const status = error.status ?? 500;
  const tooLarge = error.type === 'entity.too.large';
  const malformed = error.type === 'entity.parse.failed';
  const message = tooLarge
    ? 'The request is too large.'
    : malformed
      ? 'The request body is not valid JSON.'
      : 'The request could not be processed.';
  res.status(tooLarge || malformed ? status : 400).json({
    errors: [
      { message, extensions: { code: status >= 500 ? ErrorCode.INTERNAL_SERVER_ERROR : ErrorCode.BAD_USER_INPUT } },
    ],
  });
};

/**
 * What a request may ask for before anything runs: depth, aliases, tokens and a static cost, the same for
 * HTTP and subscriptions. The dashboard's own operations are tested to stay within them.
 */
export function requestLimits(production: boolean): ReturnType<ApolloArmor['protect']> {
  return new ApolloArmor({
    maxDepth: { n: 12 },
    maxAliases: { n: 20 },
    maxDirectives: { n: 20 },
    maxTokens: { n: 4000 },
    costLimit: { maxCost: 20_000 },
    blockFieldSuggestion: { enabled: production },
  }).protect();
}

/** Serves from `dataSource`, the request pool: logged in as the application role, refused otherwise. */
export async function startGateway(
  config: GatewayConfig,
  dataSource: DataSource,
  options: GatewayOptions,
): Promise<Gateway> {
  const { logger } = options;
  await assertRequestRole(dataSource);
  const running = await createPlatform(config, dataSource, options);
  const contexts = new ContextFactory(dataSource, running.platform);
  const schema = await buildSahayogSchema({
    pubSub: running.platform.pubSub,
    withPermissions: config.withPermissions,
  });
  const formatError = createErrorFormatter(config.production, logger);
  const armor = requestLimits(config.production);

  const app = express();
  app.disable('x-powered-by');
  // An ETag is a hash of every answer, and a POSTed operation is never revalidated.
  app.set('etag', false);
  const httpServer = createServer(app);
  const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
  const wsCleanup = useServer(
    subscriptionServerOptions(schema, contexts, armor.validationRules, formatError),
    wsServer,
  );

  const apollo = new ApolloServer<RequestContext>({
    gateway: compiledSchemaGateway(schema),
    formatError,
    introspection: !config.production,
    includeStacktraceInErrorResponses: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // The CLI drains and stops everything in order on SIGINT/SIGTERM; Apollo must not race it.
    stopOnTerminationSignals: false,
    validationRules: armor.validationRules,
    plugins: [
      ...armor.plugins,
      ApolloServerPluginDrainHttpServer({ httpServer }),
      {
        async serverWillStart() {
          return { drainServer: async () => wsCleanup.dispose() };
        },
      },
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ...(config.production ? [ApolloServerPluginLandingPageDisabled()] : []),
      ...(running.responseCache ? [running.responseCache.plugin()] : []),
      unitOfWorkPlugin(config.exposeStatementCount),
      loggingPlugin(logger),
    ],
  });
  await apollo.start();

  app.use(
    helmet({
      // The development landing page (Apollo Sandbox) needs inline scripts; production serves no landing page.
      contentSecurityPolicy: config.production ? undefined : false,
      crossOriginEmbedderPolicy: false,
    }),
  );
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(
    '/graphql',
    cors({ origin: config.corsOrigins.length ? config.corsOrigins : false, credentials: false }),
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const ctx = await contexts.create(bearerToken(req.headers.authorization), req.ip ?? 'unknown');
        // A connection dropped mid-request must not leave its transaction open.
        res.once('close', () => void ctx.unitOfWork.rollback());
        return ctx;
      },
    }),
  );
  const dashboardDir = options.dashboardDir ?? DASHBOARD_DIR;
  if (existsSync(path.join(dashboardDir, 'index.html'))) app.use(dashboardRouter(dashboardDir));
  app.use(requestErrorHandler);

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  const maintenance = new Maintenance(contexts, logger);
  let closing: Promise<void> | null = null;
  maintenance.start(config.maintenanceIntervalMs);
  const { port } = httpServer.address() as AddressInfo;
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  return {
    url: `http://${shownHost}:${port}/graphql`,
    httpServer,
    contexts,
    maintenance,
    responseCache: running.responseCache,
    // Idempotent: a signal handler and a caller may both ask.
    close: () => {
      closing ??= (async () => {
        await maintenance.stop();
        await apollo.stop();
        await running.close();
      })();
      return closing;
    },
  };
}
