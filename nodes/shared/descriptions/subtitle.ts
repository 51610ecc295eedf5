import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** `创建 Create` → [`创建`, `Create`]: the Chinese-first label split at its first space. */
function parts(option: INodePropertyOptions): [string, string] {
	const [zh, ...en] = option.name.split(' ');
	return [zh, en.join(' ')];
}

const optionsOf = (property: INodeProperties | undefined) =>
	(property?.options ?? []) as INodePropertyOptions[];

/**
 * The canvas subtitle of a resource/operation node, Chinese first (`创建单位 Create: Organisation`),
 * from the labels its own options carry, so it never drifts from them. A pair the table lacks
 * (a newer operation in an older description) shows the raw values.
 */
export function resourceOperationSubtitle(properties: INodeProperties[]): string {
	const resources = optionsOf(properties.find((p) => p.name === 'resource'));
	const table: Record<string, string> = {};
	for (const operation of properties.filter((p) => p.name === 'operation')) {
		const forResources =
			(operation.displayOptions?.show?.resource as string[] | undefined) ??
			resources.map((r) => String(r.value));
		for (const resourceValue of forResources) {
			const resource = resources.find((r) => r.value === resourceValue);
			const [resourceZh, resourceEn] = resource ? parts(resource) : ['', String(resourceValue)];
			for (const option of optionsOf(operation)) {
				const [operationZh, operationEn] = parts(option);
				table[`${resourceValue}.${String(option.value)}`] =
					`${operationZh}${resourceZh} ${operationEn}: ${resourceEn}`;
			}
		}
	}
	const key = resources.length
		? '$parameter["resource"] + "." + $parameter["operation"]'
		: '"." + $parameter["operation"]';
	return `={{ ${JSON.stringify(table)}[${key}] ?? ($parameter["operation"] + ": " + $parameter["resource"]) }}`;
}

/** The subtitle of a node whose one multi-option parameter says what it does (the trigger's events): `记录变更 +2`. */
export function optionsSubtitle(property: INodeProperties): string {
	const table = Object.fromEntries(
		optionsOf(property).map((o) => [String(o.value), o.name.split(' ')[0]]),
	);
	// n8n's expressions take no function literals: the first choice by name, then how many more.
	const chosen = `$parameter["${property.name}"]`;
	return `={{ (${JSON.stringify(table)}[${chosen}[0]] ?? ${chosen}[0]) + (${chosen}.length > 1 ? " +" + (${chosen}.length - 1) : "") }}`;
}
