import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IVersionedNodeType,
} from 'n8n-workflow';
import { courses } from '../../../core/course';
import { people } from '../../../core/directory';
import * as lookup from '../../../core/directory/lookup';
import { ORGANISATION_REF, PERSON_OR_NAME_REF, PERSON_REF } from '../../../core/directory/lookup';
import { createEngagement, createPlacement, stations } from '../../../core/exchange';
import { patents, projects } from '../../../core/registry';
import { openStore, type Store } from '../../../core/store';
import {
	actor,
	creditCode,
	seedDirectory,
	validProposal,
	type Directory,
} from '../../helpers/course';
import { freshStoreConfig } from '../../helpers/dialects';
import { buildPatentNumber } from '../../helpers/patent-numbers';

/**
 * Every node field that names an organisation or a person takes the directory's one rule
 * (core/directory/lookup.ts): organisations by id, credit code or registered name, people by
 * id, email or staff number. The fields are read from the nodes' descriptions as n8n loads
 * them, so a new field that names someone either says it takes the rule (and is driven here)
 * or is listed below as something else, with the reason.
 */
const root = join(__dirname, '../../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
	n8n: { nodes: string[] };
};

interface Field {
	/** `Node resource field`, the same for create, update and upsert, which share one core path. */
	key: string;
	operations: string[];
	refers: 'organisation' | 'person';
	byName: boolean;
	label: string;
}

