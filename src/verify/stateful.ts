// `verify --fuzz --stateful`: model-based sequences along the API's resources. The machinery is in stateful/run.ts,
// each group's commands in a module beside it; this is the entry point bin/ and the tests import.
export { mergeChecks, statefulRun, type StatefulOptions, type StatefulReport } from './stateful/run.js';
