/**
 * A stand-in for the Pulumi CLI, handed to LocalWorkspace as its `pulumiCommand`. It records
 * every call and answers the way the CLI does: stack select/init, export/import, outputs, and
 * for preview/up it replays scripted engine events over the `--event-log` channel the Automation
 * API opened (a gRPC events server for CLI versions after 3.205, a file before).
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { EngineEvent } from '../../src/apply/events.js';
import type { PulumiCommandLike } from '../../src/apply/driver.js';

const require = createRequire(import.meta.url);
const { CommandResult } = require('@pulumi/pulumi/automation/cmd.js');
const { createCommandError } = require('@pulumi/pulumi/automation/errors.js');
const grpc = require('@grpc/grpc-js');
const { EventsClient } = require('@pulumi/pulumi/proto/events_grpc_pb.js');
const { EventRequest } = require('@pulumi/pulumi/proto/events_pb.js');
const semver = require('semver');

export type Operation = { kind: 'preview' | 'up'; phase: string };

export interface Script {
  /** Engine events of an operation; `phase` is the part of the update message after "trailback: ". */
  events?(op: Operation): EngineEvent[];
  /** stderr of a failure after the events were sent (the command exits 255). */
  fail?(op: Operation): string | undefined;
  /** Stack outputs after an `up`. */
  outputs?(op: Operation): Record<string, unknown>;
}

interface StateResource {
  urn: string;
  type: string;
  id?: string;
  custom: boolean;
  provider?: string;
}

export class FakePulumi {
  readonly command = 'pulumi';
  readonly version: unknown;
  readonly calls: string[][] = [];
  readonly operations: Operation[] = [];
  readonly stacks = new Map<string, { resources: StateResource[]; outputs: Record<string, unknown> }>();
  script: Script;

  constructor(script: Script = {}, version = '3.248.0') {
    this.script = script;
    this.version = new semver.SemVer(version);
  }

  /** What LocalWorkspace wants: the class's constructor is private, its shape is public. */
  asCommand(): PulumiCommandLike {
    return this as unknown as PulumiCommandLike;
  }

  resources(stack: string): StateResource[] {
    return this.stacks.get(stack)?.resources ?? [];
  }

  async run(args: string[], _cwd: string, _env: Record<string, string>): Promise<unknown> {
    const a = args.filter((x) => x !== '--non-interactive');
    this.calls.push(a);
    const flag = (name: string) => {
      const i = a.indexOf(name);
      return i >= 0 ? a[i + 1] : undefined;
    };
    const ok = (stdout = '') => new CommandResult(stdout, '', 0);
    const fail = (stderr: string) => {
      throw createCommandError(new CommandResult('', stderr, 255));
    };
    const stackName = flag('--stack');
    if (a[0] === 'stack' && a[1] === 'select') {
      return this.stacks.has(stackName!) ? ok() : fail(`error: no stack named '${stackName}' found`);
    }
    if (a[0] === 'stack' && a[1] === 'init') {
      if (this.stacks.has(a[2]!)) fail(`error: stack '${a[2]}' already exists`);
      this.stacks.set(a[2]!, { resources: [{ urn: `urn:pulumi:${a[2]}::trailback::pulumi:pulumi:Stack::trailback-${a[2]}`, type: 'pulumi:pulumi:Stack', custom: false }], outputs: {} });
      return ok();
    }
    const stack = this.stacks.get(stackName ?? '');
    if (a[0] === 'stack' && a[1] === 'export') {
      return ok(JSON.stringify({ version: 3, deployment: { manifest: { time: '2026-10-14T00:00:00Z', magic: 'x', version: 'v3.248.0' }, resources: stack?.resources ?? [] } }));
    }
    if (a[0] === 'stack' && a[1] === 'import') {
      const doc = JSON.parse(readFileSync(flag('--file')!, 'utf8'));
      stack!.resources = doc.deployment.resources;
      return ok();
    }
    if (a[0] === 'stack' && a[1] === 'output') return ok(JSON.stringify(stack?.outputs ?? {}));
    if (a[0] === 'stack' && a[1] === 'history') return ok('[]');
    if (a[0] === 'preview' || a[0] === 'up') {
      const op: Operation = { kind: a[0], phase: (flag('--message') ?? '').replace(/^trailback: /, '') };
      this.operations.push(op);
      const events = this.script.events?.(op) ?? [];
      await deliver(flag('--event-log')!, [...events, { summaryEvent: { resourceChanges: {} } }]);
      if (op.kind === 'up' && stack) applyToState(stack.resources, events);
      const error = this.script.fail?.(op);
      if (error) fail(error);
      if (op.kind === 'up' && stack) stack.outputs = this.script.outputs?.(op) ?? {};
      return ok();
    }
    return ok();
  }
}

