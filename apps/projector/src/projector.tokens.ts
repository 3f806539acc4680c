/** Injection tokens: the ports are interfaces, so Nest needs a value to find them by. */
export const PROJECTOR_CONFIG = Symbol('PROJECTOR_CONFIG');
export const EVENT_STORE = Symbol('EVENT_STORE');
export const READ_MODEL_STORE = Symbol('READ_MODEL_STORE');
export const PROJECTIONS = Symbol('PROJECTIONS');
