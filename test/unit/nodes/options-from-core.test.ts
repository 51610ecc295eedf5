import {
	MODE_LABEL,
	REQUEST_STATUS_LABEL,
	SKIP_OPERATOR_LABEL,
	TIMEOUT_ACTION_LABEL,
} from '../../../core/approval/labels';
import {
	REQUEST_STATUSES,
	SKIP_OPERATORS,
	STAGE_MODES,
	TIMEOUT_ACTIONS,
} from '../../../core/approval/types';
import { CALENDAR_KIND_LABELS, CALENDAR_KINDS } from '../../../core/calendar';
import {
	COURSE_STATE_LABELS,
	COURSE_STATES,
	COURSE_TYPE_LABELS,
	COURSE_TYPES,
	DEFAULT_COURSE_RULES,
	DELIVERABLE_KIND_LABELS,
	DELIVERABLE_KINDS,
	DELIVERABLE_STATUS_LABELS,
	DELIVERABLE_STATUSES,
	hoursPerCreditFor,
} from '../../../core/course';
import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS } from '../../../core/directory/organisation';
import {
	COURSE_CATEGORIES,
	COURSE_CATEGORY_LABELS,
	PERSON_KIND_LABELS,
	PERSON_KINDS,
} from '../../../core/directory/person';
import {
	ENGAGEMENT_STATUS_LABELS,
	ENGAGEMENT_STATUSES,
	FORM_LABELS,
	GRADE_LABELS,
	GRADES,
	PLACEMENT_FORMS,
	PLACEMENT_STATUSES,
	REPORT_NAMES,
	STATION_KIND_LABELS,
	STATION_KINDS,
	STATUS_LABELS,
} from '../../../core/exchange';
import {
	MILESTONES_BY_CATEGORY,
	MILESTONE_KINDS,
	MILESTONE_LABELS,
	OUTPUT_TYPE_LABELS,
	OUTPUT_TYPES,
} from '../../../core/registry/projects';
import { PERIOD_KIND_LABELS, PERIOD_KINDS } from '../../../core/scoreboard/period';
import type { INodeProperties } from 'n8n-workflow';
import { nodeVersions, optionList, propertiesWithShow } from '../../helpers/node-descriptions';

/**
 * Issue #18 point 4: options the editor offers were copied by hand from core and drifted
 * (中期检查 Mid-Term Check beside core's Mid-term Check; 依次 Sequential beside the pages'
 * 依次审批 Sequential; an engagement's 授课中 that core called 实践中). Each row names a node
 * field and the core vocabulary it offers: the values in core's order, each named by core's
 * label. `except` lists values the field leaves out on purpose (a start state, a state another
 * operation reaches); `extra`, options it adds that are no core value.
 */
interface Mirror {
	node: string;
	resource: string;
	operation?: string;
	param: string;
	values: readonly string[];
	labels: Record<string, string>;
	except?: string[];
	/** Options the field adds that are not core values (全部 All in a filter). */
	extra?: string[];
}

const MIRRORS: Mirror[] = [
	{
		node: 'Approval',
		resource: 'approval',
		param: 'mode',
		values: STAGE_MODES,
		labels: MODE_LABEL,
	},
	{
		node: 'Approval',
		resource: 'approval',
		param: 'timeoutAction',
		values: TIMEOUT_ACTIONS,
		labels: TIMEOUT_ACTION_LABEL,
	},
	{
		node: 'Approval',
		resource: 'approval',
		param: 'skipOperator',
		values: SKIP_OPERATORS,
		labels: SKIP_OPERATOR_LABEL,
	},
	{
		node: 'Approval',
		resource: 'request',
		operation: 'list',
		param: 'status',
		values: REQUEST_STATUSES,
		labels: REQUEST_STATUS_LABEL,
	},
	{
		node: 'Course',
		resource: 'proposal',
		param: 'courseType',
		values: COURSE_TYPES,
		labels: COURSE_TYPE_LABELS,
	},
	{
		node: 'Course',
		resource: 'proposal',
		operation: 'list',
		param: 'status',
		values: COURSE_STATES,
		labels: COURSE_STATE_LABELS,
	},
	{
		node: 'Course',
		resource: 'proposal',
		operation: 'advance',
		param: 'to',
		values: COURSE_STATES,
		labels: COURSE_STATE_LABELS,
		except: ['draft'],
	},
	{
		node: 'Course',
		resource: 'deliverable',
		param: 'kind',
		values: DELIVERABLE_KINDS,
		labels: DELIVERABLE_KIND_LABELS,
	},
	{
		node: 'Course',
		resource: 'deliverable',
		param: 'status',
		values: DELIVERABLE_STATUSES,
		labels: DELIVERABLE_STATUS_LABELS,
	},
	{
		node: 'Consortium',
		resource: 'person',
		param: 'kind',
		values: PERSON_KINDS,
		labels: PERSON_KIND_LABELS,
	},
	{
		node: 'Consortium',
		resource: 'person',
		param: 'courseCategory',
		values: COURSE_CATEGORIES,
		labels: COURSE_CATEGORY_LABELS,
	},
	{
		node: 'Consortium',
		resource: 'organisation',
		param: 'kind',
		values: ORGANISATION_KINDS,
		labels: ORGANISATION_KIND_LABELS,
	},
	{
		node: 'Consortium',
		resource: 'calendar',
		param: 'kind',
		values: CALENDAR_KINDS,
		labels: CALENDAR_KIND_LABELS,
		// The list's filter offers 全部 All as well.
		extra: [''],
	},
	{
		node: 'Consortium',
		resource: 'scoreboard',
		param: 'period',
		values: PERIOD_KINDS,
		labels: PERIOD_KIND_LABELS,
	},
	{
		node: 'Exchange',
		resource: 'placement',
		param: 'form',
		values: PLACEMENT_FORMS,
		labels: FORM_LABELS,
	},
	{
		node: 'Exchange',
		resource: 'placement',
		operation: 'list',
		param: 'status',
		values: PLACEMENT_STATUSES,
		labels: STATUS_LABELS,
	},
	{
		node: 'Exchange',
		resource: 'placement',
		operation: 'transition',
		param: 'status',
		values: PLACEMENT_STATUSES,
		labels: STATUS_LABELS,
		except: ['planned'],
	},
	{ node: 'Exchange', resource: 'placement', param: 'grade', values: GRADES, labels: GRADE_LABELS },
	{
		node: 'Exchange',
		resource: 'placement',
		param: 'departmentGrade',
		values: GRADES,
		labels: GRADE_LABELS,
	},
	{
		node: 'Exchange',
		resource: 'engagement',
		param: 'grade',
		values: GRADES,
		labels: GRADE_LABELS,
	},
	{
		node: 'Exchange',
		resource: 'engagement',
		operation: 'list',
		param: 'status',
		values: ENGAGEMENT_STATUSES,
		labels: ENGAGEMENT_STATUS_LABELS,
	},
	{
		node: 'Exchange',
		resource: 'engagement',
		operation: 'transition',
		param: 'status',
		values: ENGAGEMENT_STATUSES,
		labels: ENGAGEMENT_STATUS_LABELS,
		except: ['planned', 'evaluated'],
	},
	{
		node: 'Exchange',
		resource: 'station',
		param: 'kind',
		values: STATION_KINDS,
		labels: STATION_KIND_LABELS,
	},
	{
		node: 'Registry',
		resource: 'project',
		operation: 'addMilestone',
		param: 'kind',
		values: MILESTONE_KINDS,
		labels: MILESTONE_LABELS,
	},
	{
		node: 'Registry',
		resource: 'project',
		operation: 'linkOutput',
		param: 'outputType',
		values: OUTPUT_TYPES,
		labels: OUTPUT_TYPE_LABELS,
	},
];

