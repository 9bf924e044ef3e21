/**
 * Auth0's own recorded traffic, replayed: every cassette of spec/recordings.json (the public recordings of
 * terraform-provider-auth0, go-auth0 and ruby-auth0; `npm run extract:recordings` writes it) is sent in order to a
 * fresh emulator. On a route the emulator serves, its status and body must be Auth0's, with only generated ids and
 * timestamps mapped or ignored; on another route of Auth0's, the emulator must answer 501. The only differences
 * allowed are those of recordings older than a source the emulator follows (newer-sources.ts, by date) and the
 * interactions no fresh emulator can reproduce (cannot-pass.ts, each with its reason).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import * as emulator from '../../src/index.js';
import { CANNOT_PASS } from './cannot-pass.js';
import type { Difference } from './compare.js';
import { NEWER_SOURCES } from './newer-sources.js';
import { readRecordings, type Cassette } from './recordings.js';
import { replayCassette, type Outcome } from './replay-cassette.js';

const recordings = readRecordings();
const usedSources = new Set<string>();
const passingButListed: string[] = [];
/** Each cassette's failures, by its key. */
const failuresOf = new Map<string, readonly string[]>();

const keyOf = (cassette: { readonly repository: string; readonly path: string }) =>
  `${cassette.repository} ${cassette.path}`;

const day = (cassette: Cassette) => new Date(cassette.recordedAt).toISOString().slice(0, 10);

/** The differences left once those of recordings older than a source the emulator follows are set aside. */
function unexplained(cassette: Cassette, outcome: Outcome): Difference[] {
  return outcome.differences.filter((difference) => {
    const source = NEWER_SOURCES.find(
      (candidate) => day(cassette) < candidate.since && candidate.allows(difference, outcome.interaction),
    );
    if (source !== undefined) usedSources.add(source.id);
    return source === undefined;
  });
}

function describeFailure(cassette: Cassette, outcome: Outcome, differences: readonly Difference[]): string {
  const { interaction } = outcome;
  const lines = differences.slice(0, 8).map((difference) => {
    const recorded = 'recorded' in difference ? ` recorded ${JSON.stringify(difference.recorded)}` : '';
    const emulator = 'emulator' in difference ? ` emulator ${JSON.stringify(difference.emulator)}` : '';
    return `    ${difference.kind} ${difference.path}:${recorded}${emulator}`.slice(0, 400);
  });
  return [
    `${cassette.path} #${outcome.index}: ${interaction.method} ${outcome.sentPath} (recorded ${interaction.status}, emulator ${outcome.status})`,
    ...lines,
  ].join('\n');
}

describe("Auth0's recordings, replayed", () => {
  it('come from the pinned commits of the three repositories', () => {
    expect(recordings.sources.map((source) => source.repository)).toEqual([
      'github.com/auth0/terraform-provider-auth0',
      'github.com/auth0/go-auth0',
      'github.com/auth0/ruby-auth0',
    ]);
    for (const source of recordings.sources) expect(source.commit).toMatch(/^[0-9a-f]{40}$/);
  });

  beforeAll(async () => {
    for (const cassette of recordings.cassettes) {
      const tenant = recordings.tenantConnections[cassette.repository] ?? [];
      const outcomes = await replayCassette(emulator, cassette, tenant);
      const listed = new Set(
        CANNOT_PASS.flatMap((entry) =>
          'route' in entry
            ? outcomes.filter((outcome) => outcome.interaction.route === entry.route).map((outcome) => outcome.index)
            : keyOf({ repository: entry.repository, path: entry.cassette }) === keyOf(cassette)
              ? entry.interactions
              : [],
        ),
      );
      const failures: string[] = [];
      for (const index of listed)
        if (index >= outcomes.length) failures.push(`${cassette.path}: cannot-pass.ts lists #${index}, past its end`);
      for (const outcome of outcomes) {
        const differences = unexplained(cassette, outcome);
        if (!listed.has(outcome.index)) {
          if (differences.length > 0) failures.push(describeFailure(cassette, outcome, differences));
        } else if (differences.length === 0) passingButListed.push(`${cassette.path} #${outcome.index}`);
      }
      failuresOf.set(keyOf(cassette), failures);
    }
  }, 120_000);

  it.each(recordings.cassettes.map((cassette) => [keyOf(cassette)] as const))('%s', (key) => {
    expect((failuresOf.get(key) ?? ['not replayed']).join('\n\n')).toBe('');
  });

  it('lists no interaction that passes as one that cannot', () => {
    expect(passingButListed).toEqual([]);
  });

  it('follows each newer source where a recording is older', () => {
    expect(NEWER_SOURCES.map((source) => source.id).filter((id) => !usedSources.has(id))).toEqual([]);
  });

  it('lists only cassettes it holds', () => {
    const held = new Set(recordings.cassettes.map(keyOf));
    const listed = CANNOT_PASS.flatMap((entry) =>
      'route' in entry ? [] : [keyOf({ repository: entry.repository, path: entry.cassette })],
    );
    expect(listed.filter((key) => !held.has(key))).toEqual([]);
  });
});
