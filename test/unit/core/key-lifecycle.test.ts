import { describe, expect, it } from 'vitest';
import { RuleError } from '../../../src/core/errors.js';
import {
  checkHandOverFits,
  handOverLeftovers,
  interruptedHandOvers,
  lifecycleOf,
  nameRefusal,
  pendingDescription,
  plainDescription,
  renewedExpiry,
  retiringDescription,
} from '../../../src/core/key-lifecycle.js';
import { resolveKeyRef } from '../../../src/core/key-ref.js';

const OLD = 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAA1';
const NEW = 'BBBBBBBBBBBBBBBBBBBBBBBBBBBBB2';
const until = new Date('2027-01-08T03:00:00Z');
const now = new Date('2027-01-07T03:00:00Z');

describe('key names', () => {
  it.each([
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZ0123', /access key/],
    ['123456', /user id/],
    ['1234567890@bhom', /Operations Management/],
    ['ci (retiring)', /retired/],
  ])('refuses %j', (name, reason) => {
    expect(nameRefusal(name, '1234567890')).toMatch(reason);
  });
  it.each(['ci-deploy', 'abcdefghijklmnopqrstuvwxyz0123', '12@x', 'retiring'])(
    'accepts %j',
    (n) => {
      expect(nameRefusal(n, '1234567890')).toBeUndefined();
    },
  );
  it('refuses a hand-over whose retiring name would exceed 128 characters', () => {
    expect(() => checkHandOverFits('x'.repeat(118), '')).toThrow(RuleError);
    expect(() => checkHandOverFits('x'.repeat(117), 'd')).not.toThrow();
  });
});

describe('markers', () => {
  it('reads a retiring key from its name and description', () => {
    const record = {
      name: 'ci (retiring)',
      description: retiringDescription(until, NEW, '[pending hand-over from X1] deploys'),
    };
    expect(record.description).toBe(
      `[retiring until 2027-01-08T03:00:00Z, replaced by ${NEW}] deploys`,
    );
    expect(lifecycleOf(record)).toEqual({
      state: 'retiring',
      baseName: 'ci',
      until,
      successor: NEW,
    });
    expect(plainDescription(record.description)).toBe('deploys');
  });
  it('reads a pending successor', () => {
    expect(lifecycleOf({ name: 'ci', description: pendingDescription(OLD, 'x') })).toEqual({
      state: 'pending',
      from: OLD,
    });
    expect(lifecycleOf({ name: 'ci', description: 'x' })).toEqual({ state: 'live' });
  });
  it('name resolution never picks a retiring or pending key', () => {
    const keys = [
      { access_key: OLD, name: 'ci (retiring)', description: retiringDescription(until, NEW, '') },
      { access_key: NEW, name: 'ci', description: '' },
      {
        access_key: 'CCCCCCCCCCCCCCCCCCCCCCCCCCCCC3',
        name: 'ci',
        description: pendingDescription(NEW, ''),
      },
    ];
    expect(resolveKeyRef('ci', keys).access_key).toBe(NEW);
    expect(() => resolveKeyRef('ci (retiring)', keys)).toThrow(/hand-over/);
    expect(resolveKeyRef(OLD, keys).access_key).toBe(OLD);
  });
});

describe('hand-over leftovers', () => {
  const old = { access_key: NEW, name: 'ci', description: '' };
  it('sorts unfinished successors, dead and in-grace retiring keys', () => {
    const pending = {
      access_key: 'P'.repeat(30),
      name: 'ci',
      description: pendingDescription(NEW, ''),
    };
    const dead = {
      access_key: 'D'.repeat(30),
      name: 'ci (retiring)',
      description: retiringDescription(until, NEW, ''),
      expiry_time: '2027-01-06T00:00:00',
    };
    const alive = { ...dead, access_key: 'L'.repeat(30), expiry_time: '2027-01-08T03:00:00' };
    const other = { ...dead, access_key: 'O'.repeat(30), name: 'other (retiring)' };
    const found = handOverLeftovers(old, [old, pending, dead, alive, other], now);
    expect(found.unfinished).toEqual([pending]);
    expect(found.dead).toEqual([dead]);
    expect(found.inGrace).toEqual([alive]);
  });
  it('finds a hand-over that died between marking the old key and clearing the successor', () => {
    const retiring = {
      access_key: OLD,
      name: 'ci (retiring)',
      description: retiringDescription(until, NEW, ''),
    };
    const successor = { access_key: NEW, name: 'ci', description: pendingDescription(OLD, '') };
    expect(interruptedHandOvers('ci', [retiring, successor])).toEqual([successor]);
    const stillLive = { ...retiring, name: 'ci', description: '' };
    expect(interruptedHandOvers('ci', [stillLive, successor])).toEqual([]);
  });
});

describe('renewedExpiry', () => {
  it('asks a day preset again', () => {
    expect(
      renewedExpiry({ expiry_enum: '30 days', expiry_time: '2027-01-10T23:59:59' }, now),
    ).toEqual({
      request: { expiry_enum: '30 days' },
      at: new Date('2027-02-06T23:59:59Z'),
    });
  });
  it('keeps the length of a custom expiry, from now', () => {
    const record = {
      expiry_enum: 'Custom value',
      expiry_time: '2027-01-11T00:00:00',
      created_date: '2027-01-01T00:00:00.000000',
    };
    expect(renewedExpiry(record, now)?.request).toEqual({
      expiry_enum: 'Custom value',
      expiry_time: '2027-01-17T03:00:00',
    });
  });
  it('counts an API key period from its last rotation, so weekly rotations do not grow it', () => {
    const record = {
      expiry_enum: 'Custom value',
      expiry_time: '2027-01-11T00:00:00',
      created_date: '2026-01-01T00:00:00.000000',
      rotation: { last_rotation_date: '2027-01-01T00:00:00.000000' },
    };
    expect(renewedExpiry(record, now)?.request.expiry_time).toBe('2027-01-17T03:00:00');
  });
  it('never stays never', () => {
    expect(renewedExpiry({ expiry_enum: 'Never expires (not recommended)' }, now)?.at).toBeNull();
  });
});
