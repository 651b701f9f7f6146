import { connectorDefinition } from './mocks/connectors/definitions.js';
import { buildDataset } from './mocks/execute/dataset.js';
const d = connectorDefinition('github')!;
const ds = buildDataset(d, 7, { records: 30000 });
const t = performance.now();
ds.get('issues');
console.log((performance.now() - t).toFixed(0), 'ms');
