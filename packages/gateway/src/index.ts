export { loadConfig, ConfigError, type GatewayConfig } from './config';
export { requestLimits, startGateway, type Gateway, type GatewayOptions } from './server';
export { startEmbeddedDatabase, type EmbeddedDatabase } from './embedded-database';
