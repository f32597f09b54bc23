import { describe, expect, it } from 'vitest';
import { permissionCount, permissionLabel } from '../../../src/core/permission-text.js';

describe('permission text', () => {
  it('names the wildcard in words and leaves other permissions alone', () => {
    expect(permissionLabel('*')).toBe('all permissions (*)');
    expect(permissionLabel('portal:read')).toBe('portal:read');
  });

  it('counts permissions, except that the wildcard is all of them', () => {
    expect(permissionCount([])).toBe('0 permissions');
    expect(permissionCount(['portal:read'])).toBe('1 permission');
    expect(permissionCount(['a', 'b'])).toBe('2 permissions');
    expect(permissionCount(['*'])).toBe('all permissions (*)');
    expect(permissionCount(['portal:read', '*'])).toBe('all permissions (*)');
  });
});
