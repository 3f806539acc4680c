export { groupSessions, type Session, type SessionOptions } from './sessions';
export { summarize, summarizeChanges, type ChangesSummaryOptions, type SummaryOptions } from './summarize';
export type { Locale } from './phrases';
