import type { SimContext } from '../context';
import type { ExoObject } from './envelope';
import { exoErrors } from './errors';

export interface EnumSpec { typeName: string; values: string[] }

export interface CmdletSpec {
  name: string;
  parameters: string[];
  mandatory?: string[];
  enums?: Record<string, EnumSpec>;
  /** Listing cmdlets honour ResultSize and page. */
  lists?: boolean;
  run(ctx: SimContext, params: Params): CmdletResult;
}

export interface CmdletResult { rows: ExoObject[] | LazyRows; warnings: string[] }

/** Rows presented only for the page that is sent, so large listings stay cheap. */
export interface LazyRows { length: number; slice(start: number, end: number): ExoObject[] }

export function lazyRows<T>(items: T[], present: (item: T) => ExoObject): LazyRows {
  return { length: items.length, slice: (start, end) => items.slice(start, end).map(present) };
}

export type Params = Map<string, unknown>;

const COMMON = ['Confirm', 'WhatIf', 'ErrorAction', 'WarningAction', 'InformationAction', 'Verbose', 'Debug',
  'ErrorVariable', 'WarningVariable', 'InformationVariable', 'OutVariable', 'OutBuffer', 'PipelineVariable', 'DomainController'];

/** Binds sent parameters to the cmdlet's names (case-insensitive) and checks enums and mandatory ones. */
export function bindParameters(spec: CmdletSpec, sent: Record<string, unknown>): Params {
  const canonical = new Map([...spec.parameters, ...COMMON].map((name) => [name.toLowerCase(), name]));
  const bound: Params = new Map();
  const unknown: string[] = [];
  for (const [name, value] of Object.entries(sent)) {
    if (name.includes('@')) continue;
    const known = canonical.get(name.toLowerCase());
    if (!known) unknown.push(name);
    else bound.set(known, value);
  }
  if (unknown.length > 0) throw exoErrors.unknownParameters(unknown);
  const missing = (spec.mandatory ?? []).filter((name) => bound.get(name) === undefined || bound.get(name) === null);
  if (missing.length > 0) throw exoErrors.missingParameters(missing);
  for (const [name, enumSpec] of Object.entries(spec.enums ?? {})) {
    const value = bound.get(name);
    if (value === undefined || value === null) continue;
    bound.set(name, normaliseEnum(name, value, enumSpec));
  }
  return bound;
}

function normaliseEnum(name: string, value: unknown, spec: EnumSpec): string[] {
  const items = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);
  return items.map((item) => {
    const match = spec.values.find((allowed) => allowed.toLowerCase() === item.toLowerCase());
    if (!match) throw exoErrors.badEnum(name, item, spec.typeName, spec.values);
    return match;
  });
}

export function stringParam(params: Params, name: string): string | undefined {
  const value = params.get(name);
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  throw exoErrors.badArgument(name, `Cannot convert the "${JSON.stringify(value)}" value of type "${typeof value}" to type "System.String".`);
}

export function boolParam(params: Params, name: string): boolean | undefined {
  const value = params.get(name);
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value)) return value.toLowerCase() === 'true';
  throw exoErrors.badArgument(name, `Cannot convert value "${String(value)}" to type "System.Boolean". Boolean parameters accept only Boolean values and numbers, such as $True, $False, 1 or 0.`);
}

export function enumParam(params: Params, name: string): string[] | undefined {
  return params.get(name) as string[] | undefined;
}

export function resultSize(params: Params): number {
  const raw = params.get('ResultSize');
  if (raw === undefined || raw === null) return 1000;
  if (typeof raw === 'string' && raw.toLowerCase() === 'unlimited') return Number.POSITIVE_INFINITY;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw exoErrors.badArgument('ResultSize', `Cannot convert value "${String(raw)}" to type "Microsoft.Exchange.Data.Unlimited\`1[System.UInt32]".`);
  return value;
}
