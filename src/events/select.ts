import { BlockList, isIP } from 'node:net';
import { UserError } from '../util/errors.js';
import type { TrailEvent } from './model.js';

/** The selection flags shared by every command that reads a trail. */
export interface EventFilter {
  since?: number;
  until?: number;
  actors?: string[];
  keys?: string[];
  ips?: string[];
  services?: string[];
  events?: string[];
  regions?: string[];
  writes?: boolean;
  failed?: boolean;
}

export type Predicate = (e: TrailEvent) => boolean;

/** `*` matches any run of characters; everything else literally, case-insensitively. */
export function globMatcher(pattern: string): (text: string) => boolean {
  if (!pattern.includes('*')) {
    const p = pattern.toLowerCase();
    return (t) => t.toLowerCase() === p;
  }
  const re = new RegExp('^' + pattern.split('*').map(escapeRe).join('.*') + '$', 'i');
  return (t) => re.test(t);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * An actor pattern matches the user name, the principal (ARN or principal id), or the last
 * part of an ARN (`user/alice` → `alice`, `assumed-role/Role/session` → `Role/session`).
 */
export function actorMatcher(pattern: string): Predicate {
  const m = globMatcher(pattern);
  return (e) => {
    const { userName, principal } = e.actor;
    if ((userName !== undefined && m(userName)) || m(principal)) return true;
    const slash = principal.indexOf('/');
    if (slash >= 0 && principal.startsWith('arn:')) {
      const path = principal.slice(slash + 1);
      if (m(path) || m(path.slice(path.lastIndexOf('/') + 1))) return true;
    }
    return false;
  };
}

/** CIDR or single address; anything else (`AWS Internal`, `Internal`, a service host) compares as text. */
export function ipMatcher(spec: string): (ip: string | undefined) => boolean {
  const [addr, bits, extra] = spec.split('/');
  const family = addr === undefined ? 0 : isIP(addr);
  if (family === 0 || extra !== undefined) {
    if (spec.includes('/')) throw new UserError(`--ip ${spec}: not a CIDR block (e.g. 203.0.113.0/24)`);
    const text = spec.toLowerCase();
    return (ip) => ip !== undefined && ip.toLowerCase() === text;
  }
  const type = family === 4 ? 'ipv4' : 'ipv6';
  const prefix = bits === undefined ? (family === 4 ? 32 : 128) : Number(bits);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > (family === 4 ? 32 : 128) || (bits !== undefined && !/^\d+$/.test(bits))) {
    throw new UserError(`--ip ${spec}: bad prefix length`);
  }
  const list = new BlockList();
  list.addSubnet(addr!, prefix, type);
  return (ip) => {
    if (ip === undefined) return false;
    const f = isIP(ip);
    if (f === 0) return false;
    return list.check(ip, f === 4 ? 'ipv4' : 'ipv6');
  };
}

function anyOf<T>(items: T[] | undefined, make: (item: T) => Predicate): Predicate | undefined {
  if (!items || items.length === 0) return undefined;
  const preds = items.map(make);
  return (e) => preds.some((p) => p(e));
}

export function buildPredicate(f: EventFilter): Predicate {
  const checks: Predicate[] = [];
  const add = (p: Predicate | undefined): void => {
    if (p) checks.push(p);
  };
  if (f.since !== undefined) add((e) => e.epochMs >= f.since!);
  if (f.until !== undefined) add((e) => e.epochMs <= f.until!);
  if (f.writes) add((e) => !e.readOnly);
  if (f.failed) add((e) => e.error !== undefined);
  add(anyOf(f.actors, actorMatcher));
  add(anyOf(f.keys, (k) => (e) => e.actor.accessKeyId === k));
  add(anyOf(f.ips, (spec) => {
    const m = ipMatcher(spec);
    return (e) => m(e.actor.sourceIp);
  }));
  add(anyOf(f.services, (s) => {
    const want = s.toLowerCase().replace(/\.amazonaws\.com$/, '');
    return (e) => e.service === want;
  }));
  add(anyOf(f.events, (name) => {
    const m = globMatcher(name);
    return (e) => m(e.name);
  }));
  add(anyOf(f.regions, (r) => (e) => e.region === r));
  return (e) => checks.every((c) => c(e));
}

/** Best single resource id to show for an event: referenced resources, else an id-like request field. */
export function primaryResource(e: TrailEvent): string {
  const first = e.resources[0];
  if (first) return first.id;
  const req = e.request;
  if (req !== null && typeof req === 'object' && !Array.isArray(req)) {
    for (const [k, v] of Object.entries(req)) {
      if (typeof v === 'string' && v !== '' && /(Id|Name|Arn|Identifier|Ids)$/i.test(k) && !/^(regionId|clientToken)$/i.test(k)) return v;
      if (Array.isArray(v) && typeof v[0] === 'string' && /Id$/i.test(k)) return v.join(',');
    }
  }
  return '';
}
