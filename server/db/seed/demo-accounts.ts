import type { Role } from '../../../src/core/roles';

/**
 * The demo street's people, one per role (two reviewers, since 初审 and 复审 need different
 * people). Staff also get a username for the password login.
 */
export interface DemoAccountSeed {
  role: Role;
  name: string;
  username?: string;
  /** Community key the account lives in or is staff of; absent means the street. */
  community?: string;
}

export const DEMO_ACCOUNTS: DemoAccountSeed[] = [
  { role: 'resident', name: '张桂兰', community: 'huiyang' },
  { role: 'speaker', name: '王建国' },
  { role: 'editor', name: '李晓雯', username: 'editor' },
  { role: 'reviewer', name: '陈国平', username: 'reviewer1' },
  { role: 'reviewer', name: '刘芳', username: 'reviewer2' },
  { role: 'approver', name: '周建华', username: 'approver' },
  { role: 'dispatcher', name: '吴敏', username: 'dispatcher' },
  { role: 'admin', name: '王海涛', username: 'admin' },
];
