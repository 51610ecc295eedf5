import { allMigrations } from '../../core/store';
import { consortiumStoreTest } from '../../nodes/shared/credentialTest';
import { freshStoreConfig, testDialects } from '../helpers/dialects';

const credentialOf = (data: Record<string, unknown>) =>
	({ id: '1', name: 'store', type: 'consortiumStoreApi', data }) as any;

describe.each(testDialects())('credential test on %s', (dialect) => {
	it('connects, migrates and reports the schema version', async () => {
		const config = await freshStoreConfig(dialect);
		const result = await consortiumStoreTest.call(
			{} as any,
			credentialOf({ storeType: config.type, ...config, timeZone: 'Asia/Shanghai' }),
		);
		expect(result.status).toBe('OK');
		expect(result.message).toContain(allMigrations().at(-1)!.name);
		// no link secret: it would be generated into the store, and the test says what a copy of the store then opens
		expect(result.message).toContain(
			'anyone holding a copy of the store can open and decide every pending approval link',
		);
		const withSecret = await consortiumStoreTest.call(
			{} as any,
			credentialOf({
				storeType: config.type,
				...config,
				timeZone: 'Asia/Shanghai',
				linkSecret: 'a-secret-kept-by-n8n',
			}),
		);
		expect(withSecret).toEqual({
			status: 'OK',
			message: expect.not.stringContaining('copy of the store'),
		});
	});
});

describe('credential test failures', () => {
	it('explains an unreachable PostgreSQL', async () => {
		const result = await consortiumStoreTest.call(
			{} as any,
			credentialOf({
				storeType: 'postgres',
				host: '127.0.0.1',
				port: 1,
				database: 'x',
				user: 'x',
				password: 'x',
			}),
		);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/无法连接存储 Cannot open the store: .*ECONNREFUSED/);
	});

	it('refuses an unknown time zone', async () => {
		const result = await consortiumStoreTest.call(
			{} as any,
			credentialOf({ storeType: 'sqlite', timeZone: 'Mars/Olympus' }),
		);
		expect(result).toEqual({
			status: 'Error',
			message: '时区无效 Unknown time zone "Mars/Olympus"',
		});
	});
});
