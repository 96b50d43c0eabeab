/**
 * The layering of ARCHITECTURE.md as rules, checked by `npm test` (npm run lint:deps):
 *
 *   handlers, cli, local → app → jobs, notify, ingest, slack → alerts, detect, logs, lake, search, scan → store, config
 *
 * Domain interfaces (AlertStore …) live with their domain and store/ implements them, so store/
 * may import the domain's types while the domain never imports store/.
 */
const DOMAIN = '^src/(alerts|detect|logs|lake|search|scan)/';
const USE_CASES = '^src/(jobs|notify|ingest|slack)/';
const EDGES = '^(handlers/|src/(app|cli|local)/)';
/** The pure core: no AWS or Slack client, no native module; it is handed what it needs. */
const PURE = [
  '^src/(logs|detect|alerts)/',
  '^src/search/(?!.*-backend\\.ts$)',
  '^src/slack/(alert-message|confirmation-message|modals|message|search-message|render-text|escape|blocks)\\.ts$',
];
const CLIENT_MODULES = '^(@aws-sdk/(client-|lib-)|@slack/(bolt|web-api|socket-mode)|@duckdb/)';

module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'Cycles make a layer impossible to test or load alone.', from: {}, to: { circular: true } },
    {
      name: 'domain-stays-below',
      severity: 'error',
      comment: 'The domain never reaches up into use cases, transports, stores or the composition root.',
      from: { path: DOMAIN },
      to: { path: ['^src/(jobs|notify|ingest|slack|store|app|cli|local)/', '^handlers/'] },
    },
    {
      name: 'config-is-a-leaf',
      severity: 'error',
      comment: 'config/ reads and validates configuration; it calls nothing above it.',
      from: { path: '^src/config/' },
      to: { path: ['^src/(alerts|detect|logs|lake|search|scan|store|jobs|notify|ingest|slack|app|cli|local)/', '^handlers/'] },
    },
    {
      name: 'store-implements-ports',
      severity: 'error',
      comment: 'store/ implements interfaces declared by the layers that need them (AlertStore in alerts/, the request ledger in slack/): it may import their types, never their code.',
      from: { path: '^src/store/' },
      to: { path: ['^src/(jobs|notify|ingest|slack|app|cli|local)/', '^handlers/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'use-cases-stay-below-the-root',
      severity: 'error',
      comment: 'Use cases are wired by the composition root, never the other way round.',
      from: { path: USE_CASES },
      to: { path: EDGES },
    },
    {
      name: 'root-below-edges',
      severity: 'error',
      comment: 'The composition root builds what the edges run; it does not import them.',
      from: { path: '^src/app/' },
      to: { path: ['^src/(cli|local)/', '^handlers/'] },
    },
    {
      name: 'pack-is-passed-in',
      severity: 'error',
      comment: 'The detection pack is handed to the engine by the composition root (and the CLI), so tests can give it other rules.',
      from: { path: '^src/(?!app/|cli/)' },
      to: { path: '^detections/' },
    },
    {
      name: 'pure-core-has-no-clients',
      severity: 'error',
      comment: 'Parsing, detection, alert logic, the search compiler and Block Kit builders take their clients as arguments.',
      from: { path: PURE },
      to: { path: CLIENT_MODULES, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
