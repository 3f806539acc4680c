export * from './account.commands';
export * from './account.events';
export * from './account.state';
export * from './account.errors';
export * from './account.decide';
export * from './account.evolve';
export * from './session.types';
export * from './session.decide';
