/** @peerbridge/api: the app factory, the server runner and the router types the web portal imports. */
export { type App, type CreateAppOptions, createApp } from './app';
export { type Env, EnvError, parseEnv } from './env';
export { createLogger, type Logger } from './logger';
export { type AnalysisPool, createAnalysisPool } from './research/analysis-pool';
export type { AppRouter, RouterInputs, RouterOutputs } from './root';
export { type RunningServer, startServer } from './server';
