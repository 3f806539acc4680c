export * from './domain-error';
export * from './event-does-not-apply';
export * from './define-error';
