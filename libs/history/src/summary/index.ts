export { groupSessions, type Session, type SessionOptions } from './sessions';
export { summarize, type SummaryOptions } from './summarize';
export type { Locale } from './phrases';
