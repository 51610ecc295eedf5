import type { ICredentialTestFunctions, ICredentialsDecrypted, INodeCredentialTestResult } from 'n8n-workflow';
import { isValidTimeZone, openStore } from '../../core/store';
import { storeConfigFrom } from './store';

/** Connects, runs migrations and reports the schema version, or why it could not. */
export async function consortiumStoreTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const zone = String(data.timeZone || 'Asia/Shanghai');
	if (!isValidTimeZone(zone)) return { status: 'Error', message: `时区无效 Unknown time zone "${zone}"` };
	try {
		const store = await openStore(storeConfigFrom(data));
		const version = store.schemaVersion;
		await store.close();
		return { status: 'OK', message: `连接成功，数据结构版本 ${version} / Connected, schema version ${version}` };
	} catch (error) {
		return { status: 'Error', message: `无法连接存储 Cannot open the store: ${(error as Error).message}` };
	}
}
