// Child process for the key store race test: creates (or reads) keys for the same subjects as its
// sibling, at the same time, and prints what it got.
import { SqliteKeyStore } from '../../../src/adapters/sqlite/sqlite-key-store';

async function main(): Promise<void> {
  const [file, count] = process.argv.slice(2);
  const keys = new SqliteKeyStore(file);
  const got: Record<string, string> = {};
  for (let i = 0; i < Number(count); i++) got[`subject-${i}`] = (await keys.getOrCreateKey(`subject-${i}`)).toString('hex');
  await keys.close();
  process.stdout.write(JSON.stringify(got));
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