/** Sends events the way the CLI does: over the Automation API's gRPC events server, or into its log file. */
async function deliver(target: string, events: EngineEvent[]): Promise<void> {
  const numbered = events.map((e, i) => ({ sequence: i + 1, timestamp: 1_790_000_000 + i, ...e }));
  if (!target.startsWith('tcp://')) {
    for (const e of numbered) appendFileSync(target, JSON.stringify(e) + '\n');
    return;
  }
  const client = new EventsClient(target.slice('tcp://'.length), grpc.credentials.createInsecure());
  await new Promise<void>((resolve, reject) => {
    const call = client.streamEvents((err: Error | null) => (err ? reject(err) : resolve()));
    for (const e of numbered) call.write(new EventRequest().setEvent(JSON.stringify(e)));
    call.end();
  });
  client.close();
}

const KEEP = new Set(['create', 'update', 'import', 'same', 'replace', 'create-replacement']);

function applyToState(resources: StateResource[], events: EngineEvent[]): void {
  for (const e of events) {
    const out = e.resOutputsEvent;
    if (!out || out.planning) continue;
    const m = out.metadata;
    const i = resources.findIndex((r) => r.urn === m.urn);
    if (KEEP.has(m.op)) {
      const provider = (m as { provider?: string }).provider;
      if (provider && !resources.some((r) => `${r.urn}::${r.id}` === provider)) {
        const [urn, id] = [provider.slice(0, provider.lastIndexOf('::')), provider.slice(provider.lastIndexOf('::') + 2)];
        resources.push({ urn, id, type: urn.split('::')[2]!, custom: true });
      }
      const r: StateResource = { urn: m.urn, type: m.type, id: m.new?.id, custom: true, ...(provider && { provider }) };
      if (i >= 0) resources[i] = r;
      else resources.push(r);
    } else if ((m.op === 'delete' || m.op === 'delete-replaced') && i >= 0) {
      resources.splice(i, 1);
    }
  }
}

/** Engine events as the CLI would emit them for trailback's resources. */
export const ev = {
  read(urn: string, type: string, inputs: Record<string, unknown>): EngineEvent[] {
    const metadata = { op: 'read', urn, type, new: { urn, type, id: urn.split('::').pop()!, inputs, outputs: inputs } };
    return [{ resourcePreEvent: { metadata, planning: true } }, { resOutputsEvent: { metadata, planning: true } }];
  },
  readFails(urn: string, message: string): EngineEvent[] {
    return [{ diagnosticEvent: { urn, severity: 'error', message } }];
  },
  done(urn: string, type: string, op: string, opts: { id?: string; planning?: boolean; provider?: string } = {}): EngineEvent[] {
    const metadata = { op, urn, type, new: { urn, type, id: opts.id ?? 'id', inputs: {}, outputs: {} }, ...(opts.provider && { provider: opts.provider }) };
    return [{ resourcePreEvent: { metadata, planning: opts.planning ?? false } }, { resOutputsEvent: { metadata, planning: opts.planning ?? false } }];
  },
  failed(urn: string, type: string, op: string, message: string): EngineEvent[] {
    const metadata = { op, urn, type };
    return [{ resourcePreEvent: { metadata } }, { diagnosticEvent: { urn, severity: 'error', message } }, { resOpFailedEvent: { metadata, status: 1, steps: 1 } }];
  },
};
