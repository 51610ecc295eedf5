// Each operation's properties are shown exactly under that operation (issue #18): the
// invariant updateOperationDisplayOptions gives when an operation file wraps its properties,
// with resource and operation the first keys n8n checks (an expression in a later key
// shows the property, so a field-level key first would show it under every operation).
import type { INodeProperties } from 'n8n-workflow';
import * as approval from '../../../nodes/Approval/v1/actions/approval';
import * as request from '../../../nodes/Approval/v1/actions/request';
import { resources as consortium } from '../../../nodes/Consortium/v1/actions/router';
import { resources as course } from '../../../nodes/Course/v1/actions/router';
import { resources as exchange } from '../../../nodes/Exchange/v1/actions/router';
import { resources as registry } from '../../../nodes/Registry/v1/actions/router';

type Resources = Record<string, Record<string, { description?: INodeProperties[] }>>;

const nodes: Record<string, Resources> = {
	Approval: { approval: approval.operations, request: request.operations },
	Consortium: consortium,
	Course: course,
	Exchange: exchange,
	Registry: registry,
};

const cases = Object.entries(nodes).flatMap(([node, resources]) =>
	Object.entries(resources).flatMap(([resource, operations]) =>
		Object.entries(operations).map(
			([operation, op]) => [`${node} ${resource}/${operation}`, resource, operation, op] as const,
		),
	),
);

describe('operation properties show under their own resource and operation only', () => {
	it.each(cases)('%s', (_label, resource, operation, op) => {
		expect(op.description?.length).toBeGreaterThan(0);
		for (const property of op.description ?? []) {
			expect([property.name, Object.keys(property.displayOptions?.show ?? {}).slice(0, 2)]).toEqual(
				[property.name, ['resource', 'operation']],
			);
			expect([property.name, property.displayOptions?.show?.resource]).toEqual([
				property.name,
				[resource],
			]);
			expect([property.name, property.displayOptions?.show?.operation]).toEqual([
				property.name,
				[operation],
			]);
		}
	});
});
