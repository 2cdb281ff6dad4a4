import { hasRole, isRole, ROLES, type RoleGrant } from '../../src/core/roles';

const STREET = 1;
const HUIYANG = 2;
const TAOYUAN = 3;

describe('role grants', () => {
  it('lets a grant held for the street cover every community', () => {
    const grants: RoleGrant[] = [{ role: 'editor', unitId: STREET }];
    expect(hasRole(grants, 'editor', HUIYANG, STREET)).toBe(true);
    expect(hasRole(grants, 'editor', TAOYUAN, STREET)).toBe(true);
    expect(hasRole(grants, 'editor', STREET, STREET)).toBe(true);
  });

  it('limits a community grant to that community', () => {
    const grants: RoleGrant[] = [{ role: 'editor', unitId: HUIYANG }];
    expect(hasRole(grants, 'editor', HUIYANG, STREET)).toBe(true);
    expect(hasRole(grants, 'editor', TAOYUAN, STREET)).toBe(false);
    expect(hasRole(grants, 'editor', STREET, STREET)).toBe(false);
  });

  it('never lets one role stand in for another', () => {
    const grants: RoleGrant[] = [{ role: 'admin', unitId: STREET }];
    for (const role of ROLES.filter((candidate) => candidate !== 'admin')) {
      expect(hasRole(grants, role, HUIYANG, STREET)).toBe(false);
    }
  });

  it('recognises only the seven roles', () => {
    expect(ROLES.every(isRole)).toBe(true);
    expect(isRole('superuser')).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
