// Fails when src/api/schema.d.ts is not what openapi-typescript makes of ../openapi/openapi.yaml,
// i.e. when the API changed and `npm run gen:api` was not run (and the result committed).
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const spec = resolve(root, '../openapi/openapi.yaml')
const committed = resolve(root, 'src/api/schema.d.ts')

if (!existsSync(spec)) {
  console.error(`check:api: ${spec} does not exist (the backend build generates it)`)
  process.exit(1)
}

const dir = mkdtempSync(join(tmpdir(), 'jinguo-api-'))
const fresh = join(dir, 'schema.d.ts')
try {
  const bin = resolve(root, 'node_modules/.bin/openapi-typescript')
  execFileSync(bin, [spec, '-o', fresh], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  const expected = readFileSync(fresh, 'utf8')
  const actual = existsSync(committed) ? readFileSync(committed, 'utf8') : ''
  if (expected !== actual) {
    console.error('check:api: src/api/schema.d.ts is stale: run `npm run gen:api` and commit the result.')
    process.exit(1)
  }
  console.log('check:api: src/api/schema.d.ts matches openapi/openapi.yaml')
} finally {
  rmSync(dir, { recursive: true, force: true })
}
