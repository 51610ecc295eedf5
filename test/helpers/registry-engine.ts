import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Container } from '@n8n/di';
import { BinaryDataService } from 'n8n-core';
import type { IBinaryData, IDataObject } from 'n8n-workflow';
import { oneNodeWorkflow } from './one-node';

/** Start → one Registry node with the given parameters. */
export function registryWorkflow(parameters: IDataObject, extra: IDataObject = {}) {
	return oneNodeWorkflow('n8n-nodes-consortium.registry', 'Registry', parameters, extra);
}

/** A shipped workflow, as it is imported into n8n. */
export function shippedWorkflow(file: string): any {
	return JSON.parse(readFileSync(join(__dirname, '..', '..', 'workflows', file), 'utf8'));
}

/**
 * The form trigger's upload, replayed: the trigger is swapped for a Convert to File node that
 * turns the test's base64 into the binary property the Form Trigger would produce, wired to
 * what the trigger feeds. (The Form Trigger's own module pulls ESM-only packages jest cannot load.)
 */
export function withTestUpload(
	workflow: any,
	triggerName: string,
	binaryProperty: string,
	fileName: string,
): any {
	const copy = structuredClone(workflow);
	const uploadName = '测试上传 Test Upload';
	copy.nodes.push({
		id: 'test-upload',
		name: uploadName,
		type: 'n8n-nodes-base.convertToFile',
		typeVersion: 1.1,
		position: [0, 300],
		parameters: {
			operation: 'toBinary',
			sourceProperty: 'file',
			binaryPropertyName: binaryProperty,
			options: {
				fileName,
				mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			},
		},
	});
	copy.nodes = copy.nodes.filter((n: { name: string }) => n.name !== triggerName);
	// A form's ending page needs its Form Trigger; with the trigger replaced, the ending stays out too.
	for (const node of copy.nodes) if (node.type === 'n8n-nodes-base.form') node.disabled = true;
	copy.connections[uploadName] = copy.connections[triggerName];
	delete copy.connections[triggerName];
	return { workflow: copy, startNode: uploadName };
}

export async function binaryBuffer(binary: IBinaryData): Promise<Buffer> {
	if (binary.id) return Container.get(BinaryDataService).getAsBuffer(binary);
	return Buffer.from(binary.data, 'base64');
}
