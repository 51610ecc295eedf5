import { projects, type ProjectInput } from '../../../../../core/registry';
import { dateInZone } from '../../../../../core/util/time';
import { recordIdProperty } from '../../../../shared/descriptions/common';
import { fieldProperties, readFields } from '../../../../shared/descriptions/fields';
import { perItemOperation } from '../../../../shared/operation';
import { projectFields } from './fields';

/**
 * 退回修改: a returned declaration corrected on the form replaces the project's fields, and the
 * project stays 申报 under its own ID; its output has the names and milestones the approval shows.
 */
export const { description, execute } = perItemOperation(
	{ resource: 'project', operation: 'amend' },
	[recordIdProperty('项目 ID Project ID'), ...fieldProperties(projectFields)],
	({ ctx, i, store, actor, id, consortium }) =>
		projects.amend(
			store,
			id(),
			{
				...(readFields(ctx, i, projectFields) as unknown as ProjectInput),
				today: dateInZone(new Date(), consortium.settings.timeZone),
			},
			actor,
		),
);
