// Everything the benchmark times against applyPatch. `merges: true` marks contenders that produce a user, whose
// output is checked against Auth0's semantics before anything is timed; the others are baselines of cost.
import deepmerge from 'deepmerge';
import { produce } from 'immer';
import jsonMergePatch from 'json-merge-patch';
import lodashMerge from 'lodash.merge';
import { applyPatch, applyPatchJson } from 'auth0-user-patch';

const METADATA = new Set(['user_metadata', 'app_metadata']);

/**
 * Auth0's first-level rules written onto `target` in place, with no validation and no copying (for the floor and
 * the clone-based contenders). Merged metadata is built by a for-in walk into a fresh object, never by growing a
 * spread copy, so that the floor stays in one V8 mode (a grown spread copy is 0.3x to 1.4x of it, by luck).
 */
function writeFirstLevel(target, source, patch) {
  for (const key in patch) {
    const value = patch[key];
    if (!METADATA.has(key)) {
      if (value === null) delete target[key];
      else target[key] = value;
      continue;
    }
    const merged = {};
    let empty = true;
    for (const name in value) {
      empty = false;
      break;
    }
    if (!empty) {
      const base = source[key];
      for (const name in base) if (!(name in value) || value[name] !== null) merged[name] = base[name];
      for (const name in value) if (value[name] !== null) merged[name] = value[name];
    }
    let kept = false;
    for (const _name in merged) {
      kept = true;
      break;
    }
    if (key === 'app_metadata' && !kept) delete target[key];
    else target[key] = merged;
  }
  return target;
}

export const contenders = [
  { name: 'applyPatch', merges: true, run: (user, patch) => applyPatch(user, patch) },
  {
    name: 'applyPatchJson(body)',
    note: 'parses, checks and merges the body text',
    merges: true,
    run: (user, _patch, patchText) => applyPatchJson(user, patchText),
  },
  {
    name: 'JSON.parse + applyPatch',
    note: 'what a server paid before applyPatchJson',
    merges: true,
    run: (user, _patch, patchText) => applyPatch(user, JSON.parse(patchText)),
  },
  {
    name: 'hand spread (no validation)',
    note: 'the floor: the same first-level rules in plain JavaScript, no validation, aliases the patch',
    merges: true,
    run: (user, patch) => writeFirstLevel({ ...user }, user, patch),
  },
  {
    name: 'JSON.parse(body)',
    note: 'the cost a server already pays to read the body',
    merges: false,
    run: (_user, _patch, patchText) => JSON.parse(patchText),
  },
  {
    name: 'structuredClone + assign',
    merges: true,
    run: (user, patch) => {
      const copy = structuredClone(user);
      return writeFirstLevel(copy, copy, structuredClone(patch));
    },
  },
  { name: 'lodash.merge', merges: true, run: (user, patch) => lodashMerge({}, user, patch) },
  { name: 'deepmerge', merges: true, run: (user, patch) => deepmerge(user, patch) },
  {
    name: 'json-merge-patch',
    note: 'includes the structuredClone it needs, since it mutates its target',
    merges: true,
    run: (user, patch) => jsonMergePatch.apply(structuredClone(user), patch),
  },
  {
    name: 'immer',
    note: 'produce() with the first-level rules in the recipe',
    merges: true,
    run: (user, patch) => produce(user, (draft) => void writeFirstLevel(draft, draft, patch)),
  },
  {
    name: 'shallow spread (emulators)',
    note: 'what public Auth0 emulators do: stores null, treats {} as a no-op',
    merges: true,
    run: (user, patch) => {
      const result = { ...user, ...patch };
      for (const key of METADATA) if (key in patch) result[key] = { ...user[key], ...patch[key] };
      return result;
    },
  },
];

/** Small cases that tell Auth0's semantics from a deep merge or a no-op {}: each names the rule it checks. */
export const semanticProbes = [
  {
    rule: 'replaces nested values whole',
    user: { user_metadata: { a: { x: 1, y: 2 } } },
    patch: { user_metadata: { a: { x: 3 } } },
  },
  { rule: 'replaces arrays', user: { app_metadata: { roles: ['a', 'b'] } }, patch: { app_metadata: { roles: ['c'] } } },
  {
    rule: 'deletes with a first-level null',
    user: { user_metadata: { a: 1, b: 2 } },
    patch: { user_metadata: { a: null } },
  },
  {
    rule: 'keeps a nested null',
    user: { user_metadata: { a: { x: 1 } } },
    patch: { user_metadata: { a: { x: null } } },
  },
  {
    rule: 'clears with {}',
    user: { user_metadata: { a: 1 }, app_metadata: { p: 1 } },
    patch: { user_metadata: {}, app_metadata: {} },
  },
];
