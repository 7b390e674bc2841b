import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STAFF, seedDemoStaff } from '../../src/demo/staff/demo-staff.ts';
import { createTestApp, type TestApp } from '../support/app.ts';

/** `credence serve --demo` makes the demo staff once, with the passwords it prints. */
describe('demo staff users', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.app.stop();
  });

  it('creates reviewer1/2, analyst1/2, collector1 and admin once, prints them with the console URL, and they sign in', async () => {
    const first = await seedDemoStaff(t.app);
    expect(first.created).toEqual(['reviewer1', 'reviewer2', 'analyst1', 'analyst2', 'collector1', 'admin']);
    expect(first.lines('http://127.0.0.1:3000')).toEqual([
      '',
      'Staff console: http://127.0.0.1:3000/console/   (demo staff; passwords are for the demo only)',
      '  reviewer  reviewer1  reviewer1-demo-pass',
      '  reviewer  reviewer2  reviewer2-demo-pass',
      '  analyst   analyst1   analyst1-demo-pass',
      '  analyst   analyst2   analyst2-demo-pass',
      '  collector collector1 collector1-demo-pass',
      '  admin     admin      admin-demo-pass',
    ]);
    const again = await seedDemoStaff(t.app);
    expect(again.created).toEqual([]);
    expect((await t.app.services.staff.listUsers()).map((u) => [u.username, u.role])).toEqual([
      ['admin', 'admin'],
      ['analyst1', 'analyst'],
      ['analyst2', 'analyst'],
      ['collector1', 'collector'],
      ['reviewer1', 'reviewer'],
      ['reviewer2', 'reviewer'],
    ]);
    const admin = DEMO_STAFF.find((user) => user.username === 'admin');
    const res = await t.app.http.inject({
      method: 'POST',
      url: '/v1/staff/sign-in',
      payload: { username: 'admin', password: admin?.password },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { username: 'admin', role: 'admin' } });
  });
});
