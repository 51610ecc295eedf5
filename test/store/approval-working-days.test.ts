import {
	createRequest,
	expireOverdue,
	loadRecord,
	parseRequest,
	remindDue,
	type ApprovalEnv,
} from '../../core/approval';
import { upsertCalendarDay } from '../../core/calendar';
import { openStore, type Store } from '../../core/store';
import { freshStoreConfig, testDialects } from '../helpers/dialects';

/**
 * A stage's time limit in working days, on the shipped 2026 calendar (国务院办公厅 notice of
 * 4 Nov 2025): 国庆 1–7 October are holidays and Saturday 10 October is a 调休 working day.
 */
const TZ = 'Asia/Shanghai';
const sh = (local: string) => new Date(`${local}+08:00`);
const actor = { actor: 'test' };
const link = { linkBase: 'http://n8n/webhook/approval-links', executionId: '1', nodeId: 'node' };

function spec(stage: Record<string, unknown>) {
	return parseRequest(
		{
			title: '课程立项 工作日时限',
			submitterEmail: 'teacher@college.edu.cn',
			stages: [
				{
					approvers: 'head@college.edu.cn',
					timeoutAction: 'escalate',
					escalateTo: 'dean@college.edu.cn',
					...stage,
				},
			],
		},
		link,
	);
}

describe.each(testDialects())('approval stage due in working days (%s)', (dialect) => {
	let store: Store;
	const env = (now: Date): ApprovalEnv => ({
		store,
		settings: { timeZone: TZ, linkSecret: 's'.repeat(32) },
		now,
	});

	beforeAll(async () => {
		store = await openStore(await freshStoreConfig(dialect));
	});
	afterAll(() => store.close());

	async function dueOf(created: Date, stage: Record<string, unknown>): Promise<string | null> {
		const { request } = await createRequest(env(created), spec(stage), actor);
		return (await loadRecord(store.db, request.id)).stages[0].dueAt;
	}

	it('skips 国庆 from the last working day before it', async () => {
		// Wednesday 30 September 10:00 + 2 working days: 1–7 October are off, so Friday 9 October.
		expect(await dueOf(sh('2026-09-30T10:00:00'), { dueWorkingDays: 2 })).toBe(
			sh('2026-10-09T10:00:00').toISOString(),
		);
	});

	it('counts the 调休 Saturday after 国庆 as a working day', async () => {
		// Thursday 8 October + 2: Friday 9, then Saturday 10 October (调休上班).
		expect(await dueOf(sh('2026-10-08T16:30:00'), { dueWorkingDays: 2 })).toBe(
			sh('2026-10-10T16:30:00').toISOString(),
		);
		// Friday 9 October + 2: Saturday 10 (调休), then Monday 12; Sunday 11 is off.
		expect(await dueOf(sh('2026-10-09T09:00:00'), { dueWorkingDays: 2 })).toBe(
			sh('2026-10-12T09:00:00').toISOString(),
		);
	});

	it('takes the local day in the consortium zone, and working days win over hours', async () => {
		// 00:30 on Thursday 1 October in Beijing is still 30 September in UTC; the Beijing day counts.
		expect(await dueOf(sh('2026-10-01T00:30:00'), { dueWorkingDays: 1, dueHours: 5 })).toBe(
			sh('2026-10-08T00:30:00').toISOString(),
		);
		expect(await dueOf(sh('2026-10-01T00:30:00'), { dueHours: 5 })).toBe(
			sh('2026-10-01T05:30:00').toISOString(),
		);
	});

	it("follows the consortium's own calendar edits", async () => {
		await upsertCalendarDay(store, { date: '2026-10-09', kind: 'holiday', name: '校庆' }, actor);
		expect(await dueOf(sh('2026-09-30T10:00:00'), { dueWorkingDays: 2 })).toBe(
			sh('2026-10-10T10:00:00').toISOString(),
		);
		await upsertCalendarDay(store, { date: '2026-10-09', kind: 'workday', name: '工作日' }, actor);
	});

	it('an escalation restarts the limit in working days', async () => {
		const created = sh('2026-09-29T15:00:00'); // Tuesday
		const { request } = await createRequest(env(created), spec({ dueWorkingDays: 1 }), actor);
		const first = (await loadRecord(store.db, request.id)).stages[0].dueAt;
		expect(first).toBe(sh('2026-09-30T15:00:00').toISOString());
		// Nothing is due during the holiday: the limit ended on 30 September, and the escalation
		// that runs at 09:00 on 8 October gives the escalated approver one working day again.
		await expireOverdue(env(sh('2026-10-08T09:00:00')), actor);
		const record = await loadRecord(store.db, request.id);
		expect(record.stages[0].approvers.map((a) => a.email)).toContain('dean@college.edu.cn');
		expect(record.stages[0].dueAt).toBe(sh('2026-10-09T09:00:00').toISOString());
	});

	it('reminds every working day, never during 国庆, and keeps hour intervals as they were', async () => {
		const created = sh('2026-09-30T10:00:00'); // Wednesday, the last working day before 国庆
		const { request } = await createRequest(
			env(created),
			spec({ remindEveryHours: 24, remindEveryWorkingDays: 1 }),
			actor,
		);
		const hourly = await createRequest(env(created), spec({ remindEveryHours: 24 }), actor);
		const reminded = async (at: string) =>
			(await remindDue(env(sh(at)), actor))
				.map((c) => c.requestId)
				.filter((id) => id === request.id || id === hourly.request.id);
		// Thursday 1 October: a 24-hour interval reminds, the working-day one waits
		expect(await reminded('2026-10-01T10:00:00')).toEqual([hourly.request.id]);
		expect(await reminded('2026-10-07T10:00:00')).toEqual([hourly.request.id]);
		// Thursday 8 October at the same time of day, within the schedule's slack
		expect(await reminded('2026-10-08T09:50:00')).toContain(request.id);
		// one working day on: Friday 9 October, and the 调休 Saturday 10 October after it
		expect(await reminded('2026-10-09T09:00:00')).not.toContain(request.id);
		expect(await reminded('2026-10-09T09:55:00')).toContain(request.id);
		expect(await reminded('2026-10-10T09:55:00')).toContain(request.id);
		expect(await reminded('2026-10-11T12:00:00')).not.toContain(request.id);
	});
});
