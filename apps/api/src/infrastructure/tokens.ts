/** Injection tokens of the ports the infrastructure module provides. */
export const API_CONFIG = Symbol('API_CONFIG');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const SNAPSHOT_STORE = Symbol('SNAPSHOT_STORE');
export const SCORE_LOADER = Symbol('SCORE_LOADER');
export const READ_MODEL_STORE = Symbol('READ_MODEL_STORE');
export const CACHE = Symbol('CACHE');
/** The ioredis client, or null when REDIS_URL is not set. */
export const REDIS = Symbol('REDIS');
