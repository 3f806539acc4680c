export * from './change';
export * from './summary';
export * from './diff';
export * from './undo';
export * from './restore';
export * from './tags';
