/**
 * `trailback events` end to end: every filter, every output format and --summary, on the real
 * invictus trail (expected numbers computed here from the raw records) and on our own fixtures
 * for what invictus lacks (IPv6, ActionTrail). The filter matrix runs the events command in
 * process (support/inprocess.ts: same commander wiring and code, no process start); the key
 * checks (--key … --writes = 413, table output, --summary table, stdin) run the built CLI.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { available, DATASETS, failedCall, isWriteByReaderRule, rawEvents, REPO_ROOT } from '../trail/support/datasets.js';
import { runEvents } from './support/inprocess.js';
import { ensureBuilt, jsonl, runCli } from './support/run.js';

type Rec = Record<string, any>;
const INVICTUS = DATASETS.invictus;
const KEY = 'AKIATFQR7NSC8Q4X20BJ';
const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'trail', 'normalize');

beforeAll(ensureBuilt);

/** The events command run in process (see support/inprocess.ts); the built CLI is used where it matters. */
async function events(args: string[]): Promise<Rec[]> {
  const r = await runEvents([...args, '--format', 'jsonl']);
  expect(r.error).toBeUndefined();
  expect(r.stderr).toBe('');
  return jsonl(r.stdout);
}

describe.skipIf(!available(INVICTUS, 'dataset invictus'))('events on invictus: filters against independent counts', () => {
  let raw: Rec[];
  const ids = (list: Rec[]): string[] => list.map((r) => String(r.eventID ?? r.id)).sort();
  const rawWhere = (p: (r: Rec) => boolean): string[] => ids(raw.filter(p));
  beforeAll(() => {
    raw = rawEvents(INVICTUS).map((r) => r.record);
    expect(raw.length).toBe(2900);
  });

  it('no filter: every event once, sorted by time', async () => {
    const all = await events([INVICTUS]);
    expect(all.length).toBe(2900);
    expect(all.every((e, i) => i === 0 || all[i - 1]!.epochMs <= e.epochMs)).toBe(true);
  });

  it('--key … --writes (built CLI): 504 writes, 413 of them successful (SOURCE.md), 95 event names', async () => {
    const r = runCli(['events', INVICTUS, '--key', KEY, '--writes', '--format', 'jsonl']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const got = jsonl<Rec>(r.stdout);
    const expected = rawWhere((r) => r.userIdentity?.accessKeyId === KEY && isWriteByReaderRule(r));
    expect(ids(got)).toEqual(expected);
    const ok = got.filter((e) => e.error === undefined);
    expect(ok.length).toBe(413);
    expect(new Set(ok.map((e) => e.name)).size).toBe(95);
    expect(ok.length).toBe(raw.filter((r) => r.userIdentity?.accessKeyId === KEY && isWriteByReaderRule(r) && !failedCall(r)).length);
  });

  it('--writes, --failed and both', async () => {
    const writes = await events([INVICTUS, '--writes']);
    expect(ids(writes)).toEqual(rawWhere(isWriteByReaderRule));
    expect(writes.length).toBe(574);
    expect(ids(await events([INVICTUS, '--failed']))).toEqual(rawWhere(failedCall));
    expect(ids(await events([INVICTUS, '--writes', '--failed']))).toEqual(ids(writes.filter((e) => e.error !== undefined)));
    expect(writes.filter((e) => e.error !== undefined).length).toBe(574 - 480);
  });

  it('--since/--until: inclusive, UTC when no zone, offsets honoured', async () => {
    const from = Date.parse('2023-07-10T12:00:00Z');
    const to = Date.parse('2023-07-10T12:10:00Z');
    const expected = rawWhere((r) => Date.parse(r.eventTime) >= from && Date.parse(r.eventTime) <= to);
    expect(expected.length).toBeGreaterThan(100);
    expect(ids(await events([INVICTUS, '--since', '2023-07-10T12:00:00Z', '--until', '2023-07-10T12:10:00Z']))).toEqual(expected);
    expect(ids(await events([INVICTUS, '--since', '2023-07-10 12:00:00', '--until', '2023-07-10T12:10'])).length).toBe(expected.length);
    expect(ids(await events([INVICTUS, '--since', '2023-07-10T14:00:00+02:00', '--until', '2023-07-10T07:10:00-05:00']))).toEqual(expected);
    // an instant shared by several events: both bounds at it select exactly those
    const t = raw[0]!.eventTime as string;
    expect(ids(await events([INVICTUS, '--since', t, '--until', t]))).toEqual(rawWhere((r) => r.eventTime === t));
  });

  it('--actor: user name, ARN, glob; assumed roles by role name or session', async () => {
    const bert = rawWhere((r) => r.userIdentity?.userName === 'bert-jan');
    expect(bert.length).toBeGreaterThan(1000);
    expect(ids(await events([INVICTUS, '--actor', 'bert-jan']))).toEqual(bert);
    // by ARN: all but CheckMfa, whose userIdentity has the user name but no arn
    const arn = 'arn:aws:iam::123837392027:user/bert-jan';
    expect(ids(await events([INVICTUS, '--actor', arn]))).toEqual(rawWhere((r) => r.userIdentity?.arn === arn));
    expect(bert.length - rawWhere((r) => r.userIdentity?.arn === arn).length).toBe(1);
    expect(ids(await events([INVICTUS, '--actor', 'BERT-*']))).toEqual(bert);
    const role = raw.find((r) => r.userIdentity?.type === 'AssumedRole')!;
    const roleName = role.userIdentity.sessionContext.sessionIssuer.userName as string;
    const expected = rawWhere((r) => r.userIdentity?.sessionContext?.sessionIssuer?.userName === roleName);
    expect(ids(await events([INVICTUS, '--actor', roleName]))).toEqual(expected);
  });

  it('--ip: CIDR, single address, literal "AWS Internal"; repeated = any of them', async () => {
    const inBlock = rawWhere((r) => typeof r.sourceIPAddress === 'string' && r.sourceIPAddress.startsWith('192.168.10.'));
    expect(inBlock.length).toBeGreaterThan(0);
    expect(ids(await events([INVICTUS, '--ip', '192.168.10.0/24']))).toEqual(inBlock);
    expect(ids(await events([INVICTUS, '--ip', '192.168.10.20']))).toEqual(rawWhere((r) => r.sourceIPAddress === '192.168.10.20'));
    const internal = rawWhere((r) => r.sourceIPAddress === 'AWS Internal');
    expect(internal.length).toBeGreaterThan(0);
    expect(ids(await events([INVICTUS, '--ip', 'AWS Internal']))).toEqual(internal);
    expect(ids(await events([INVICTUS, '--ip', '192.168.10.0/24', '--ip', 'AWS Internal']))).toEqual([...inBlock, ...internal].sort());
  });

  it('--service (with or without .amazonaws.com), --event globs and lists, --region', async () => {
    const ec2 = rawWhere((r) => r.eventSource === 'ec2.amazonaws.com');
    expect(ec2.length).toBe(892); // SOURCE.md
    expect(ids(await events([INVICTUS, '--service', 'ec2']))).toEqual(ec2);
    expect(ids(await events([INVICTUS, '--service', 'ec2.amazonaws.com']))).toEqual(ec2);
    expect(ids(await events([INVICTUS, '--event', 'Create*']))).toEqual(rawWhere((r) => /^Create/.test(r.eventName)));
    expect(ids(await events([INVICTUS, '--event', 'createvpc,DeleteVpc', '--event', 'RunInstances']))).toEqual(
      rawWhere((r) => ['CreateVpc', 'DeleteVpc', 'RunInstances'].includes(r.eventName)),
    );
    expect((await events([INVICTUS, '--region', 'us-east-1'])).length).toBe(2900);
    expect((await events([INVICTUS, '--region', 'eu-west-1'])).length).toBe(0);
  });

  it('--format json is the same events as jsonl; table has a header and one row per event', async () => {
    const args = [INVICTUS, '--key', KEY, '--event', 'Delete*'];
    const lines = await events(args);
    const json = await runEvents([...args, '--format', 'json']);
    expect(JSON.parse(json.stdout)).toEqual(lines);
    const table = runCli(['events', ...args, '--format', 'table']);
    expect(table.status).toBe(0);
    const rows = table.stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^TIME\s+ACTOR\s+KEY\s+IP\s+EVENT\s+RESOURCE\s+RESULT$/);
    expect(rows.length).toBe(lines.length + 1);
    expect(rows[1]).toContain(lines[0]!.time);
    expect(rows.filter((r) => r.includes(KEY)).length).toBe(lines.length);
    const empty = await runEvents([INVICTUS, '--region', 'nowhere', '--format', 'json']);
    expect(JSON.parse(empty.stdout)).toEqual([]);
  });

  it('--summary: counts per actor, key, IP, event and service, first/last seen — as counted from the raw records', async () => {
    const r = await runEvents([INVICTUS, '--summary', '--format', 'json']);
    const s = JSON.parse(r.stdout);
    const times = raw.map((x) => x.eventTime as string).sort();
    expect(s).toMatchObject({ events: 2900, writes: 574, failed: 300, first: times[0], last: times.at(-1) });
    const mine = raw.filter((x) => x.userIdentity?.accessKeyId === KEY);
    const keyTimes = mine.map((x) => x.eventTime as string).sort();
    expect(s.keys.find((k: Rec) => k.value === KEY)).toMatchObject({
      events: mine.length,
      writes: mine.filter(isWriteByReaderRule).length,
      failed: mine.filter(failedCall).length,
      first: keyTimes[0],
      last: keyTimes.at(-1),
      related: ['bert-jan'],
    });
    expect(s.services.find((x: Rec) => x.value === 'ec2').events).toBe(892);
    const byName = new Map<string, number>();
    for (const x of raw) byName.set(`${x.eventSource.replace('.amazonaws.com', '')}:${x.eventName}`, (byName.get(`${x.eventSource.replace('.amazonaws.com', '')}:${x.eventName}`) ?? 0) + 1);
    expect(Object.fromEntries(s.eventNames.map((n: Rec) => [n.value, n.events]))).toEqual(Object.fromEntries(byName));
    const ips = new Map<string, number>();
    for (const x of raw) if (x.sourceIPAddress) ips.set(x.sourceIPAddress, (ips.get(x.sourceIPAddress) ?? 0) + 1);
    expect(Object.fromEntries(s.ips.map((n: Rec) => [n.value, n.events]))).toEqual(Object.fromEntries(ips));

    // the same summary with a filter: only the key's successful-or-not writes
    const w = JSON.parse((await runEvents([INVICTUS, '--summary', '--format', 'json', '--key', KEY, '--writes'])).stdout);
    expect(w).toMatchObject({ events: 504, writes: 504, failed: 504 - 413 });

    const table = runCli(['events', INVICTUS, '--summary', '--key', KEY, '--writes']);
    expect(table.stdout).toMatch(/^504 events \(504 writes, 91 failed\), 2023-07-10T11:54:39Z … 2023-07-10T12:28:41Z$/m);
    expect(table.stdout).toMatch(new RegExp(`^${KEY}\\s+504\\s+504\\s+91\\s+2023-07-10T11:54:39Z\\s+2023-07-10T12:28:41Z\\s+bert-jan$`, 'm'));
    for (const h of ['ACTOR', 'ACCESS KEY', 'SOURCE IP', 'EVENT', 'SERVICE']) expect(table.stdout).toMatch(new RegExp(`^${h}\\s+EVENTS\\s+WRITES\\s+FAILED\\s+FIRST\\s+LAST`, 'm'));
  });
});