function properties(): Array<{
	node: string;
	resource: string;
	operation: string;
	property: INodeProperties;
}> {
	const out: Array<{
		node: string;
		resource: string;
		operation: string;
		property: INodeProperties;
	}> = [];
	for (const file of pkg.n8n.nodes) {
		const source = join(root, file.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
		const className = source.split('/').pop()!.replace('.node.ts', '');
		const node = new (require(source)[className] as new () => IVersionedNodeType | INodeType)();
		const versions = 'nodeVersions' in node ? Object.values(node.nodeVersions) : [node];
		for (const version of versions) {
			const walk = (props: INodeProperties[], show: INodeProperties['displayOptions']) => {
				for (const property of props) {
					const where = property.displayOptions ?? show;
					const resources = (where?.show?.resource as string[] | undefined) ?? [''];
					const operations = (where?.show?.operation as string[] | undefined) ?? [''];
					for (const resource of resources)
						for (const operation of operations)
							out.push({ node: className, resource, operation, property });
					if (property.type === 'collection') walk(property.options as INodeProperties[], where);
					if (property.type === 'fixedCollection')
						for (const group of property.options as Array<{ values: INodeProperties[] }>)
							walk(group.values, where);
				}
			};
			walk((version.description as INodeTypeDescription).properties, undefined);
		}
	}
	return out;
}

const all = properties();

function referenceFields(): Field[] {
	const fields = new Map<string, Field>();
	for (const { node, resource, operation, property } of all) {
		const description = property.description ?? '';
		const refers = description.includes(ORGANISATION_REF)
			? 'organisation'
			: description.includes(PERSON_REF) || description.includes(PERSON_OR_NAME_REF)
				? 'person'
				: null;
		if (!refers) continue;
		const key = `${node} ${resource} ${property.name}`;
		const field = fields.get(key) ?? {
			key,
			operations: [],
			refers,
			byName: description.includes(PERSON_OR_NAME_REF),
			label: property.displayName,
		};
		field.operations.push(operation);
		fields.set(key, field);
	}
	return [...fields.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/**
 * Text fields whose label names an organisation or a person but that are not directory
 * references, each with why. Anything else so labelled must take the rule.
 */
const NOT_REFERENCES: Record<string, string> = {
	name: 'the record’s own name',
	memberSince: 'a date (加入日期)',
	enterpriseShare: 'a percentage (企业授课比例)',
	contactName: 'a contact written as text, not a directory entry',
	mentorName: 'the mentor’s name as shown, when the mentor is not in the directory',
	submitterName: 'the submitter as the form wrote them',
	confirmedBy: 'who confirmed a weekly log, kept as text',
	approvers: 'approvers are email addresses, outside the directory (people without an n8n account)',
	approverEmail: 'an approver’s email address, outside the directory',
	approver: 'the approver who names a deputy (委托), by email, outside the directory',
	deputy: 'the deputy, by email, outside the directory',
	withdrawnBy: 'the submitter’s email address',
	escalateTo: 'email addresses to escalate to',
	wecomUserId: 'a person’s own account on WeCom (企业微信), not a reference to another record',
};
const NAMES_SOMEONE =
	/单位|企业|教师|技师|导师|负责人|成员|团队|申请人|专利权人|发明人|人员|委托|Organisation|Enterprise|Teacher|Technician|Mentor|Person|Member|Applicant|Inventor|Client/;

describe('fields that name an organisation or a person', () => {
	const fields = referenceFields();

	it('are found in the node descriptions', () => {
		expect(fields.map((f) => f.key)).toEqual([
			'Consortium person organisationId',
			'Course proposal enterpriseLead',
			'Course proposal partners',
			'Course proposal team',
			'Exchange engagement enterpriseId',
			'Exchange engagement technicianId',
			'Exchange placement hostId',
			'Exchange placement mentorId',
			'Exchange placement teacherId',
			'Exchange station organisationId',
			'Registry patent applicants',
			'Registry patent contactId',
			'Registry patent inventors',
			'Registry project client',
			'Registry project members',
			'Registry project pi',
		]);
	});

	it('are all of them: every other text field labelled with an organisation or a person is a list filter or declared', () => {
		const undeclared = all
			.filter(
				({ property, operation }) =>
					['string', 'json'].includes(property.type) &&
					NAMES_SOMEONE.test(property.displayName) &&
					operation !== 'list',
			)
			.filter(
				({ property }) =>
					![ORGANISATION_REF, PERSON_REF, PERSON_OR_NAME_REF].some((ref) =>
						(property.description ?? '').includes(ref),
					),
			)
			.filter(({ property }) => !(property.name in NOT_REFERENCES))
			.map(
				({ node, resource, operation, property }) =>
					`${node} ${resource}.${operation} ${property.name} (${property.displayName})`,
			);
		expect([...new Set(undeclared)]).toEqual([]);
	});
});

describe('every reference field accepts each form through the one lookup', () => {
	let store: Store;
	let dir: Directory;
	let seq = 0;
	const ctx = { actor, timeZone: 'Asia/Shanghai' };
	const code = creditCode('91350100M000100Y4');

	beforeAll(async () => {
		store = await openStore(await freshStoreConfig('sqlite'));
		dir = await seedDirectory(store);
		await people.update(store, dir.teachers[0].id, { employeeNo: 'T2019-001' }, actor);
		await people.update(store, dir.lead.id, { employeeNo: 'QY-0007' }, actor);
	});
	afterAll(() => store.close());

	/** The forms a user may write: an id, the credit code (lower case, full-width) and the name; an id, an email in capitals and a staff number. */
	const organisationForms = (org: { id: string; name: string }) => ({
		id: org.id,
		'credit code': code
			.toLowerCase()
			.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
		'registered name': org.name,
	});
	const personForms = (
		person: { id: string; email: string | null; employeeNo?: string | null },
		staffNo: string,
	) => ({
		id: person.id,
		email: person.email!.toUpperCase(),
		'staff number': staffNo,
	});

	/** Each field: the record it should find, and a core call that writes the field and returns the id stored. */
	const drivers: Record<
		string,
		{
			target: () => { id: string; forms: Record<string, string> };
			write: (token: string) => Promise<string | null | undefined>;
		}
	> = {
		'Consortium person organisationId': {
			target: () => ({ id: dir.acme.id, forms: organisationForms(dir.acme) }),
			write: async (token) =>
				(
					await people.create(
						store,
						{ name: `员工${++seq}`, kind: 'technician', organisationId: token },
						actor,
					)
				).organisationId,
		},
		'Course proposal partners': {
			target: () => ({ id: dir.acme.id, forms: organisationForms(dir.acme) }),
			write: async (token) =>
				(
					await courses.create(
						store,
						validProposal(dir, { code: `L-${++seq}`, partners: token }),
						ctx,
					)
				).partnerIds,
		},
		'Course proposal enterpriseLead': {
			target: () => ({ id: dir.lead.id, forms: personForms(dir.lead, 'QY-0007') }),
			write: async (token) =>
				(
					await courses.create(
						store,
						validProposal(dir, { code: `L-${++seq}`, enterpriseLead: token }),
						ctx,
					)
				).enterpriseLeadId,
		},
		'Course proposal team': {
			target: () => ({ id: dir.lead.id, forms: personForms(dir.lead, 'QY-0007') }),
			write: async (token) => {
				const team = [dir.teachers[0].id, dir.teachers[1].id, dir.teachers[2].id, token].join(', ');
				const ids = (
					await courses.create(store, validProposal(dir, { code: `L-${++seq}`, team }), ctx)
				).teamIds.split(', ');
				return ids[3];
			},
		},
		'Exchange station organisationId': {
			target: () => ({ id: dir.acme.id, forms: organisationForms(dir.acme) }),
			write: async (token) =>
				(
					await stations.create(
						store,
						{ name: `站点${++seq}`, organisationId: token, capacity: 5 },
						actor,
					)
				).organisationId,
		},
		'Exchange placement teacherId': {
			target: () => ({ id: dir.teachers[0].id, forms: personForms(dir.teachers[0], 'T2019-001') }),
			write: async (token) =>
				(await createPlacement(store, placement({ teacherId: token }), actor)).teacherId,
		},
		'Exchange placement hostId': {
			target: () => ({ id: dir.acme.id, forms: organisationForms(dir.acme) }),
			write: async (token) =>
				(await createPlacement(store, placement({ hostId: token }), actor)).hostId,
		},
		'Exchange placement mentorId': {
			target: () => ({ id: dir.lead.id, forms: personForms(dir.lead, 'QY-0007') }),
			write: async (token) =>
				(await createPlacement(store, placement({ mentorId: token }), actor)).mentorId,
		},
		'Exchange engagement technicianId': {
			target: () => ({ id: dir.lead.id, forms: personForms(dir.lead, 'QY-0007') }),
			write: async (token) =>
				(
					await createEngagement(
						store,
						{ technicianId: token, course: `课程${++seq}`, term: '2025-2026-1' },
						actor,
					)
				).technicianId,
		},
		'Exchange engagement enterpriseId': {
			target: () => ({ id: dir.acme.id, forms: organisationForms(dir.acme) }),
			write: async (token) =>
				(
					await createEngagement(
						store,
						{
							technicianId: dir.lead.id,
							enterpriseId: token,
							course: `课程${++seq}`,
							term: '2025-2026-1',
						},
						actor,
					)
				).enterpriseId,
		},
		'Registry patent applicants': {
			target: () => ({ id: dir.acme.id, forms: organisationForms(dir.acme) }),
			write: async (token) =>
				(
					await patents.get(
						store,
						(await patents.create(store, patent({ applicants: [token] }), actor)).id,
					)
				).applicants![0].organisationId,
		},
		'Registry patent inventors': {
			target: () => ({ id: dir.teachers[0].id, forms: personForms(dir.teachers[0], 'T2019-001') }),
			write: async (token) =>
				(
					await patents.get(
						store,
						(await patents.create(store, patent({ inventors: [token] }), actor)).id,
					)
				).inventors![0].personId,
		},
		'Registry patent contactId': {
			target: () => ({ id: dir.teachers[0].id, forms: personForms(dir.teachers[0], 'T2019-001') }),
			write: async (token) =>
				(await patents.create(store, patent({ contactId: token }), actor)).contactId,
		},
		'Registry project pi': {
			target: () => ({ id: dir.teachers[0].id, forms: personForms(dir.teachers[0], 'T2019-001') }),
			write: async (token) => (await projects.create(store, project({ pi: token }), actor)).piId,
		},
		'Registry project members': {
			target: () => ({ id: dir.lead.id, forms: personForms(dir.lead, 'QY-0007') }),
			write: async (token) =>
				(await projects.create(store, project({ members: [token] }), actor)).memberIds[0],
		},
		'Registry project client': {
			target: () => ({ id: dir.acme.id, forms: organisationForms(dir.acme) }),
			write: async (token) =>
				(
					await projects.create(
						store,
						project({ category: 'horizontal', client: token, contractNo: `HT-${seq}` }),
						actor,
					)
				).clientId,
		},
	};

	const placement = (over: Record<string, string>) => {
		const year = 2030 + ++seq; // a teacher's placements must not overlap
		return {
			teacherId: dir.teachers[1].id,
			hostId: dir.acme.id,
			form: 'post',
			plannedStart: `${year}-03-01`,
			plannedEnd: `${year}-03-20`,
			...over,
		};
	};
	const patent = (over: Record<string, unknown>) => ({
		applicationNo: buildPatentNumber(2024, 1, 100000 + ++seq),
		title: `一种装置${seq}`,
		filingDate: '2024-03-01',
		...over,
	});
	const project = (over: Record<string, unknown>) => ({
		projectNo: `KY-${++seq}`,
		name: `课题${seq}`,
		category: 'vertical',
		level: 'municipal',
		fundingBody: '市教育局',
		pi: dir.teachers[1].id,
		...over,
	});

	it('has a driver for each field the descriptions name, and no other', () => {
		expect(Object.keys(drivers).sort()).toEqual(referenceFields().map((f) => f.key));
	});

	const cases = referenceFields().flatMap((field) =>
		(field.refers === 'organisation'
			? ['id', 'credit code', 'registered name']
			: ['id', 'email', 'staff number']
		).map((form) => [field.key, form] as const),
	);

	it.each(cases)('%s by %s', async (key, form) => {
		const { id, forms } = drivers[key].target();
		const spies = (
			['findOrganisations', 'findPeople', 'requireOrganisation', 'requirePerson'] as const
		).map((name) => jest.spyOn(lookup, name));
		try {
			await expect(drivers[key].write(forms[form])).resolves.toBe(id);
			const seen = spies.flatMap((spy) =>
				spy.mock.calls.map((call) => call[1] as string | string[]),
			);
			expect(seen.flat()).toContain(forms[form]);
		} finally {
			for (const spy of spies) spy.mockRestore();
		}
	});
});
