import { projects } from '../../../../../core/registry';
import { transitionOperation, transitionProperties } from '../common';
import { projectStatusOptions } from './fields';

export const { description, execute } = transitionOperation(
	'project',
	transitionProperties(
		'项目 ID Project ID',
		projectStatusOptions.filter((o) => o.value !== 'applied'),
		'approved',
	),
	({ store, actor }, id, change, today) => projects.transition(store, id, change, actor, today),
);