const versions = nodeVersions();

function fieldsFor(m: Mirror): INodeProperties[] {
	return versions
		.filter(([name]) => name === m.node)
		.flatMap(([, node]) => propertiesWithShow(node.description.properties))
		.filter(
			({ property, show }) =>
				property.name === m.param &&
				optionList(property).length > 0 &&
				(show.resource ?? []).includes(m.resource) &&
				(!m.operation || (show.operation ?? []).includes(m.operation)),
		)
		.map(({ property }) => property);
}

describe('node options are core vocabularies, not copies', () => {
	it.each(MIRRORS.map((m) => [`${m.node} ${m.resource}.${m.operation ?? '*'} ${m.param}`, m]))(
		'%s',
		(_title, m) => {
			const mirror = m as Mirror;
			const fields = fieldsFor(mirror);
			expect(fields.length).toBeGreaterThan(0);
			const expected = mirror.values
				.filter((v) => !mirror.except?.includes(v))
				.map((v) => [v, mirror.labels[v]]);
			for (const field of fields) {
				const offered = optionList(field)
					.filter((o) => !mirror.extra?.includes(String(o.value)))
					.map((o) => [o.value, o.name]);
				expect(offered).toEqual(expected);
			}
		},
	);

	it('offers the compliance reports core runs, in its order', () => {
		for (const param of ['reports', 'sheets']) {
			const fields = fieldsFor({
				node: 'Exchange',
				resource: 'compliance',
				param,
				values: [],
				labels: {},
			});
			expect(fields.length).toBeGreaterThan(0);
			for (const field of fields)
				expect(optionList(field).map((o) => o.value)).toEqual([...REPORT_NAMES]);
		}
	});

	it("starts a new course-type row with core's ratio for the row's type", () => {
		const [table] = versions
			.filter(([name]) => name === 'Course')
			.flatMap(([, node]) => propertiesWithShow(node.description.properties))
			.map(({ property }) => property)
			.filter((p) => p.name === 'hoursPerCredit');
		const row = (table.options as Array<{ values: INodeProperties[] }>)[0].values;
		const byName = Object.fromEntries(row.map((p) => [p.name, p.default]));
		const type = byName.courseType as (typeof COURSE_TYPES)[number];
		// 24–30 学时 per 学分 for 集中实践课 (a week, 本联合体设置); was 16–18, the general ratio.
		expect({ type, min: byName.min, max: byName.max }).toEqual({
			type: 'intensive_practice',
			...hoursPerCreditFor(DEFAULT_COURSE_RULES, type),
		});
		expect(hoursPerCreditFor(DEFAULT_COURSE_RULES, type)).toEqual({ min: 24, max: 30 });
	});

	it('describes each kind of project by its core milestone set, labelled a consortium setting', () => {
		const [kind] = versions
			.filter(([name]) => name === 'Registry')
			.flatMap(([, node]) => propertiesWithShow(node.description.properties))
			.filter(
				({ property, show }) =>
					property.name === 'kind' && (show.operation ?? []).includes('addMilestone'),
			)
			.map(({ property }) => property);
		const names = (c: keyof typeof MILESTONES_BY_CATEGORY) =>
			MILESTONES_BY_CATEGORY[c]
				.filter((k) => k !== 'other')
				.map((k) => MILESTONE_LABELS[k].split(' ')[0])
				.join('、');
		expect(names('horizontal')).toBe('合同签订、交付验收、结题');
		expect(kind.description).toContain(
			`纵向：${names('vertical')}；横向：${names('horizontal')}（本联合体设置 Consortium Setting）`,
		);
	});
});
