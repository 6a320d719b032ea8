// `npm start`: builds the server when the sources are newer than the build, then serves it.
import { spawnSync } from 'node:child_process';
import './build-if-needed.js';

const env = { PORT: '3000', ...process.env };
// adapter-node assumes https unless told the site's origin; locally it is plain http.
env.ORIGIN ??= `http://localhost:${env.PORT}`;
// Spreadsheets of activities (10,000 rows) are larger than adapter-node's default 512K.
env.BODY_SIZE_LIMIT ??= '10M';

const r = spawnSync(process.execPath, ['build/index.js'], { stdio: 'inherit', env });
process.exit(r.status ?? 1);
