import { labelParts } from '../../../core/util/errors';
import { organisations, people } from '../../../core/directory';
import { openStore, type Store } from '../../../core/store';
import { ValidationError } from '../../../core/util/errors';
import { creditCode } from '../../helpers/course';
import { freshStoreConfig } from '../../helpers/dialects';

const actor = { actor: 'test' };

async function fieldError(promise: Promise<unknown>): Promise<ValidationError> {
	try {
		await promise;
	} catch (error) {
		expect(error).toBeInstanceOf(ValidationError);
		return error as ValidationError;
	}
	throw new Error('expected a validation error');
}

describe('directory field validation names the field', () => {
	let store: Store;
	let orgId: string;
	beforeAll(async () => {
		store = await openStore(await freshStoreConfig('sqlite'));
		orgId = (
			await organisations.create(
				store,
				{
					name: '星河智能制造有限公司',
					kind: 'enterprise',
					creditCode: creditCode('91350100M000100Y4'),
				},
				actor,
			)
		).id;
	});
	afterAll(() => store.close());

	it.each([
		['name', { name: '', kind: 'enterprise' }, '单位名称 Name'],
		['kind', { name: 'A', kind: 'company' }, '单位类型 Kind'],
		[
			'creditCode',
			{ name: 'A', kind: 'enterprise', creditCode: '91350100M000100Y40' },
			'统一社会信用代码 Credit Code',
		],
		[
			'contactEmail',
			{ name: 'A', kind: 'enterprise', contactEmail: 'not-an-email' },
			'联系邮箱 Contact Email',
		],
		[
			'memberSince',
			{ name: 'A', kind: 'enterprise', memberSince: '2026-02-30' },
			'加入日期 Member Since',
		],
		[
			'contactPhone',
			{ name: 'A', kind: 'enterprise', contactPhone: '1'.repeat(41) },
			'联系电话 Contact Phone',
		],
	])('organisation %s', async (field, input, label) => {
		const error = await fieldError(organisations.create(store, input as never, actor));
		expect(error.field).toBe(field);
		// Chinese first: the message opens with the field's Chinese name.
		expect(error.message.startsWith(labelParts(label).zh)).toBe(true);
	});

	it('organisation name and credit code must be unique, naming the field', async () => {
		expect(
			(
				await fieldError(
					organisations.create(store, { name: '星河智能制造有限公司', kind: 'enterprise' }, actor),
				)
			).field,
		).toBe('name');
		const dup = await fieldError(
			organisations.create(
				store,
				{ name: '另一家', kind: 'enterprise', creditCode: creditCode('91350100M000100Y4') },
				actor,
			),
		);
		expect(dup.field).toBe('creditCode');
		expect(dup.message).toContain('已被占用');
	});

	it.each([
		['name', { name: ' ', kind: 'teacher' }, '姓名 Name'],
		['kind', { name: '张三', kind: 'student' }, '人员类型 Kind'],
		['email', { name: '张三', kind: 'teacher', email: 'zhang@' }, '邮箱 Email'],
		[
			'organisationId',
			{ name: '张三', kind: 'teacher', organisationId: 'org_missing' },
			'所属单位 Organisation',
		],
		[
			'courseCategory',
			{ name: '张三', kind: 'teacher', courseCategory: 'sports' },
			'课程类别 Course Category',
		],
		[
			'dualQualified',
			{ name: '张三', kind: 'teacher', dualQualified: 'maybe' },
			'双师型 Dual-Qualified',
		],
		[
			'dualQualifiedSince',
			{ name: '张三', kind: 'teacher', dualQualifiedSince: '2023年13月1日' },
			'双师型认定日期 Recognised On',
		],
		['joinedOn', { name: '张三', kind: 'teacher', joinedOn: 'yesterday' }, '入职日期 Joined On'],
	])('person %s', async (field, input, label) => {
		const error = await fieldError(people.create(store, input as never, actor));
		expect(error.field).toBe(field);
		// Chinese first: the message opens with the field's Chinese name.
		expect(error.message.startsWith(labelParts(label).zh)).toBe(true);
	});

	it('accepts the same person fields when valid, with Chinese dates', async () => {
		const person = await people.create(
			store,
			{
				name: '张三',
				kind: 'teacher',
				organisationId: orgId,
				email: 'Zhang@Example.com',
				dualQualified: '是' as never,
				dualQualifiedSince: '2023年5月6日',
			},
			actor,
		);
		expect(person).toMatchObject({
			email: 'zhang@example.com',
			dualQualified: true,
			dualQualifiedSince: '2023-05-06',
		});
	});
});
