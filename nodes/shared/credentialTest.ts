import type {
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
} from 'n8n-workflow';
import { isValidTimeZone, openStore } from '../../core/store';
import { storeConfigFrom } from './store';

/** Connects, runs migrations and reports the schema version, or why it could not. */
export async function consortiumStoreTest(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const data = credential.data ?? {};
	const zone = String(data.timeZone || 'Asia/Shanghai');
	if (!isValidTimeZone(zone))
		return { status: 'Error', message: `时区无效 Unknown time zone "${zone}"` };
	try {
		const store = await openStore(storeConfigFrom(data));
		const version = store.schemaVersion;
		await store.close();
		const connected = `连接成功，数据结构版本 ${version} / Connected, schema version ${version}`;
		if (String(data.linkSecret ?? '').trim()) return { status: 'OK', message: connected };
		return {
			status: 'OK',
			message: `${connected}。注意：审批链接签名密钥为空，密钥将生成并保存在存储中——任何拿到存储副本的人都能打开并决定所有待审批链接；请在此填写密钥。 Note: the link signing secret is empty, so one is generated and kept in the store: anyone holding a copy of the store can open and decide every pending approval link. Set a secret here.`,
		};
	} catch (error) {
		return {
			status: 'Error',
			message: `无法连接存储 Cannot open the store: ${(error as Error).message}`,
		};
	}
}
