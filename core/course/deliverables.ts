import { Repository, type EntitySpec } from '../store/repository';
import type { Tx } from '../store/store';
import { ValidationError } from '../util/errors';
import { optionalDate, optionalText, requiredText } from '../util/validate';
import { httpLink } from './lists';
import {
	DELIVERABLE_KINDS,
	DELIVERABLE_KIND_LABELS,
	DELIVERABLE_STATUSES,
	DELIVERABLE_STATUS_LABELS,
	vocabulary,
	type DeliverableKind,
	type DeliverableStatus,
} from './vocabulary';

export interface DeliverableInput {
	courseId?: unknown;
	kind?: unknown;
	title?: unknown;
	status?: unknown;
	link?: unknown;
	dueOn?: unknown;
	completedOn?: unknown;
	note?: unknown;
}

/** Flat, like every item this package emits; the scoreboard counts these by kind and status. */
export interface Deliverable {
	id: string;
	courseId: string;
	kind: DeliverableKind;
	kindLabel: string;
	title: string;
	status: DeliverableStatus;
	statusLabel: string;
	link: string;
	dueOn: string;
	completedOn: string;
	note: string;
	createdAt: string;
	updatedAt: string;
}

async function checkCourse(tx: Tx, id: string): Promise<string> {
	const course = await tx
		.selectFrom('course')
		.select(['id', 'status'])
		.where('id', '=', id)
		.executeTakeFirst();
	if (!course)
		throw new ValidationError(
			`课程「${id}」不存在 / Course "${id}" does not exist`,
			'courseId',
			'reference',
		);
	if (course.status === 'withdrawn')
		throw new ValidationError(
			`课程「${id}」已撤回 / Course "${id}" was withdrawn`,
			'courseId',
			'state',
		);
	return id;
}

const spec: EntitySpec<DeliverableInput, Deliverable> = {
	table: 'course_deliverable',
	entityType: 'course_deliverable',
	idPrefix: 'cdl',
	async toColumns(input, tx) {
		const status =
			input.status === undefined || input.status === null || input.status === ''
				? 'planned'
				: input.status;
		const completedOn = optionalDate(input.completedOn, 'completedOn', '完成日期 Completed On');
		const columns = {
			course_id: await checkCourse(
				tx,
				requiredText(input.courseId, 'courseId', '课程 Course ID', 60),
			),
			kind: vocabulary(
				input.kind,
				'kind',
				'成果类型 Kind',
				DELIVERABLE_KINDS,
				DELIVERABLE_KIND_LABELS,
			),
			title: optionalText(input.title, 'title', '成果名称 Title', 200),
			status: vocabulary(
				status,
				'status',
				'成果状态 Status',
				DELIVERABLE_STATUSES,
				DELIVERABLE_STATUS_LABELS,
			),
			link: httpLink(input.link, 'link', '成果链接 Link'),
			due_on: optionalDate(input.dueOn, 'dueOn', '计划完成日期 Due On'),
			completed_on: completedOn,
			note: optionalText(input.note, 'note', '备注 Note', 2000),
		};
		// The scoreboard counts deliverables by completion date, so the date and the status must agree.
		const done = columns.status === 'completed' || columns.status === 'accepted';
		if (done && !columns.completed_on) {
			throw new ValidationError(
				'已完成的成果须填写完成日期 / Completed On is required once a deliverable is completed',
				'completedOn',
				'required',
			);
		}
		if (!done && columns.completed_on) {
			throw new ValidationError(
				`成果状态为「${DELIVERABLE_STATUS_LABELS[columns.status as DeliverableStatus]?.split(' ')[0] ?? columns.status}」，未完成的成果不应有完成日期 / Completed On is set but the status is "${columns.status}"; clear it or mark the deliverable completed`,
				'completedOn',
				'state',
			);
		}
		return columns;
	},
	fromRow(row) {
		return {
			id: row.id,
			courseId: row.course_id,
			kind: row.kind,
			kindLabel: DELIVERABLE_KIND_LABELS[row.kind as DeliverableKind] ?? row.kind,
			title: row.title ?? '',
			status: row.status,
			statusLabel: DELIVERABLE_STATUS_LABELS[row.status as DeliverableStatus] ?? row.status,
			link: row.link ?? '',
			dueOn: row.due_on ?? '',
			completedOn: row.completed_on ?? '',
			note: row.note ?? '',
			createdAt: row.created_at,
			updatedAt: row.updated_at,
		};
	},
	naturalKey: () => null,
	filters: { courseId: 'course_id', kind: 'kind', status: 'status' },
};

export const deliverables = new Repository(spec);