describe('events on our fixtures: IPv6, ActionTrail, stdin', () => {
  const CT = join(FIXTURES, 'cloudtrail-shapes.jsonl');
  const AT = join(FIXTURES, 'actiontrail-shapes.json');
  const idsOf = async (args: string[]): Promise<string[]> => (await events(args)).map((e) => e.id);

  it('--ip with IPv6 blocks and addresses, IPv4 blocks, literals, on both providers', async () => {
    expect(await idsOf([CT, AT, '--ip', '2001:db8:10::/48'])).toEqual(['n-ct-2', 'n-ct-1']);
    expect(await idsOf([CT, AT, '--ip', '2001:db8:99::2'])).toEqual(['n-at-7']);
    expect(await idsOf([CT, AT, '--ip', '2001:db8::/32'])).toEqual(['n-ct-2', 'n-ct-1', 'n-at-6', 'n-at-7']);
    expect(await idsOf([CT, AT, '--ip', '203.0.113.0/24'])).toEqual(['n-at-1', 'n-at-3', 'n-at-4', 'n-at-5', 'n-at-8']);
    expect(await idsOf([CT, AT, '--ip', 'ecs.aliyuncs.com'])).toEqual(['n-at-2']);
  });

  it('ActionTrail: --service, --actor, --key, --region, --writes (eventRW first), --failed (sign-in failures too)', async () => {
    expect(await idsOf([CT, AT, '--service', 'oss'])).toEqual(['n-at-3']);
    expect(await idsOf([AT, '--actor', 'carol', '--region', 'cn-hangzhou'])).toEqual(['n-at-6', 'n-at-7']);
    expect(await idsOf([AT, '--key', 'LTAIEXAMPLECAROL0001'])).toEqual(['n-at-1', 'n-at-3']);
    expect(await idsOf([AT, '--writes'])).toEqual(['n-at-1', 'n-at-2', 'n-at-3', 'n-at-5', 'n-at-6', 'n-at-7', 'n-at-8']);
    expect(await idsOf([CT, AT, '--failed'])).toEqual(['n-ct-5', 'n-at-5', 'n-at-7']);
    expect(await idsOf([CT, AT, '--actor', 'OpsRole'])).toEqual(['n-ct-5']);
  });

  it('stdin (-) next to a file; table output is plain text when piped (no colour codes)', async () => {
    const r = runCli(['events', '-', AT, '--format', 'jsonl'], { input: readFileSync(CT) });
    expect(r.status).toBe(0);
    const got = jsonl<Rec>(r.stdout);
    expect(got.length).toBe(14);
    expect(got.filter((e) => e.origin.file === '<stdin>').length).toBe(6);
    const table = runCli(['events', CT, '--format', 'table']);
    expect(table.stdout).not.toMatch(/\u001b\[/);
    expect(table.stdout).toMatch(/AccessDenied/);
  });
});
