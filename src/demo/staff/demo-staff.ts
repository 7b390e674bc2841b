import type { App } from '../../services.ts';
import { SYSTEM_ACTOR } from '../../platform/audit/audit-log.ts';
import type { StaffRole } from '../../platform/auth/staff-auth.ts';

/**
 * The demo's staff users (`credence serve --demo`): two reviewers, two analysts (so a four-eyes change can
 * be made by one and approved by the other), a collector and an admin, with fixed demo passwords printed at start-up.
 * Created when absent; an existing user (and a password someone changed) is left as it is.
 */
export const DEMO_STAFF: ReadonlyArray<{
  readonly username: string;
  readonly displayName: string;
  readonly role: StaffRole;
  readonly password: string;
}> = [
  {
    username: 'reviewer1',
    displayName: 'Reviewer One 审核员一',
    role: 'reviewer',
    password: 'reviewer1-demo-pass',
  },
  {
    username: 'reviewer2',
    displayName: 'Reviewer Two 审核员二',
    role: 'reviewer',
    password: 'reviewer2-demo-pass',
  },
  {
    username: 'analyst1',
    displayName: 'Analyst One 分析师一',
    role: 'analyst',
    password: 'analyst1-demo-pass',
  },
  {
    username: 'analyst2',
    displayName: 'Analyst Two 分析师二',
    role: 'analyst',
    password: 'analyst2-demo-pass',
  },
  {
    username: 'collector1',
    displayName: 'Collector One 催收员一',
    role: 'collector',
    password: 'collector1-demo-pass',
  },
  { username: 'admin', displayName: 'Admin 管理员', role: 'admin', password: 'admin-demo-pass' },
];

export interface DemoStaffResult {
  /** The users created now (the others existed already). */
  readonly created: readonly string[];
  /** Lines to print: the console's address and who can sign in. */
  readonly lines: (url: string) => string[];
}

/** Creates the demo staff users that do not exist yet. */
export async function seedDemoStaff(app: Pick<App, 'services'>): Promise<DemoStaffResult> {
  const existing = new Set((await app.services.staff.listUsers()).map((user) => user.username));
  const created: string[] = [];
  for (const user of DEMO_STAFF) {
    if (existing.has(user.username)) continue;
    await app.services.staff.createUser(user, { ...SYSTEM_ACTOR, name: 'demo' });
    created.push(user.username);
  }
  return {
    created,
    lines: (url) => [
      '',
      `Staff console: ${url}/console/   (demo staff; passwords are for the demo only)`,
      ...DEMO_STAFF.map(
        (user) =>
          `  ${user.role.padEnd(9)} ${user.username.padEnd(10)} ${user.password}${created.includes(user.username) ? '' : '   (existed already: unchanged)'}`,
      ),
    ],
  };
}
