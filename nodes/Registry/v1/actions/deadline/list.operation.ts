import { perItemOperation } from '../../../../shared/operation';
import { deadlinesInWindow, windowProperties } from './window';

/** One item per deadline in the window: kind, date, days left, subject, owner and email. */
export const { description, execute } = perItemOperation(
	{ resource: 'deadline', operation: 'list' },
	windowProperties(90),
	(item) => deadlinesInWindow(item, 90),
);
