import {
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';
import {
	getStore,
	isValidTimeZone,
	resolveSettings,
	type ConsortiumSettings,
	type Store,
	type StoreConfig,
} from '../../core/store';
import { quoted } from '../../core/util/errors';

export const CREDENTIAL_NAME = 'consortiumStoreApi';

export interface Consortium {
	store: Store;
	settings: ConsortiumSettings;
	publicBaseUrl: string;
}

export function storeConfigFrom(credentials: ICredentialDataDecryptedObject): StoreConfig {
	if (credentials.storeType === 'postgres') {
		return {
			type: 'postgres',
			host: String(credentials.host || '127.0.0.1'),
			port: Number(credentials.port || 5432),
			database: String(credentials.database || 'consortium'),
			user: String(credentials.user || ''),
			password: String(credentials.password || ''),
			ssl: Boolean(credentials.ssl),
		};
	}
	return { type: 'sqlite', sqlitePath: String(credentials.sqlitePath || '') || undefined };
}

type AnyContext =
	| IExecuteFunctions
	| IWebhookFunctions
	| IPollFunctions
	| ILoadOptionsFunctions
	| IHookFunctions;

/** An app's AgentId as the credential holds it: 0 or empty means none. */
const agentId = (value: unknown) => (Number(value) > 0 ? Number(value) : undefined);

/** The store and settings behind the node's credential; the store is opened once per process. */
export async function consortiumFor(ctx: AnyContext): Promise<Consortium> {
	const credentials = await ctx.getCredentials(CREDENTIAL_NAME);
	const timeZone = String(credentials.timeZone || '').trim();
	if (timeZone && !isValidTimeZone(timeZone)) {
		// the credential, not an item, is wrong: said as n8n says it, without a stack in the log
		throw new NodeOperationError(
			ctx.getNode(),
			`Unknown time zone ${quoted(timeZone)} / 时区无效`,
			{ description: '凭证 Credential: 时区 Time Zone' },
		);
	}
	const store = await getStore(storeConfigFrom(credentials));
	const settings = await resolveSettings(store, {
		timeZone: String(credentials.timeZone || ''),
		linkSecret: String(credentials.linkSecret || ''),
		chatApps: {
			wecomAgentId: agentId(credentials.wecomAgentId),
			dingtalkAgentId: agentId(credentials.dingtalkAgentId),
		},
	});
	return { store, settings, publicBaseUrl: String(credentials.publicBaseUrl || '') };
}
