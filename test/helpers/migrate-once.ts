// Run as a separate process by the store suite: opens (and so migrates) the store given
// in STORE_CONFIG and prints the schema version.
import { openStore } from '../../core/store';

openStore(JSON.parse(process.env.STORE_CONFIG!))
	.then(async (store) => {
		process.stdout.write(store.schemaVersion);
		await store.close();
	})
	.catch((error) => {
		process.stderr.write(String(error?.stack ?? error));
		process.exit(1);
	});
