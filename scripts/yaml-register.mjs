// `node --import ./scripts/yaml-register.mjs`: lets plain Node (and tsx) import the specs' YAML as data, as the
// builds and vitest already do (scripts/yaml-plugin.mjs). Used to run code that imports src/validation from source.
import { register } from 'node:module';

register('./yaml-hooks.mjs', import.meta.url);
