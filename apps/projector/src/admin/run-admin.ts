import { loadProjectorConfig } from '../config/projector.config';
import type { AnyProjection } from '../projection/projection';
import { closeAdminContext, openAdminContext } from './admin-context';
import { rebuildText, statusText, verifyText } from './admin-output';
import { rebuild } from './rebuild';
import { status } from './status';
import { verify } from './verify';

export const ADMIN_USAGE = [
  'Usage: projections status [--json]     each projection: checkpoint, head, lag',
  '       projections rebuild <name> [--json]  rebuild one projection from position 0 and swap it in',
  '       projections verify [--json]     replay every event in memory and list read-model rows that differ',
].join('\n');

export interface AdminIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** 0 done (verify: rows match), 1 failed (verify: rows differ), 2 called wrongly. */
export type AdminExitCode = 0 | 1 | 2;

interface AdminRequest {
  action: 'status' | 'rebuild' | 'verify';
  name?: string;
  json: boolean;
}

function parseAdminArgs(argv: readonly string[]): AdminRequest | string {
  const json = argv.includes('--json');
  const unknownOption = argv.find((arg) => arg.startsWith('-') && arg !== '--json');
  if (unknownOption) return `Unknown option '${unknownOption}'`;
  const [action, ...rest] = argv.filter((arg) => arg !== '--json');
  if (action === 'rebuild') {
    if (rest.length !== 1) return 'rebuild needs exactly one projection name';
    return { action, name: rest[0], json };
  }
  if (action !== 'status' && action !== 'verify') return action === undefined ? 'No action given' : `Unknown action "${action}"`;
  if (rest.length > 0) return `Unexpected argument "${rest[0]}"`;
  return { action, json };
}

/** The admin entry's whole life: parse, open the stores, run one action, print, close. */
export async function runAdmin(argv: readonly string[], env: NodeJS.ProcessEnv, io: AdminIo, projections?: readonly AnyProjection[]): Promise<AdminExitCode> {
  const request = parseAdminArgs(argv);
  if (typeof request === 'string') {
    io.stderr(`${request}\n${ADMIN_USAGE}\n`);
    return 2;
  }
  try {
    const context = await openAdminContext(loadProjectorConfig(env), projections);
    try {
      return await perform(request, context, io);
    } finally {
      await closeAdminContext(context);
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    io.stderr(`${typeof code === 'string' ? code : 'UNEXPECTED_ERROR'}: ${(error as Error).message}\n`);
    return code === 'PROJECTION_NOT_FOUND' ? 2 : 1;
  }
}

async function perform(request: AdminRequest, context: Awaited<ReturnType<typeof openAdminContext>>, io: AdminIo): Promise<AdminExitCode> {
  const print = (value: unknown, text: string) => io.stdout(`${request.json ? JSON.stringify(value) : text}\n`);
  if (request.action === 'status') {
    const statuses = await status(context);
    print(statuses, statusText(statuses));
    return 0;
  }
  if (request.action === 'rebuild') {
    const report = await rebuild(context, request.name as string);
    print(report, rebuildText(report));
    return 0;
  }
  const report = await verify(context);
  print(report, verifyText(report));
  return report.differences.length === 0 ? 0 : 1;
}
