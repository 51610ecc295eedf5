// Run as a separate process by the store suite: creates N organisations, one transaction
// each, in the store given in STORE_CONFIG, and prints how many it wrote.
import { openStore } from '../../core/store';
import { organisations } from '../../core/directory';

(async () => {
	const store = await openStore(JSON.parse(process.env.STORE_CONFIG!));
	const n = Number(process.env.COUNT ?? 100);
	const tag = process.env.TAG ?? String(process.pid);
	for (let i = 0; i < n; i++) {
		await organisations.create(store, { name: `${tag}-${i}`, kind: 'enterprise' }, { actor: tag });
	}
	await store.close();
	process.stdout.write(String(n));
})().catch((error) => {
	process.stderr.write(String(error?.stack ?? error));
	process.exit(1);
});
