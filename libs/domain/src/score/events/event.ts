/** What decide returns and evolve consumes; the event store adds the envelope (ids, version, metadata). */
export interface DomainEvent<Type extends string, Data> {
  type: Type;
  data: Data;
}
