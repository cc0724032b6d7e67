// Reads Argdown on stdin with @argdown/core (ESM only, so it runs here rather than inside jest) and
// prints its statements (title → first text, data) and relations as JSON.
import { ArgdownApplication, DataPlugin, ModelPlugin, ParserPlugin } from '@argdown/core';
import { readFileSync } from 'node:fs';

const app = new ArgdownApplication();
app.addPlugin(new ParserPlugin(), 'parse-input');
app.addPlugin(new DataPlugin(), 'build-model');
app.addPlugin(new ModelPlugin(), 'build-model');
const response = app.run({ process: ['parse-input', 'build-model'], input: readFileSync(0, 'utf8') });
const statements = Object.fromEntries(Object.entries(response.statements ?? {}).map(([title, s]) => [title, { text: (s.members[0]?.text ?? '').trim(), data: s.data ?? null }]));
const relations = (response.relations ?? []).map((r) => `${r.from.title} ${r.relationType} ${r.to.title}`).sort();
const errors = [...(response.parserErrors ?? []), ...(response.lexerErrors ?? [])].map((e) => e.message);
process.stdout.write(JSON.stringify({ errors, statements, relations }));
