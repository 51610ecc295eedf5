import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	COURSE_TYPE_LABELS,
	COURSE_TYPES,
	DELIVERABLE_KIND_LABELS,
	DELIVERABLE_KINDS,
	vocabulary,
} from '../../../core/course/vocabulary';

/**
 * The proposal form in workflows/course-proposal-approval.json is JSON, so it cannot import
 * core's vocabulary: it offered 4 of the 8 course types (no 公共基础课, 专业基础课, 专业拓展课,
 * 一体化课程, 集中实践课). A form option's text is the value the Course node receives, so each
 * must be the Chinese part of core's label, which the node reads back as that type.
 */
const workflow = JSON.parse(
	readFileSync(
		join(__dirname, '..', '..', '..', 'workflows', 'course-proposal-approval.json'),
		'utf8',
	),
) as { nodes: Array<{ type: string; parameters: Record<string, unknown> }> };
const form = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.formTrigger')!;
const fields = (
	form.parameters.formFields as {
		values: Array<{ fieldName: string; fieldOptions?: { values: Array<{ option: string }> } }>;
	}
).values;
const optionsOf = (name: string) =>
	fields.find((f) => f.fieldName === name)!.fieldOptions!.values.map((o) => o.option);
const chinese = (label: string) => label.split(' ')[0];

describe('the course proposal form offers core vocabularies', () => {
	it('offers every course type, in core order, by its Chinese label', () => {
		expect(optionsOf('courseType')).toEqual(
			COURSE_TYPES.map((t) => chinese(COURSE_TYPE_LABELS[t])),
		);
	});

	it('each course type option reaches the Course node as that type', () => {
		expect(
			optionsOf('courseType').map((option) =>
				vocabulary(option, 'courseType', '课程类型 Course Type', COURSE_TYPES, COURSE_TYPE_LABELS),
			),
		).toEqual([...COURSE_TYPES]);
	});

	it('offers every deliverable kind, each read back as that kind', () => {
		const options = optionsOf('plannedDeliverables');
		expect(options).toEqual(DELIVERABLE_KINDS.map((k) => chinese(DELIVERABLE_KIND_LABELS[k])));
		expect(
			options.map((o) =>
				vocabulary(o, 'kind', '成果类型 Kind', DELIVERABLE_KINDS, DELIVERABLE_KIND_LABELS),
			),
		).toEqual([...DELIVERABLE_KINDS]);
	});
});
