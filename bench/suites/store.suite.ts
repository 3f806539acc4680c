import type { Suite } from '../harness/suite';
import { concurrentSection } from '../store/appends/concurrent.section';
import { sequentialSection } from '../store/appends/sequential.section';
import { rebuildSection } from '../store/rebuild/rebuild.section';
import { loadVersionSection } from '../store/score/load-version.section';
import { replaySection } from '../store/score/replay.section';

/** Issue #2: the event store on SQLite (synchronous=FULL) against its ceiling and emmett-sqlite. */
export const suite: Suite = {
  name: 'store',
  description: 'SQLite event store: appends, concurrency, loading versions, replay, projection rebuild',
  sections: [sequentialSection, concurrentSection, loadVersionSection, replaySection, rebuildSection],
};
