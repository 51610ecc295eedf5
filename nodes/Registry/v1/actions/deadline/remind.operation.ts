import type { INodeProperties } from 'n8n-workflow';
import { reminderMessages } from '../../../../../core/registry';
import { ValidationError } from '../../../../../core/util/errors';
import { optionalEmail, optionalNumber, scalarText } from '../../../../../core/util/validate';
import { perItemOperation } from '../../../../shared/operation';
import { deadlinesInWindow, windowProperties } from './window';

const properties: INodeProperties[] = [
	{
		displayName: '提醒天数 Remind Days Before',
		name: 'reminderDays',
		type: 'string',
		default: '90,30,7',
		description: '在到期前这些天各提醒一次 Remind on each of these days before a deadline',
	},
	{
		displayName: '紧急天数 Urgent Within Days',
		name: 'urgentDays',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 7,
		description:
			'剩余天数不超过此值时每天提醒并抄送秘书处 At or under this many days left: reminded daily, secretariat copied',
	},
	{
		displayName: '秘书处邮箱 Secretariat Email',
		name: 'ccEmail',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		description:
			'抄送紧急事项；无负责人邮箱的事项也发到这里 Copied on urgent items; receives items whose owner has no email',
	},
	...windowProperties(90),
];

/** One message item per owner (to, cc, subject, html, text, items), ready for a Send Email node. */
export const { description, execute } = perItemOperation(
	{ resource: 'deadline', operation: 'remind' },
	properties,
	async (item) => {
		const { param } = item;
		const days = scalarText(
			param<unknown>('reminderDays', '90,30,7'),
			'reminderDays',
			'提醒天数 Remind Days Before',
		)
			.split(/[,，\s]+/)
			.filter(Boolean)
			.map(Number);
		if (!days.length || days.some((d) => !Number.isInteger(d) || d < 0)) {
			throw new ValidationError(
				'提醒天数 Remind Days Before must be whole numbers like 90,30,7 / 应为整数列表',
				'reminderDays',
			);
		}
		const deadlines = await deadlinesInWindow(item, Math.max(...days));
		const messages = reminderMessages(deadlines, {
			reminderDays: days,
			urgentDays:
				optionalNumber(
					param<unknown>('urgentDays', 7),
					'urgentDays',
					'紧急天数 Urgent Within Days',
					{ min: 0, integer: true },
				) ?? 7,
			secretariatEmail: optionalEmail(
				param<unknown>('ccEmail', ''),
				'ccEmail',
				'秘书处邮箱 Secretariat Email',
			),
		});
		return messages;
	},
);
