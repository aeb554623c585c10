/**
 * Who is the programme office: decided by what SharePoint says about the person — Approve Items
 * on Status Reports — never by Manage Lists, which every member of a default site has (the
 * Members group's Edit level). Through both repositories over real HTTP, with a user in the
 * programme site's Members group.
 */
import type { IProgrammeRepository, UserRights } from '../../src/data/repository';
import { isProgrammeOffice } from '../../src/data/repository';
import type { Emulator } from '../../src/emulator/server';
import { IMPROVEMENT_PLAN_PHASE_2, type ISeedUser } from '../../src/fixtures/improvementPlanPhase2';
import { offersCycleView, permissionsFor } from '../../src/webparts/programmeDashboard/components/permissions';
import { IMPLEMENTATIONS, startStack, USERS } from './support/stack';
import { failure } from '../support/dataFailure';

const JUNE = 1;
const NOVDEC = 2;

/** A member of the programme site's default Members group (Edit), and nothing else. */
const EDITOR: ISeedUser = { login: 'sam.editor@improvement.example', name: 'Sam Editor', email: 'sam.editor@improvement.example', groups: ['Independent Improvement Board Members'] };

describe.each(IMPLEMENTATIONS)('%s', (_name, make) => {
  let emu: Emulator;
  let lead: IProgrammeRepository;
  let editor: IProgrammeRepository;
  beforeAll(async () => {
    emu = await startStack({ seed: { ...IMPROVEMENT_PLAN_PHASE_2, users: [...IMPROVEMENT_PLAN_PHASE_2.users, EDITOR] } });
    lead = make(emu, USERS.lead);
    editor = make(emu, EDITOR.login);
  });
  afterAll(() => emu.close());

  it('reads Manage Lists for a Members-group user, but does not make them the programme office', async () => {
    const rights: UserRights = await editor.getRights();
    expect(rights.periods).toMatchObject({ view: true, edit: true, manage: true, approve: false });
    expect(rights.statusReports).toMatchObject({ edit: true, manage: true, approve: false });
    expect(isProgrammeOffice(rights)).toBe(false);
    expect(offersCycleView(rights)).toBe(false);
    const periods = await editor.getPeriods();
    const june = periods.filter((p) => p.id === JUNE)[0];
    expect(permissionsFor(rights, june)).toMatchObject({ reopenPeriod: false, seePeriodHistory: false });
    // The programme office, for contrast: Full Control includes Approve Items.
    const office: UserRights = await lead.getRights();
    expect(isProgrammeOffice(office)).toBe(true);
    expect(offersCycleView(office)).toBe(true);
    expect(permissionsFor(office, june)).toMatchObject({ reopenPeriod: true, seePeriodHistory: true });
  });

  it('refuses them locking, reopening, approving and sending back, and changes nothing', async () => {
    const lock = await failure(editor.lockPeriod(NOVDEC, { allowUnapproved: true, reason: 'Trying it' }));
    expect(lock.kind).toBe('forbidden');
    expect(lock.message).toBe('Could not lock the period: only the programme office locks periods.');
    const reopen = await failure(editor.reopenPeriod(JUNE, 'Trying it'));
    expect(reopen.kind).toBe('forbidden');
    const picture = await editor.getPeriodPicture(NOVDEC);
    const report = picture.statusReports[0];
    expect((await failure(editor.transitionReport(report.id, 'approve', report.etag))).kind).toBe('forbidden');
    expect((await failure(editor.transitionReport(report.id, 'return', report.etag, 'Why not'))).kind).toBe('forbidden');
    const periods = await lead.getPeriods();
    expect(periods.map((p) => [p.id, p.state])).toEqual([
      [JUNE, 'Locked'],
      [NOVDEC, 'Open']
    ]);
    expect((await lead.get('statusReport', report.id)).etag).toBe(report.etag);
  });
});
