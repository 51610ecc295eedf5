import { parsePeople, parseRequest, parseSummaryFields } from '../../../core/approval/spec';
import { ValidationError } from '../../../core/util/errors';

const link = { linkBase: 'http://n8n/webhook-waiting/1/node', executionId: '1', nodeId: 'node' };
const base = {
	title: '课程立项',
	submitterEmail: 'Teacher@College.edu.cn',
	stages: [{ approvers: 'a@x.com' }],
};

describe('request input', () => {
	it('reads people as text with names, Chinese separators, or objects, without duplicates', () => {
		expect(parsePeople('张主任 <Zhang@X.com>、li@x.com; zhang@x.com', 'f', 'L')).toEqual([
			{ email: 'zhang@x.com', name: '张主任' },
			{ email: 'li@x.com', name: null },
		]);
		expect(parsePeople([{ email: 'a@x.com', name: 'A' }], 'f', 'L')).toEqual([
			{ email: 'a@x.com', name: 'A' },
		]);
	});

	it('reads summary fields as an object, an array of label/value or JSON text', () => {
		expect(parseSummaryFields({ 学时: 64, 企业: '星河' })).toEqual([
			{ label: '学时', value: '64' },
			{ label: '企业', value: '星河' },
		]);
		expect(parseSummaryFields('[{"label":"金额","value":"1000"}]')).toEqual([
			{ label: '金额', value: '1000' },
		]);
		expect(() => parseSummaryFields('{oops')).toThrow(ValidationError);
	});

	it('names the field of bad stage input', () => {
		const err = (stages: unknown) => {
			try {
				parseRequest({ ...base, stages }, link);
			} catch (e) {
				return e as ValidationError;
			}
			throw new Error('no error');
		};
		expect(err([{ approvers: '' }]).field).toBe('stages[0].approvers');
		expect(err([{ approvers: 'a@x.com', mode: 'majority' }]).field).toBe('stages[0].mode');
		expect(err([{ approvers: 'a@x.com', mode: 'quorum', quorum: 3 }]).field).toBe(
			'stages[0].quorum',
		);
		expect(err([{ approvers: 'a@x.com', timeoutAction: 'escalate' }]).field).toBe(
			'stages[0].escalateTo',
		);
		expect(err([]).field).toBe('stages');
		// Whole hours up to ten years: a fraction was a driver error on PostgreSQL's integer column, 1e12 no date at all.
		expect(err([{ approvers: 'a@x.com', dueHours: 1.5 }]).field).toBe('stages[0].dueHours');
		expect(err([{ approvers: 'a@x.com', dueHours: 1e12 }]).field).toBe('stages[0].dueHours');
		expect(err([{ approvers: 'a@x.com', remindEveryHours: 87_601 }]).field).toBe(
			'stages[0].remindEveryHours',
		);
		expect(
			parseRequest(
				{ ...base, stages: [{ approvers: 'a@x.com', dueHours: 87_600, remindEveryHours: 24 }] },
				link,
			).stages[0],
		).toMatchObject({ dueHours: 87_600, remindEveryHours: 24, remindEveryWorkingDays: null });
		expect(err([{ approvers: 'a@x.com', remindEveryWorkingDays: 0.5 }]).field).toBe(
			'stages[0].remindEveryWorkingDays',
		);
		expect(
			parseRequest({ ...base, stages: [{ approvers: 'a@x.com', remindEveryWorkingDays: 2 }] }, link)
				.stages[0].remindEveryWorkingDays,
		).toBe(2);
	});

	it('drops the submitter from approvers and refuses a stage left with nobody', () => {
		const spec = parseRequest(
			{ ...base, stages: [{ approvers: 'teacher@college.edu.cn, a@x.com' }] },
			link,
		);
		expect(spec.stages[0].approvers.map((p) => p.email)).toEqual(['a@x.com']);
		expect(() =>
			parseRequest({ ...base, stages: [{ approvers: 'teacher@college.edu.cn' }] }, link),
		).toThrow(/submitter cannot be the only approver/);
	});

	it('defaults: prefix SP, auto-pass on, mode any', () => {
		const spec = parseRequest(base, link);
		expect(spec).toMatchObject({
			numberPrefix: 'SP',
			autoPassRepeatApprover: true,
			submitter: { email: 'teacher@college.edu.cn' },
		});
		expect(spec.stages[0]).toMatchObject({ mode: 'any', timeoutAction: 'none', dueHours: null });
		expect(() => parseRequest({ ...base, numberPrefix: 'K-C' }, link)).toThrow(
			/letters and digits/,
		);
	});
});
